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

    /** The reason of a state a maintainer set: {@code set by NAME}, and {@code : NOTE} when there is one. */
    public static String setBy(String by, String note) {
        return "set by " + by + (note == null || note.isBlank() ? "" : ": " + note);
    }

    /** A state a maintainer set, which beats what derivation says. */
    public static StateReason overridden(ReviewState state, String by, String note) {
        return new StateReason(state, null, null, setBy(by, note));
    }
}
