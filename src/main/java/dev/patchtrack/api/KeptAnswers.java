package dev.patchtrack.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.service.Documents;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.KeptDocuments;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
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
 * the API writes JSON, and kept for the next request. What it does is counted, per kind
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

    /** A series' detail as JSON; {@code render} throws the 404 problem when there is no such series. */
    public byte[] series(long seriesId, Supplier<Rendering> render) {
        return answer(KeptDocuments.Kind.SERIES, () -> documents.series(seriesId), () -> Optional.of(render.get()))
                .orElseThrow();
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
