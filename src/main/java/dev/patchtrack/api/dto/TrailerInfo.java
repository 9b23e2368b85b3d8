package dev.patchtrack.api.dto;

/**
 * A trailer on a patch.
 *
 * @param messageId the message that gave it (the patch itself, a reply, or the cover letter)
 */
public record TrailerInfo(String name, String value, PersonInfo person, String messageId) {
}
