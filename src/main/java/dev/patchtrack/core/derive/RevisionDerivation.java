package dev.patchtrack.ingest;

import dev.patchtrack.core.classify.ClassifyInput;
import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.classify.TopicLabel;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.patch.DiffstatLines;
import dev.patchtrack.core.patch.SubjectParser;
import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.review.Checks;
import dev.patchtrack.core.review.ReviewDeriver;
import dev.patchtrack.core.review.ReviewInput;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.core.review.StateReason;
import dev.patchtrack.core.series.SeriesModel.AppliedDraft;
import dev.patchtrack.core.series.SeriesModel.AttributedTrailer;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.tree.TreeMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topics and review states of one revision, from the facts of its messages: the glue between the
 * series drafts and the pure classifier and review deriver.
 */
final class Derivation {

    /** What a revision is about and where it stands. */
    record Derived(Map<String, StateReason> patchStates, Set<String> overridden, StateReason state,
                   List<TopicLabel> topics) {
    }

    /** A maintainer's override of one patch. */
    record PatchOverride(ReviewState state, String by, String note) {
    }

    private final Map<String, MailFacts> facts;
    private final Classifier classifier;
    private final Map<String, String> coverText;
    private final Map<String, PatchOverride> overrides;
    private final Map<String, TreeMatch> inTrees;
    private final Map<String, List<Checks.Result>> checks;

    /**
     * {@code inTrees}: the commit of a tracked tree each patch was found as, by Message-ID; {@code checks}:
     * the CI checks on each patch and cover letter, oldest first, by Message-ID.
     */
    Derivation(Map<String, MailFacts> facts, Classifier classifier, Map<String, String> coverText,
               Map<String, PatchOverride> overrides, Map<String, TreeMatch> inTrees,
               Map<String, List<Checks.Result>> checks) {
        this.checks = checks;
        this.facts = facts;
        this.classifier = classifier;
        this.coverText = coverText;
        this.overrides = overrides;
        this.inTrees = inTrees;
    }

    Derived revision(RevisionDraft r, String newerKey, List<String> lists) {
        Set<String> patchIds = new LinkedHashSet<>();
        for (PatchSlot p : r.patches()) {
            patchIds.add(p.messageId());
        }
        Map<String, List<ReviewInput.Response>> responses = new HashMap<>();
        Map<String, List<Trailer>> trailersBySourceAndPatch = new HashMap<>();
        for (AttributedTrailer t : r.trailers()) {
            trailersBySourceAndPatch.computeIfAbsent(t.sourceMessageId() + "\u0000" + t.patchMessageId(),
                    k -> new ArrayList<>()).add(t.trailer());
        }
        for (String reply : r.replies()) {
            MailFacts f = facts.get(reply);
            if (f == null) {
                continue;
            }
            for (String target : r.replyPatches().getOrDefault(reply, List.of())) {
                List<Trailer> given = trailersBySourceAndPatch.getOrDefault(reply + "\u0000" + target, List.of());
                responses.computeIfAbsent(target, k -> new ArrayList<>())
                        .add(new ReviewInput.Response(reply, f.from(), f.date(), given, f.asksForChanges(),
                                f.promisesRevision()));
            }
        }
        Map<String, StateReason> states = new LinkedHashMap<>();
        Set<String> overridden = new HashSet<>();
        for (String patch : patchIds) {
            PatchOverride o = overrides.get(patch);
            if (o != null) {
                states.put(patch, StateReason.overridden(o.state(), o.by(), o.note()));
                overridden.add(patch);
                continue;
            }
            MailFacts pf = facts.get(patch);
            ReviewInput in = new ReviewInput(pf == null ? null : pf.author(), pf == null ? null : pf.from(),
                    responses.getOrDefault(patch, List.of()), newerKey, accepted(r, patch), patch,
                    pf == null ? List.of() : pf.trailers());
            states.put(patch, ReviewDeriver.patch(in));
        }
        StateReason state = ReviewDeriver.rollUp(List.copyOf(states.values()));
        List<String> checked = new ArrayList<>();
        if (r.coverMessageId() != null) {
            checked.add(r.coverMessageId());
        }
        checked.addAll(patchIds);
        for (String m : checked) {
            // a failing check of the cover letter or of any patch: named in the revision's reason
            state = Checks.withFailures(state, checks.getOrDefault(m, List.of()));
        }
        return new Derived(states, overridden, state, topics(r, lists));
    }

    private static int numberOf(RevisionDraft r, String patch) {
        for (PatchSlot p : r.patches()) {
            if (p.messageId().equals(patch)) {
                return p.number();
            }
        }
        return 0;
    }

    /** The commit of a tracked tree that carries the patch, else an applied notice that covers it. */
    private ReviewInput.Evidence accepted(RevisionDraft r, String patch) {
        TreeMatch m = inTrees.get(patch);
        if (m != null) {
            return new ReviewInput.Evidence(null, null, m.detail());
        }
        MailFacts f = facts.get(patch);
        ReviewInput.Evidence notice = accepted(r, numberOf(r, patch), f == null || f.tags() == null ? null
                : f.tags().normalizedTitle());
        if (notice == null && f != null && f.tags() != null && f.tags().committed()) {
            // [COMMITTED 01/02]: the sender pushed it before posting it (GCC's lists)
            return new ReviewInput.Evidence(patch, f.from(), "posted as committed");
        }
        return notice;
    }

    /** The applied notice that covers patch {@code number}: one naming it, or one for the whole revision. */
    private ReviewInput.Evidence accepted(RevisionDraft r, int number, String title) {
        for (AppliedDraft a : r.applied()) {
            if (a.number() != 0 && a.number() != number) {
                continue;
            }
            if (isAuthorOf(r, a) && a.notice().tree() == null && a.notice().branch() == null) {
                continue; // "I applied all fixes": the author speaking of their own work, not of a tree
            }
            AppliedNotice n = a.notice();
            boolean numbered = n.commits().stream().anyMatch(c -> c.number() > 0);
            boolean titled = n.commits().stream().anyMatch(c -> c.title() != null) && !numbered;
            if (a.number() == 0 && numbered && n.commits().stream().noneMatch(c -> c.number() == number
                    || sameTitle(c.title(), title))) {
                continue; // a thank-you that lists the patches it took, and not this one
            }
            if (a.number() == 0 && titled && n.commits().stream().noneMatch(c -> sameTitle(c.title(), title))) {
                continue; // it names the patches it took by title, and not this one
            }
            StringBuilder detail = new StringBuilder("applied");
            if (n.tree() != null || n.branch() != null) {
                detail.append(" to ").append(n.tree() != null ? n.tree() : "")
                        .append(n.tree() != null && n.branch() != null ? " " : "").append(n.branch() != null ? n.branch() : "");
            }
            n.commits().stream().filter(c -> c.commit() != null && (c.number() == number || n.commits().size() == 1))
                    .findFirst().ifPresent(c -> detail.append(" (commit ").append(c.commit()).append(')'));
            return new ReviewInput.Evidence(a.messageId(), n.by() != null ? n.by() : a.from(), detail.toString());
        }
        return null;
    }

    private static boolean sameTitle(String noticeTitle, String patchTitle) {
        return noticeTitle != null && patchTitle != null
                && SubjectParser.parse(noticeTitle).normalizedTitle().strip().equals(patchTitle.strip());
    }

    /** Whether the notice comes from the revision's own author (by address). */
    private boolean isAuthorOf(RevisionDraft r, AppliedDraft a) {
        if (a.from() == null || r.author() == null || a.from().email().isEmpty()) {
            return false;
        }
        return a.from().key().equals(r.author().key());
    }

    private List<TopicLabel> topics(RevisionDraft r, List<String> lists) {
        List<String> paths = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        if (r.coverMessageId() != null && facts.containsKey(r.coverMessageId())) {
            subjects.add(facts.get(r.coverMessageId()).tags().title());
        }
        for (PatchSlot p : r.patches()) {
            MailFacts f = facts.get(p.messageId());
            if (f == null) {
                continue;
            }
            subjects.add(f.tags().title());
            if (f.diff() != null) {
                f.diff().files().forEach(c -> paths.add(c.path()));
            }
        }
        String text = r.coverMessageId() == null ? "" : coverText.getOrDefault(r.coverMessageId(), "");
        if (r.patches().size() < r.total()) {
            // some patches never reached this list: the cover letter's diffstat says what the posting touches
            for (String path : DiffstatLines.paths(text)) {
                if (!paths.contains(path)) {
                    paths.add(path);
                }
            }
        }
        return classifier.classify(new ClassifyInput(paths, subjects, lists, text));
    }
}
