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
 */
public record SourceInfo(String name, String baseUrl, String inbox, String mode, String query, long scheduleSeconds,
                         long staleAfterSeconds, boolean enabled, String origin, Map<String, String> cursor,
                         LastRun lastRun, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
                         Long lagSeconds, boolean stale, Instant newestMailAt, long runs, long failures,
                         long messagesRead, long messagesStored, long messagesDeleted, long messagesOnList) {

    /** The last run: when, on which instance, whether it is still going. */
    public record LastRun(Instant startedAt, Instant finishedAt, String instance, boolean running) {
    }
}
