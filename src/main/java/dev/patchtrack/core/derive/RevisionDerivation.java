package dev.patchtrack.core.derive;

import dev.patchtrack.core.classify.ClassifyInput;
import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.classify.TopicLabel;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.patch.DiffstatLines;
import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.review.Checks;
import dev.patchtrack.core.review.ReviewDeriver;
import dev.patchtrack.core.review.ReviewInput;
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
 * series drafts and the classifier and review deriver.
 */
final class RevisionDerivation {

    /** What a revision is about and where it stands. */
    record Outcome(Map<String, StateReason> patchStates, Set<String> overridden, StateReason state,
                   List<TopicLabel> topics) {
    }

    private final Map<String, MailFacts> facts;
    private final Classifier classifier;
    private final Map<String, SeriesDerivation.PatchOverride> overrides;
    private final Map<String, TreeMatch> inTrees;
    private final Map<String, List<Checks.Result>> checks;

    /**
     * {@code inTrees}: the commit of a tracked tree each patch was found as, by Message-ID; {@code checks}:
     * the CI checks on each patch and cover letter, oldest first, by Message-ID.
     */
    RevisionDerivation(Map<String, MailFacts> facts, Classifier classifier,
                       Map<String, SeriesDerivation.PatchOverride> overrides, Map<String, TreeMatch> inTrees,
                       Map<String, List<Checks.Result>> checks) {
        this.checks = checks;
        this.facts = facts;
        this.classifier = classifier;
        this.overrides = overrides;
        this.inTrees = inTrees;
    }

    Outcome revision(RevisionDraft r, String newerKey, List<String> lists) {
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
            SeriesDerivation.PatchOverride o = overrides.get(patch);
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
        return new Outcome(states, overridden, state, topics(r, lists));
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

    /** The first applied notice that covers patch {@code number} ({@link AppliedCoverage}). */
    private static ReviewInput.Evidence accepted(RevisionDraft r, int number, String title) {
        for (AppliedDraft a : r.applied()) {
            AppliedNotice n = a.notice();
            if (AppliedCoverage.covers(n, a.number(), a.from(), number, title, r.author())) {
                return new ReviewInput.Evidence(a.messageId(), n.by() != null ? n.by() : a.from(),
                        AppliedCoverage.detail(n, number, title));
            }
        }
        return null;
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
        MailFacts cover = r.coverMessageId() == null ? null : facts.get(r.coverMessageId());
        String text = cover == null || cover.coverText() == null ? "" : cover.coverText();
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
