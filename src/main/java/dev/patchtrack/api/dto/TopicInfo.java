package dev.patchtrack.api.dto;

/** A topic and the rule that gave it. */
public record TopicInfo(String topic, String reason) {
}
