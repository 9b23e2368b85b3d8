package dev.patchtrack.ingest;

import java.util.List;

/**
 * Fired (asynchronously) after a derivation committed: the series whose kept documents it dropped,
 * which someone had asked for, so the API can render them again before the next request does.
 */
public record DocumentsDropped(List<Long> seriesIds) {
}
