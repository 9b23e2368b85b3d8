package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * A series as listed by {@code GET /api/series}.
 *
 * @param tags what the subject of its latest posting tags it with beyond PATCH, version and counter:
 *             RFC, RESEND, a tree ({@code net-next}), others ({@code AUTOSEL 5.7})
 */
public record SeriesSummaryInfo(long id, String title, PersonInfo author, List<String> lists, int latestVersion,
                                int revisionCount, Instant firstPosted, Instant lastPosted, StateInfo state,
                                List<TopicInfo> topics, List<String> tags, String url) {
}
