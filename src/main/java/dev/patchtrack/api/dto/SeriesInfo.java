package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * A series with all its revisions, oldest first.
 *
 * @param articles LWN articles that refer to its patches, cover letters or the replies to them, newest first
 */
public record SeriesInfo(long id, String title, PersonInfo author, List<String> lists, int latestVersion,
                         Instant firstPosted, Instant lastPosted, StateInfo state, List<TopicInfo> topics,
                         List<RevisionInfo> revisions, List<ArticleSummaryInfo> articles) {
}
