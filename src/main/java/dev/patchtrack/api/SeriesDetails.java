package dev.patchtrack.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.SeriesDocuments;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The series detail as {@code GET /api/series/{id}} answers it, in JSON bytes: the kept document
 * ({@link SeriesDocuments}) when there is one, else rendered by {@link Views}, written as the API
 * writes JSON, and kept for the next request. What it does is counted
 * ({@code patchtrack_series_documents_total{result=read|rendered|kept|not_kept}} at {@code /q/metrics}).
 */
@ApplicationScoped
public class SeriesDetails {

    private static final Logger LOG = Logger.getLogger(SeriesDetails.class);

    @Inject
    Reads reads;

    @Inject
    Views views;

    @Inject
    SeriesDocuments documents;

    @Inject
    ObjectMapper json;

    @Inject
    dev.patchtrack.service.Documents keeper;

    @Inject
    MeterRegistry registry;

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong rendered = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong notKept = new AtomicLong();

    @PostConstruct
    void metrics() {
        Map.of("read", read, "rendered", rendered, "kept", kept, "not_kept", notKept).forEach((result, n) ->
                FunctionCounter.builder("patchtrack.series.documents", n, AtomicLong::doubleValue)
                        .description("series details answered from kept documents, rendered, and kept or not")
                        .tag("result", result).register(registry));
    }

    /**
     * An answer: its bytes; for a rendering, the data version it describes, the people it names and
     * whether it may be kept; null people for a kept document read.
     */
    private record Answer(byte[] body, long version, Set<Long> people, boolean keep) {
    }

    /** The series' detail as JSON; a 404 problem when there is no such series. */
    public byte[] json(long seriesId) {
        Answer a = reads.call(() -> {
            Optional<byte[]> stored = documents.body(seriesId);
            if (stored.isPresent()) {
                return new Answer(stored.get(), 0, null, false);
            }
            long version = documents.version(); // before the first read of what it shows
            Views.RenderedSeries r = views.rendered(seriesId);
            return new Answer(write(r.info()), version, r.people(), !r.dependsOnOthers());
        });
        if (a.people() == null) {
            read.incrementAndGet();
            return a.body();
        }
        rendered.incrementAndGet();
        if (a.keep()) {
            try {
                boolean done = keeper.keepSeries(seriesId, a.version(), a.people(), a.body());
                (done ? kept : notKept).incrementAndGet();
            } catch (RuntimeException e) {
                notKept.incrementAndGet(); // the answer stands; the next request renders it again
                LOG.debugf(e, "series %d: document not kept", seriesId);
            }
        }
        return a.body();
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
