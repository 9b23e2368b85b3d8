package dev.patchtrack.ingest.lore;

import dev.patchtrack.core.model.SourceMode;
import java.net.URI;
import java.time.Instant;

/**
 * What a lore reader needs to know about a source.
 *
 * @param from the oldest mail a first sync reads (no cursor yet); null for the whole archive
 */
public record SourceSpec(String name, String baseUrl, String inbox, SourceMode mode, String query,
                         Instant from) {

    public SourceSpec(String name, String baseUrl, String inbox, SourceMode mode, String query) {
        this(name, baseUrl, inbox, mode, query, null);
    }

    /** BASE/INBOX/ followed by {@code rest}. */
    public URI uri(String rest) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return URI.create(base + inbox + "/" + rest);
    }
}
