package dev.patchtrack.api.dto;

import java.util.List;

/** One topic's revisions posted and accepted per ISO week, as {@code /api/stats} counts them. */
public record TopicWeeksInfo(String topic, List<WeekInfo> weeks) {
}
