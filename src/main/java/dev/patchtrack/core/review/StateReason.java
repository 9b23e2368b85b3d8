package dev.patchtrack.core.review;

import dev.patchtrack.core.model.Address;

/**
 * A state and what caused it.
 *
 * @param state     the state
 * @param messageId the message that caused it, null for {@code new}
 * @param person    who caused it, null when nobody did
 * @param because   one line a person reads, e.g. {@code Reviewed-by: Ann <ann@example.org>}
 */
public record StateReason(ReviewState state, String messageId, Address person, String because) {
}
