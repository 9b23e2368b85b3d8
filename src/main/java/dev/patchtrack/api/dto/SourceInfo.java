package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.Map;

/**
 * A source and how its syncs go.
 *
 * @param cursor          where it has got to (git: last commit per epoch; atom: entries seen; query: date)
 * @param lagSeconds      seconds since its last successful sync (null: never succeeded)
 * @param stale           true when that is beyond {@code staleAfterSeconds}: readiness is DOWN
 * @param messagesOnList  messages filed under the list, from every source and import
 * @param history         what its first sync reads (or read): "full history", "the last 90 days", "since 2024-01-01"
 * @param status          in a word: {@code waiting} (never ran), {@code ok}, {@code failing} (the last
 *                        run failed), {@code never-succeeded} (it ran and never succeeded), {@code stale},
 *                        {@code disabled}; {@code statusDetail} says why in a sentence
 */
public record SourceInfo(String name, String status, String statusDetail, String baseUrl, String inbox, String mode,
                         String query, String history, long scheduleSeconds,
                         long staleAfterSeconds, boolean enabled, String origin, Map<String, String> cursor,
                         LastRun lastRun, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
                         Long lagSeconds, boolean stale, Instant newestMailAt, long runs, long failures,
                         long messagesRead, long messagesStored, long messagesDeleted, long messagesOnList) {

    /** The last run: when, on which instance, whether it is still going. */
    public record LastRun(Instant startedAt, Instant finishedAt, String instance, boolean running) {
    }
}
