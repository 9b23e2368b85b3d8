package dev.patchtrack.api.dto;

import java.util.Map;

/** A topic with how many series are in each state. */
public record TopicCountInfo(String topic, long series, Map<String, Long> byState) {
}
