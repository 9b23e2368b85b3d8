package dev.patchtrack.api.dto;

import java.time.Instant;

/** One change, in the order it happened; ids increase. */
public record EventInfo(long id, String kind, Instant at, Long seriesId, Long revisionId, Long patchId,
                        String messageId, String summary) {
}
