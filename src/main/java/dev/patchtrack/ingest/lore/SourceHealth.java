package dev.patchtrack.ingest.lore;

import java.time.Duration;
import java.time.Instant;

/**
 * How a source is doing, in a word and a sentence, from its run record; what {@code /api/sources} shows
 * and readiness reads. A source that has run and never succeeded is said to be so at once (readiness
 * DOWN), not reported {@code ok} until its stale-after limit has passed since it was created.
 *
 * @param word   waiting, ok, failing, never-succeeded, stale or disabled
 * @param detail the sentence behind it
 * @param down   whether readiness is DOWN for it
 */
public record SourceHealth(String word, String detail, boolean down) {

    /** The run record a verdict is made of. */
    public record Record(boolean enabled, Instant createdAt, Instant lastStartedAt, Instant lastFinishedAt,
                         Instant lastSuccessAt, String lastError, Instant lastErrorAt, long failures,
                         long staleAfterSeconds) {
    }

    public static SourceHealth of(Record r, Instant now) {
        if (!r.enabled()) {
            return new SourceHealth("disabled", "not synced: disabled", false);
        }
        boolean running = r.lastStartedAt() != null
                && (r.lastFinishedAt() == null || r.lastFinishedAt().isBefore(r.lastStartedAt()));
        boolean stale = stale(r, now);
        if (r.lastSuccessAt() == null) {
            if (r.failures() > 0) {
                return new SourceHealth("never-succeeded", "never succeeded in " + r.failures() + " run(s); last error "
                        + r.lastErrorAt() + ": " + r.lastError(), true);
            }
            String what = running ? "its first sync is running since " + r.lastStartedAt() : "waiting for its first sync";
            return new SourceHealth(stale ? "stale" : "waiting", what + (stale ? ", for longer than "
                    + Duration.ofSeconds(r.staleAfterSeconds()) : ""), stale);
        }
        if (stale) {
            return new SourceHealth("stale", "stale: last success " + r.lastSuccessAt()
                    + (r.lastError() != null && r.lastErrorAt() != null && r.lastErrorAt().isAfter(r.lastSuccessAt())
                    ? "; last error: " + r.lastError() : ""), true);
        }
        if (r.lastErrorAt() != null && r.lastErrorAt().isAfter(r.lastSuccessAt())) {
            return new SourceHealth("failing", "last run failed at " + r.lastErrorAt() + ": " + r.lastError()
                    + "; last success " + r.lastSuccessAt(), false);
        }
        return new SourceHealth("ok", "last success " + r.lastSuccessAt(), false);
    }

    /** Enabled and without a successful sync for longer than its limit (counted from its creation). */
    public static boolean stale(Record r, Instant now) {
        Instant since = r.lastSuccessAt() != null ? r.lastSuccessAt() : r.createdAt();
        return r.enabled() && since != null && since.plusSeconds(r.staleAfterSeconds()).isBefore(now);
    }
}
