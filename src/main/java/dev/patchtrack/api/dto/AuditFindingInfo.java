package dev.patchtrack.api.dto;

import java.util.List;

/** One derivation to doubt: its kind, the series and revision concerned (or null), what was found, the messages to read. */
public record AuditFindingInfo(String kind, Long seriesId, Long revisionId, String summary, List<String> messageIds,
                               String url) {
}
