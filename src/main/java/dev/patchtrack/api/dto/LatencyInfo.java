package dev.patchtrack.api.dto;

import java.util.List;

/** Waiting times per topic, topics in name order. */
public record LatencyInfo(String unit, List<TopicLatencyInfo> topics) {
}
