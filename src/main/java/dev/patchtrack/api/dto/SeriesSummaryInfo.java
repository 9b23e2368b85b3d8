package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/** A series as listed by {@code GET /api/series}. */
public record SeriesSummaryInfo(long id, String title, PersonInfo author, List<String> lists, int latestVersion,
                                int revisionCount, Instant firstPosted, Instant lastPosted, StateInfo state,
                                List<TopicInfo> topics, String url) {
}
