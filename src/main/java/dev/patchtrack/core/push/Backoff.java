package dev.patchtrack.core.push;

import java.time.Duration;

/**
 * When a failed delivery is tried again: after {@code base}, then twice as long after each further
 * failure, never longer than {@code max}; after {@code maxAttempts} attempts it is given up as failed.
 */
public record Backoff(Duration base, Duration max, int maxAttempts) {

    public Backoff {
        if (base.isNegative() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 <= base <= max and at least one attempt");
        }
    }

    /** Whether a delivery that has been tried {@code attempts} times (and failed) may be tried again. */
    public boolean retries(int attempts) {
        return attempts < maxAttempts;
    }

    /** How long to wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration after(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 40));
        Duration d = base;
        for (int k = 0; k < doublings && d.compareTo(max) < 0; k++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
