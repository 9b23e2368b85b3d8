package dev.patchtrack.ingest.lore;

import java.net.URI;

/** What a lore reader needs to know about a source. */
public record SourceSpec(String name, String baseUrl, String inbox, String mode, String query) {

    /** BASE/INBOX/ followed by {@code rest}. */
    public URI uri(String rest) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return URI.create(base + inbox + "/" + rest);
    }
}
