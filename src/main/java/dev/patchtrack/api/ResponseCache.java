package dev.patchtrack.api;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered answers by ETag. The ETag names the data version, the URL and the Accept header, so an
 * entry can never be stale: a write moves the version, the next request asks for another key, and old
 * entries fall out as the least recently used. Dashboards polling the same list get the bytes without
 * a query or a rendering. Bounded in entries and in bytes, so its memory stays small; a large answer
 * (a page of 500 series) is kept too, being the costliest to render again.
 * What it does is counted ({@code patchtrack_response_cache_total{result=hit|miss|stored|too_large}}
 * at {@code /q/metrics}).
 */
@ApplicationScoped
@Startup
public class ResponseCache {

    /** Largest body kept: a page of 500 series or a series of hundreds of patches is a few MB. */
    static final int MAX_BODY = 8 * 1024 * 1024;
    /** Entries kept. */
    static final int MAX_ENTRIES = 256;
    /** Bytes kept in all bodies together; the least recently used go first beyond it. */
    static final long MAX_BYTES = 48L * 1024 * 1024;

    /** A rendered answer: its bytes, content type and the headers that go with it (Link, totals). */
    public record Entry(byte[] body, String contentType, Map<String, String> headers) {
    }

    /** How often a lookup found an answer, found none, an answer was kept, or was too large to keep. */
    public record Counts(long hits, long misses, long stored, long tooLarge) {
    }

    /** Least recently used first; guarded by itself, as is {@link #bytes}. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
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
            Entry before = entries.put(etag, entry);
            bytes += entry.body().length - (before == null ? 0 : before.body().length);
            Iterator<Entry> eldest = entries.values().iterator();
            while (entries.size() > MAX_ENTRIES || bytes > MAX_BYTES) {
                bytes -= eldest.next().body().length;
                eldest.remove();
            }
        }
        stored.incrementAndGet();
    }

    public Counts counts() {
        return new Counts(hits.get(), misses.get(), stored.get(), tooLarge.get());
    }
}
