package dev.patchtrack.api;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered answers by ETag. The ETag names the data version, the URL and the Accept header, so an
 * entry can never be stale: a write moves the version, the next request asks for another key, and old
 * entries fall out as the least recently used. Dashboards polling the same list get the bytes without
 * a query or a rendering. Bounded in entries and in body size, so its memory stays small.
 * What it does is counted ({@code patchtrack_response_cache_total{result=hit|miss|stored|too_large}}
 * at {@code /q/metrics}).
 */
@ApplicationScoped
@Startup
public class ResponseCache {

    /** Largest body kept. */
    static final int MAX_BODY = 256 * 1024;
    /** Entries kept; with {@link #MAX_BODY} at most 64 MB, in practice a few MB. */
    static final int MAX_ENTRIES = 256;

    /** A rendered answer: its bytes, content type and the headers that go with it (Link, totals). */
    public record Entry(byte[] body, String contentType, Map<String, String> headers) {
    }

    /** How often a lookup found an answer, found none, an answer was kept, or was too large to keep. */
    public record Counts(long hits, long misses, long stored, long tooLarge) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong tooLarge = new AtomicLong();

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void metrics() {
        Map.of("hit", hits, "miss", misses, "stored", stored, "too_large", tooLarge).forEach((result, n) ->
                FunctionCounter.builder("patchtrack.response.cache", n, AtomicLong::doubleValue)
                        .description("rendered answers looked up and kept by ETag").tag("result", result)
                        .register(registry));
    }

    public Entry get(String etag) {
        Entry e;
        synchronized (entries) {
            e = entries.get(etag);
        }
        (e == null ? misses : hits).incrementAndGet();
        return e;
    }

    public void put(String etag, Entry entry) {
        if (entry.body().length > MAX_BODY) {
            tooLarge.incrementAndGet();
            return;
        }
        synchronized (entries) {
            entries.put(etag, entry);
        }
        stored.incrementAndGet();
    }

    public Counts counts() {
        return new Counts(hits.get(), misses.get(), stored.get(), tooLarge.get());
    }
}
