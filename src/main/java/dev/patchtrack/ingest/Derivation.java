package dev.patchtrack.ingest;

import dev.patchtrack.core.classify.ClassifyInput;
import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.classify.TopicLabel;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.review.ReviewDeriver;
import dev.patchtrack.core.review.ReviewInput;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.core.review.StateReason;
import dev.patchtrack.core.series.SeriesModel.AttributedTrailer;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
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
    record PatchOverride(String state, String by, String note) {
    }

    private final Map<String, MailFacts> facts;
    private final Classifier classifier;
    private final Map<String, String> coverText;
    private final Map<String, PatchOverride> overrides;

    Derivation(Map<String, MailFacts> facts, Classifier classifier, Map<String, String> coverText,
               Map<String, PatchOverride> overrides) {
        this.facts = facts;
        this.classifier = classifier;
        this.coverText = coverText;
        this.overrides = overrides;
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
            for (String target : targets(f, patchIds, r.coverMessageId())) {
                List<Trailer> given = trailersBySourceAndPatch.getOrDefault(reply + "\u0000" + target, List.of());
                responses.computeIfAbsent(target, k -> new ArrayList<>())
                        .add(new ReviewInput.Response(reply, f.from(), f.date(), given, f.asksForChanges()));
            }
        }
        Map<String, StateReason> states = new LinkedHashMap<>();
        Set<String> overridden = new HashSet<>();
        for (String patch : patchIds) {
            PatchOverride o = overrides.get(patch);
            if (o != null) {
                states.put(patch, new StateReason(ReviewState.fromWire(o.state()), null, null,
                        "set by " + o.by() + (o.note() == null || o.note().isBlank() ? "" : ": " + o.note())));
                overridden.add(patch);
                continue;
            }
            MailFacts pf = facts.get(patch);
            ReviewInput in = new ReviewInput(pf == null ? null : pf.author(), pf == null ? null : pf.from(),
                    responses.getOrDefault(patch, List.of()), newerKey, null);
            states.put(patch, ReviewDeriver.patch(in));
        }
        StateReason state = ReviewDeriver.rollUp(List.copyOf(states.values()));
        return new Derived(states, overridden, state, topics(r, lists));
    }

    /** The patches a reply concerns: the patch it is under, or every patch when it is under the cover letter. */
    private List<String> targets(MailFacts reply, Set<String> patches, String cover) {
        Set<String> seen = new HashSet<>();
        String cur = reply.parent();
        while (cur != null && seen.add(cur)) {
            if (patches.contains(cur)) {
                return List.of(cur);
            }
            if (cur.equals(cover)) {
                return List.copyOf(patches);
            }
            MailFacts up = facts.get(cur);
            cur = up == null ? null : up.parent();
        }
        return List.of();
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
        return classifier.classify(new ClassifyInput(paths, subjects, lists, text));
    }
}
