package dev.patchtrack.core.audit;

import dev.patchtrack.core.series.SeriesModel.LinkReason;
import java.time.Instant;
import java.util.List;

/**
 * What the audit rules read: the derived revisions with their patches, the messages received more than
 * once, and the patch messages no revision took.
 */
public record AuditInput(List<Revision> revisions, List<Copied> copied, List<Loose> loose) {

    public AuditInput {
        revisions = List.copyOf(revisions);
        copied = List.copyOf(copied);
        loose = List.copyOf(loose);
    }

    /**
     * One stored revision.
     *
     * @param key           its key message (the cover letter, else its lowest-numbered patch)
     * @param position      0-based order within its series
     * @param rfc           posted as an RFC
     * @param total         N of its n/N counter
     * @param authorId      the person who sent it (identities merged), or null
     * @param author        that person as {@code Name <address>}, for summaries
     * @param linkReason    how it was linked to the revision before it, or null
     * @param coverId       its cover letter's Message-ID, or null
     * @param coverSubject  the cover letter's subject, or null
     * @param patches       its patches (not the cover letter), by number
     */
    public record Revision(long id, long seriesId, String key, int position, int version, boolean rfc, int total,
                           String title,
                           Long authorId, String author, Instant postedAt, LinkReason linkReason, String coverId,
                           String coverSubject, List<Patch> patches) {

        public Revision {
            patches = List.copyOf(patches);
        }
    }

    /** One patch of a revision: its number, its message and that message's subject. */
    public record Patch(int number, String messageId, String subject) {
    }

    /**
     * A stored message that was received again with other bytes.
     *
     * @param copies     how many copies with other bytes are kept
     * @param lists      the lists the copies were received for, sorted, once each
     * @param seriesId   the series it is part of (as a patch or cover letter), or null
     * @param revisionId the revision it is part of, or null
     */
    public record Copied(String messageId, String subject, int copies, List<String> lists, Long seriesId,
                         Long revisionId) {

        public Copied {
            lists = List.copyOf(lists);
        }
    }

    /** A message read as a patch that no revision holds. */
    public record Loose(String messageId, String subject, Instant date) {
    }
}
