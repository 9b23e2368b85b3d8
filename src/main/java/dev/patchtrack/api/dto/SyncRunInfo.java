package dev.patchtrack.api.dto;

import java.time.Instant;

/** One sync of a source: which instance ran it, when, and what it did (finishedAt null: still running, or killed). */
public record SyncRunInfo(String instance, Instant startedAt, Instant finishedAt, int messagesRead, int messagesStored,
                          String error) {
}
