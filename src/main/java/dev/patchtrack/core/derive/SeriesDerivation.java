package dev.patchtrack.core.derive;

import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.classify.TopicLabel;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.DiffStat;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.review.Checks;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.core.series.SeriesBuilder;
import dev.patchtrack.core.series.SeriesModel.AppliedDraft;
import dev.patchtrack.core.series.SeriesModel.AttributedTrailer;
import dev.patchtrack.core.series.SeriesModel.LinkReason;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.RevisionLink;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import dev.patchtrack.core.tree.TreeMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A group of messages derived whole: series, revisions and patches with their trailers, states and
 * reasons, topics and reasons, rollups, link reasons and applied notices with what they cover. A pure
 * function of its {@link Inputs}: the store compares the result with what it holds and writes the
 * difference.
 */
public final class SeriesDerivation {

    private SeriesDerivation() {
    }

    /** A maintainer's override of one patch. */
    public record PatchOverride(ReviewState state, String by, String note) {
    }

    /**
     * What a group is derived from, all keyed by Message-ID.
     *
     * @param facts      the group's messages
     * @param context    messages outside the group it may refer to (the pull requests that list its titles)
     * @param listsOf    the lists each message reached, by name
     * @param overrides  maintainers' overrides of patch states
     * @param inTrees    the commit of a tracked tree each patch was found as
     * @param checks     the CI checks on each patch and cover letter, oldest first
     * @param classifier the topic rules
     */
    public record Inputs(Map<String, MailFacts> facts, Map<String, MailFacts> context,
                         Map<String, List<String>> listsOf, Map<String, PatchOverride> overrides,
                         Map<String, TreeMatch> inTrees, Map<String, List<Checks.Result>> checks,
                         Classifier classifier) {
    }

    /** Every series of the group, as it should be stored. */
    public static List<Derived.Series> derive(Inputs in) {
        List<SeriesDraft> drafts = new SeriesBuilder().build(in.facts().values(), in.context().values());
        RevisionDerivation revisions = new RevisionDerivation(in.facts(), in.classifier(), in.overrides(),
                in.inTrees(), in.checks());
        List<Derived.Series> out = new ArrayList<>(drafts.size());
        for (SeriesDraft d : drafts) {
            out.add(series(d, in, revisions));
        }
        return out;
    }

    private static boolean known(Inputs in, String messageId) {
        return messageId != null && (in.facts().containsKey(messageId) || in.context().containsKey(messageId));
    }

    private static Derived.Series series(SeriesDraft d, Inputs in, RevisionDerivation derivation) {
        Map<String, LinkReason> linkReasonByNewer = new HashMap<>();
        for (RevisionLink link : d.links()) {
            linkReasonByNewer.put(link.newerKey(), link.reason());
        }
        Set<String> seriesLists = new TreeSet<>();
        List<Derived.Revision> revisions = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        int latestVersion = 0;
        Derived.Revision latest = null;
        Map<String, TopicLabel> seriesTopics = new TreeMap<>();
        for (int ri = 0; ri < d.revisions().size(); ri++) {
            RevisionDraft r = d.revisions().get(ri);
            String newer = ri + 1 < d.revisions().size() ? d.revisions().get(ri + 1).key() : null;
            Map<String, List<Derived.GivenTrailer>> trailers = new HashMap<>();
            for (AttributedTrailer t : r.trailers()) {
                if (known(in, t.sourceMessageId())) {
                    trailers.computeIfAbsent(t.patchMessageId(), k -> new ArrayList<>())
                            .add(new Derived.GivenTrailer(t.trailer(), t.sourceMessageId()));
                }
            }
            String cover = known(in, r.coverMessageId()) ? r.coverMessageId() : null;
            Set<String> revisionLists = new TreeSet<>();
            for (PatchSlot slot : r.patches()) {
                revisionLists.addAll(in.listsOf().getOrDefault(slot.messageId(), List.of()));
            }
            if (cover != null) {
                revisionLists.addAll(in.listsOf().getOrDefault(cover, List.of()));
            }
            RevisionDerivation.Outcome derived = derivation.revision(r, newer, List.copyOf(revisionLists));
            List<Derived.Patch> patches = new ArrayList<>();
            for (PatchSlot slot : r.patches()) {
                MailFacts f = in.facts().get(slot.messageId());
                if (f == null) {
                    continue;
                }
                DiffStat diff = f.diff();
                patches.add(new Derived.Patch(slot.messageId(), slot.number(), f.tags().subject(), f.author(), f.date(),
                        diff == null ? 0 : diff.files().size(), diff == null ? 0 : diff.insertions(),
                        diff == null ? 0 : diff.deletions(), trailers.getOrDefault(slot.messageId(), List.of()),
                        derived.patchStates().get(slot.messageId()), derived.overridden().contains(slot.messageId())));
                seriesLists.addAll(in.listsOf().getOrDefault(slot.messageId(), List.of()));
                first = min(first, f.date());
                last = max(last, f.date());
            }
            if (cover != null) {
                seriesLists.addAll(in.listsOf().getOrDefault(cover, List.of()));
            }
            first = min(first, r.date());
            last = max(last, r.date());
            latestVersion = Math.max(latestVersion, r.version());
            derived.topics().forEach(t -> seriesTopics.merge(t.topic(), t, SeriesDerivation::unionOfDetails));
            latest = new Derived.Revision(r.key(), r.version(), r.versionMinor(), r.total(), r.rfc(), r.title(),
                    r.author(), r.date(), cover, linkReasonByNewer.get(r.key()), r.complete(), r.extraPatches(),
                    r.changeId(), patches, r.dependsOn(), applied(r, in), derived.state(), derived.topics());
            revisions.add(latest);
        }
        if (seriesTopics.size() > 1) {
            // Rust work in an area is not also "other" or "not Rust" because one revision said so.
            seriesTopics.remove(Classifier.RUST_OTHER);
            seriesTopics.remove(Classifier.NOT_RUST);
        }
        return new Derived.Series(d.key(), d.title(), d.author(), first, last, latestVersion,
                List.copyOf(seriesLists), revisions, latest == null ? null : latest.state(),
                List.copyOf(seriesTopics.values()));
    }

    /** A series' label: the first revision's reason, the details of every revision (each architecture once, in order). */
    private static TopicLabel unionOfDetails(TopicLabel first, TopicLabel later) {
        TreeSet<String> details = new TreeSet<>();
        for (TopicLabel t : List.of(first, later)) {
            details.addAll(TopicLabel.values(t.detail()));
        }
        return new TopicLabel(first.topic(), first.reason(), TopicLabel.detail(details));
    }

    /** The revision's applied notices whose message is at hand, each with the patches it covers. */
    private static List<Derived.Applied> applied(RevisionDraft r, Inputs in) {
        List<Derived.Applied> out = new ArrayList<>(r.applied().size());
        for (AppliedDraft a : r.applied()) {
            if (!known(in, a.messageId())) {
                continue;
            }
            AppliedNotice n = a.notice();
            List<Integer> covers = new ArrayList<>();
            for (PatchSlot slot : r.patches()) {
                MailFacts f = in.facts().get(slot.messageId());
                String title = f == null || f.tags() == null ? null : f.tags().normalizedTitle();
                if (AppliedCoverage.covers(n, a.number(), a.from(), slot.number(), title, r.author())) {
                    covers.add(slot.number());
                }
            }
            covers.sort(null);
            out.add(new Derived.Applied(a.number(), a.messageId(), n.by() != null ? n.by() : a.from(), n.tree(),
                    n.branch(), n.commits(), covers));
        }
        return out;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
