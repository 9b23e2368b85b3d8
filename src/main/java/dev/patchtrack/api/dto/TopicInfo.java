package dev.patchtrack.api.dto;

/** A topic with the reason it was given: which rule matched what. */
public record TopicInfo(String topic, String reason) {
}
