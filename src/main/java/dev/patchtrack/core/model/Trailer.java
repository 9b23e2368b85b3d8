package dev.patchtrack.core.model;

import java.util.List;

/**
 * One {@code Key: value} trailer line.
 *
 * @param name   the normalised key, for example {@code Reviewed-by} (case and spacing folded)
 * @param value  the value as written, trimmed
 * @param person the address named in the value, or null when it names none (Fixes, Link, ...)
 */
public record Trailer(String name, String value, Address person) {

    /** The trailers that express review, in the order they are shown and counted. */
    public static final List<String> REVIEW_NAMES = List.of("Reviewed-by", "Acked-by", "Tested-by");

    /** A trailer that expresses review: one of {@link #REVIEW_NAMES}. */
    public boolean isReview() {
        return REVIEW_NAMES.contains(name);
    }
}
