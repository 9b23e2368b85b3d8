package dev.patchtrack.core.model;

/**
 * One {@code Key: value} trailer line.
 *
 * @param name   the normalised key, for example {@code Reviewed-by} (case and spacing folded)
 * @param value  the value as written, trimmed
 * @param person the address named in the value, or null when it names none (Fixes, Link, ...)
 */
public record Trailer(String name, String value, Address person) {

    /** A trailer that expresses review: Reviewed-by, Acked-by, Tested-by. */
    public boolean isReview() {
        return name.equals("Reviewed-by") || name.equals("Acked-by") || name.equals("Tested-by");
    }
}
