package dev.patchtrack.api.dto;

/**
 * A review state and why.
 *
 * @param state      new, under-review, reviewed, changes-requested, accepted, superseded or rejected
 * @param reason     what caused it, for a person to read
 * @param messageId  the message that caused it, null when none
 * @param person     who caused it, null when nobody did
 * @param overridden set by a maintainer rather than derived
 */
public record StateInfo(String state, String reason, String messageId, PersonInfo person, boolean overridden) {
}
