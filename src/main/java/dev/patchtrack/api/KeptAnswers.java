package dev.patchtrack.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.ingest.DocumentsDropped;
import dev.patchtrack.service.Documents;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.KeptDocuments;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The series detail ({@code GET /api/series/{id}}) and the message detail ({@code GET /api/messages/{id}})
 * in JSON bytes: the kept document ({@link KeptDocuments}) when there is one, else rendered, written as
 * the API writes JSON, and kept for the next request. Series whose documents a derivation dropped,
 * which someone had asked for, are rendered again at once ({@link #renderAgain}). What it does is
 * counted, per kind
 * ({@code patchtrack_kept_documents_total{kind=series|message, result=read|rendered|kept|not_kept}} at
 * {@code /q/metrics}).
 */
@ApplicationScoped
public class KeptAnswers {

    private static final Logger LOG = Logger.getLogger(KeptAnswers.class);

    @Inject
    Reads reads;

    @Inject
    KeptDocuments documents;

    @Inject
    Documents keeper;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @Inject
    Views views;

    /** The four counts of one kind: read, rendered, kept, not kept. */
    private final Map<KeptDocuments.Kind, AtomicLong[]> counts = Map.of(
            KeptDocuments.Kind.SERIES, counters(), KeptDocuments.Kind.MESSAGE, counters());

    private static AtomicLong[] counters() {
        return new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
    }

    @PostConstruct
    void metrics() {
        List<String> results = List.of("read", "rendered", "kept", "not_kept");
        counts.forEach((kind, n) -> {
            for (int i = 0; i < n.length; i++) {
                FunctionCounter.builder("patchtrack.kept.documents", n[i], AtomicLong::doubleValue)
                        .description("details answered from kept documents, rendered, and kept or not")
                        .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT)).tag("result", results.get(i))
                        .register(registry);
            }
        });
    }

    /**
     * A rendered detail and what its document depends on beyond its own rows.
     *
     * @param record   what the API would write
     * @param key      the series id or the message's primary key
     * @param series   the series a message belongs to, or whose thread it is in; null when none
     * @param people   the people it names
     * @param keepable false when it names what writes to other series change (a series' dependencies)
     */
    public record Rendering(Object record, long key, Long series, Collection<Long> people, boolean keepable) {
    }

    /** What a read gave: the bytes; for a rendering, the data version it describes and what to keep. */
    private record Answer(byte[] body, long version, Rendering rendering) {
    }

    /** A series' detail as JSON; the 404 problem when there is no such series. */
    public byte[] series(long seriesId) {
        return answer(KeptDocuments.Kind.SERIES, () -> documents.series(seriesId), () -> {
            Views.RenderedSeries r = views.rendered(seriesId);
            return Optional.of(new Rendering(r.info(), seriesId, seriesId, r.people(), !r.dependsOnOthers()));
        }).orElseThrow();
    }

    /** Most series rendered again after one derivation; the rest wait for their next request. */
    static final int RENDER_AGAIN = 500;

    /**
     * After a derivation dropped the documents of series someone had asked for: renders and keeps them
     * again, one after the other, so that the next request reads a document. A series that is gone, or
     * a rendering that fails, is left to the next request.
     */
    void renderAgain(@ObservesAsync DocumentsDropped dropped) {
        int failures = 0;
        for (Long id : dropped.seriesIds().stream().limit(RENDER_AGAIN).toList()) {
            try {
                series(id);
            } catch (RuntimeException e) {
                LOG.debugf(e, "series %d: not rendered again", id);
                if (++failures >= 3) {
                    return; // the database or the process is going away
                }
            }
        }
    }

    /** A message's detail as JSON; empty when {@code render} finds no such message. */
    public Optional<byte[]> message(String messageId, Supplier<Optional<Rendering>> render) {
        return answer(KeptDocuments.Kind.MESSAGE, () -> documents.message(messageId), render);
    }

    private Optional<byte[]> answer(KeptDocuments.Kind kind, Supplier<Optional<byte[]>> stored,
                                    Supplier<Optional<Rendering>> render) {
        AtomicLong[] n = counts.get(kind);
        Optional<Answer> found = reads.call(() -> {
            Optional<byte[]> kept = stored.get();
            if (kept.isPresent()) {
                return Optional.of(new Answer(kept.get(), 0, null));
            }
            long version = documents.version(); // before the first read of what it shows
            return render.get().map(r -> new Answer(write(r.record()), version, r));
        });
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Answer a = found.get();
        Rendering r = a.rendering();
        if (r == null) {
            n[0].incrementAndGet();
            return Optional.of(a.body());
        }
        n[1].incrementAndGet();
        if (r.keepable()) {
            try {
                boolean done = keeper.keep(kind, r.key(), r.series(), a.version(), r.people(), a.body());
                n[done ? 2 : 3].incrementAndGet();
            } catch (RuntimeException e) {
                n[3].incrementAndGet(); // the answer stands; the next request renders it again
                LOG.debugf(e, "%s %d: document not kept", kind, r.key());
            }
        }
        return Optional.of(a.body());
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
