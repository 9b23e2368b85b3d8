package dev.patchtrack.core.series;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.model.WireNames;
import dev.patchtrack.core.model.WireWord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The output of threading and linking: series made of revisions made of patches. */
public final class SeriesModel {

    private SeriesModel() {
    }

    /** Which signal linked a revision to the one before it. */
    public enum LinkReason implements WireWord {
        /** the same b4 change-id in both */
        CHANGE_ID,
        /** the newer cover letter (or single patch) links to the earlier version */
        EXPLICIT_LINK,
        /** the newer cover letter replies to the earlier one */
        COVER_REPLY,
        /** same author, same normalized subject, higher version, later date */
        HEURISTIC;
    }

    /** One patch of a revision. */
    public record PatchSlot(int number, String messageId) {
    }

    /**
     * A trailer attributed to a patch.
     *
     * @param patchMessageId  the patch it applies to
     * @param trailer         the trailer
     * @param sourceMessageId the message that wrote it (the patch itself, a reply, or the cover letter)
     */
    public record AttributedTrailer(String patchMessageId, Trailer trailer, String sourceMessageId) {
    }

    /**
     * An "applied" notice given in a revision's thread, or a later pull request that lists its patches.
     *
     * @param messageId the notice
     * @param from      who sent it
     * @param number    the patch it answers, 0 when it answers the cover letter or the revision's only patch
     * @param notice    tree, branch, commits
     */
    public record AppliedDraft(String messageId, Address from, int number, AppliedNotice notice) {
    }

    /**
     * One posting of a patch set at one version.
     *
     * @param key            the head message: the cover letter, else the lowest-numbered patch
     * @param version        the version (subject, else body, else 1)
     * @param versionMinor   minor part of a respin (v5.1), 0 if none
     * @param total          the announced N of n/N (1 for an uncounted single patch)
     * @param rfc            any of its messages is tagged RFC
     * @param title          the cover letter's title, else the first patch's
     * @param author         the author of the head message
     * @param date           the date of the head message
     * @param coverMessageId the cover letter, null when there is none
     * @param patches        the patches, ordered by number
     * @param replies        Message-IDs of replies anywhere in the revision's threads
     * @param replyPatches   per reply, the patches it concerns (Message-IDs): the patch it answers, every
     *                       patch for a reply to the cover letter, narrowed or widened by what it says
     *                       ({@link dev.patchtrack.core.model.ReplyScope}); its trailers go to these
     * @param trailers       trailers per patch, from the patches themselves, replies and the cover letter
     * @param complete       every patch 1..total was received
     * @param extraPatches   more patches than announced were received
     * @param changeId       the b4 change-id, null when none
     * @param applied        "applied" notices in its threads, oldest first
     * @param dependsOn      keys of the revisions its {@code Depends-on:} lines name
     */
    public record RevisionDraft(
            String key,
            int version,
            int versionMinor,
            int total,
            boolean rfc,
            String title,
            Address author,
            Instant date,
            String coverMessageId,
            List<PatchSlot> patches,
            List<String> replies,
            Map<String, List<String>> replyPatches,
            List<AttributedTrailer> trailers,
            boolean complete,
            boolean extraPatches,
            String changeId,
            List<AppliedDraft> applied,
            List<String> dependsOn) {

        public RevisionDraft {
            patches = List.copyOf(patches);
            replies = List.copyOf(replies);
            replyPatches = Map.copyOf(replyPatches);
            trailers = List.copyOf(trailers);
            applied = List.copyOf(applied);
            dependsOn = List.copyOf(dependsOn);
        }

        RevisionDraft withApplied(List<AppliedDraft> notices) {
            return new RevisionDraft(key, version, versionMinor, total, rfc, title, author, date, coverMessageId,
                    patches, replies, replyPatches, trailers, complete, extraPatches, changeId, notices, dependsOn);
        }

        RevisionDraft withDependsOn(List<String> keys) {
            return new RevisionDraft(key, version, versionMinor, total, rfc, title, author, date, coverMessageId,
                    patches, replies, replyPatches, trailers, complete, extraPatches, changeId, applied, keys);
        }
    }

    /** That {@code newer} follows {@code older} in one series, and why. */
    public record RevisionLink(String olderKey, String newerKey, LinkReason reason) {
    }

    /**
     * All revisions of one piece of work.
     *
     * @param key       the key of its first revision
     * @param title     the latest revision's title
     * @param author    the first revision's author
     * @param revisions oldest first (RFC before v1, then by version and date)
     * @param links     one link per consecutive pair of revisions
     */
    public record SeriesDraft(String key, String title, Address author, List<RevisionDraft> revisions,
                              List<RevisionLink> links) {

        public SeriesDraft {
            revisions = List.copyOf(revisions);
            links = List.copyOf(links);
        }
    }
}
