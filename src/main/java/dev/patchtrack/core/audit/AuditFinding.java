package dev.patchtrack.core.audit;

import java.util.List;

/**
 * One derivation a maintainer should doubt.
 *
 * @param kind       what is doubted
 * @param seriesId   the series concerned, or null (a patch in no revision, a copy of a reply)
 * @param revisionId the revision concerned, or null when the finding is about the series or a message
 * @param summary    one sentence saying what was found
 * @param messageIds the messages involved, the most telling first
 */
public record AuditFinding(AuditKind kind, Long seriesId, Long revisionId, String summary, List<String> messageIds) {

    public AuditFinding {
        messageIds = List.copyOf(messageIds);
    }
}
