package dev.patchtrack.api.dto;

import java.time.Instant;

/** The 0/N message of a revision. */
public record CoverLetterInfo(String messageId, String subject, Instant date) {
}
