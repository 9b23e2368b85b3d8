package dev.patchtrack.api.dto;

/**
 * Something an article refers to.
 *
 * @param kind     message, commit or patchwork
 * @param value    the Message-ID, commit hash or Patchwork URL
 * @param link     the link it was found in; null for a Message-ID written in the text
 * @param resolved for a message that is stored: what it is and where it belongs; null otherwise
 */
public record ReferenceInfo(String kind, String value, String link, ResolvedInfo resolved) {

    /**
     * A referenced message as stored now.
     *
     * @param messageKind patch, cover, reply, pull or other
     * @param seriesId    the series of the patch or cover letter it is or answers; null when none
     */
    public record ResolvedInfo(String messageKind, Long seriesId, Long revisionId, Integer version, String message,
                               String series) {
    }
}
