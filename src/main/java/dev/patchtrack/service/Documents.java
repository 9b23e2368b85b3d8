package dev.patchtrack.service;

import dev.patchtrack.store.SeriesDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;

/**
 * Keeps the documents a request rendered ({@link SeriesDocuments}), each in a short transaction of its
 * own after the request's read-only one: a request that read and rendered hands over what it made.
 */
@ApplicationScoped
public class Documents {

    @Inject
    SeriesDocuments series;

    /** Keeps a series' rendered detail if the data is still at {@code version}; whether it was kept. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean keepSeries(long seriesId, long version, Collection<Long> people, byte[] body) {
        return series.keep(seriesId, version, people, body);
    }
}
