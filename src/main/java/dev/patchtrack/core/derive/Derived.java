package dev.patchtrack.core.derive;

import dev.patchtrack.core.classify.TopicLabel;
import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.review.StateReason;
import dev.patchtrack.core.series.SeriesModel.LinkReason;
import java.time.Instant;
import java.util.List;

/** What {@link SeriesDerivation} derives, keyed by Message-ID: what the store should hold. */
public final class Derived {

    private Derived() {
    }

    /**
     * A series as it should be stored.
     *
     * @param lists  the lists any of its patches or cover letters reached, by name, sorted
     * @param state  the latest revision's state
     * @param topics the first revision's label and reason per topic, with the details of every revision;
     *               "other Rust" and "not Rust" give way to any other label
     */
    public record Series(String key, String title, Address author, Instant firstPostedAt, Instant lastPostedAt,
                         int latestVersion, List<String> lists, List<Revision> revisions, StateReason state,
                         List<TopicLabel> topics) {

        public Series {
            lists = List.copyOf(lists);
            revisions = List.copyOf(revisions);
            topics = List.copyOf(topics);
        }
    }

    /**
     * A revision as it should be stored.
     *
     * @param coverMessageId its cover letter, null when there is none (or it is not at hand)
     * @param linkReason     why it follows the revision before it, null for the first
     */
    public record Revision(String key, int version, int versionMinor, int total, boolean rfc, String title,
                           Address author, Instant postedAt, String coverMessageId, LinkReason linkReason,
                           boolean complete, boolean extraPatches, String changeId, List<Patch> patches,
                           List<String> dependsOn, List<Applied> applied, StateReason state,
                           List<TopicLabel> topics) {

        public Revision {
            patches = List.copyOf(patches);
            dependsOn = List.copyOf(dependsOn);
            applied = List.copyOf(applied);
            topics = List.copyOf(topics);
        }
    }

    /**
     * A patch as it should be stored.
     *
     * @param overridden its state is a maintainer's override
     */
    public record Patch(String messageId, int number, String subject, Address author, Instant postedAt,
                        int filesChanged, int insertions, int deletions, List<GivenTrailer> trailers,
                        StateReason state, boolean overridden) {

        public Patch {
            trailers = List.copyOf(trailers);
        }
    }

    /** A trailer of a patch and the message that gave it (the patch, a reply, the cover letter). */
    public record GivenTrailer(Trailer trailer, String sourceMessageId) {
    }

    /**
     * An "applied" notice as it should be stored.
     *
     * @param patchNumber the patch it answers, 0 when it answers the revision
     * @param person      who applied: the name the notice gives, else its sender
     * @param covers      the numbers of the patches it covers ({@link AppliedCoverage}), ascending
     */
    public record Applied(int patchNumber, String sourceMessageId, Address person, String tree, String branch,
                          List<AppliedNotice.Commit> commits, List<Integer> covers) {

        public Applied {
            commits = List.copyOf(commits);
            covers = List.copyOf(covers);
        }
    }
}
