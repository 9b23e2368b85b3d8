package dev.patchtrack.service;

import dev.patchtrack.store.ReadOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * The one read idiom of the API and the web pages: a request's read runs in {@link #call}, one
 * transaction marked {@link ReadOnly} (nothing is dirty-checked or flushed), and maps what it loads to
 * records inside it, so nothing is loaded lazily once the transaction has ended. Resources own no
 * transaction; what writes goes through a {@code *Service} of {@code ingest}, which owns its own.
 * Never call it from inside a transaction that writes: it would make that one read-only too.
 */
@ApplicationScoped
public class Reads {

    @Inject
    ReadOnly readOnly;

    /** What {@code read} returns, read in a read-only transaction (joined when one is already open). */
    @Transactional
    public <T> T call(Supplier<T> read) {
        readOnly.begin();
        return read.get();
    }
}
