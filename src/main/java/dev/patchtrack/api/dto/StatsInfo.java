package dev.patchtrack.api.dto;

import java.util.List;
import java.util.Map;

/**
 * Counts for dashboards: series per state, series per topic and state (a series counts under each of
 * its topics), and revisions posted and accepted per ISO week, oldest week first.
 */
public record StatsInfo(long series, Map<String, Long> byState, List<TopicCountInfo> topics, List<WeekInfo> weeks) {
}
