package dev.patchtrack.service;

import dev.patchtrack.store.KeptDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;

/**
 * Keeps the documents a request rendered ({@link KeptDocuments}), each in a short transaction of its
 * own after the request's read-only one: a request that read and rendered hands over what it made.
 */
@ApplicationScoped
public class Documents {

    @Inject
    KeptDocuments documents;

    /** Keeps a rendered detail if the data is still at {@code version}; whether it was kept. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean keep(KeptDocuments.Kind kind, long key, Long series, long version, Collection<Long> people, byte[] body) {
        return documents.keep(kind, key, series, version, people, body);
    }
}
