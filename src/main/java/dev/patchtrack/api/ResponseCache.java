package dev.patchtrack.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered answers by ETag. The ETag names the data version, the URL and the Accept header, so an
 * entry can never be stale: a write moves the version, the next request asks for another key, and old
 * entries fall out as the least recently used. Dashboards polling the same list get the bytes without
 * a query or a rendering. Bounded in entries and in body size, so its memory stays small.
 */
@ApplicationScoped
public class ResponseCache {

    /** Largest body kept. */
    static final int MAX_BODY = 256 * 1024;
    /** Entries kept; with {@link #MAX_BODY} at most 64 MB, in practice a few MB. */
    static final int MAX_ENTRIES = 256;

    /** A rendered answer: its bytes, content type and the headers that go with it (Link, totals). */
    public record Entry(byte[] body, String contentType, Map<String, String> headers) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public synchronized Entry get(String etag) {
        return entries.get(etag);
    }

    public synchronized void put(String etag, Entry entry) {
        if (entry.body().length <= MAX_BODY) {
            entries.put(etag, entry);
        }
    }
}
