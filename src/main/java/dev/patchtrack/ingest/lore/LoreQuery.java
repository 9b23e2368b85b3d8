package dev.patchtrack.ingest.lore;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.ingest.MailFeed;
import dev.patchtrack.ingest.http.FetchException;
import dev.patchtrack.ingest.http.HttpFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * query mode: {@code POST BASE/INBOX/?q=QUERY d:FROM..&x=m}, a gzip mboxrd of the hits, newest
 * first. FROM is the newest Date seen ({@code query/date}) less the overlap; what the overlap brings
 * again is a duplicate and costs nothing. 404 "No results found" is an empty result. The hits are
 * downloaded to disk (never held whole in memory) and fed oldest first, so that the date cursor saved
 * with each batch never passes unread mail.
 */
@ApplicationScoped
public class LoreQuery {

    private static final Logger LOG = Logger.getLogger(LoreQuery.class);
    private static final DateTimeFormatter D = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    public static final String CURSOR = "query/date";

    @Inject
    HttpFetcher http;

    @Inject
    PatchtrackConfig config;

    @Inject
    MailLimits limits;

    /** The search sent for a source with this cursor. */
    public String search(SourceSpec spec, String cursor) {
        String q = spec.query() == null ? "" : spec.query().strip();
        Instant from;
        if (cursor != null) {
            from = Instant.parse(cursor).minus(config.sync().queryOverlap());
        } else if (spec.from() != null) {
            from = spec.from(); // a first sync reads the source's history window
        } else {
            return q.isEmpty() ? "d:19700101.." : q;
        }
        String range = "d:" + D.format(from) + "..";
        return q.isEmpty() ? range : "(" + q + ") AND " + range;
    }

    public SourceReader open(SourceSpec spec, Map<String, String> cursors) throws IOException {
        String q = search(spec, cursors.get(CURSOR));
        HttpFetcher.Download d = http.download("POST", spec.uri("?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&x=m"),
                Map.of());
        if (d.status() == 404) {
            d.close();
            LOG.infof("%s: no results for %s", spec.name(), q);
            return SourceReader.EMPTY;
        }
        if (d.status() != 200 || d.file() == null) {
            d.close();
            throw new FetchException("POST " + d.uri() + ": HTTP " + d.status(), d.status(), null);
        }
        MboxFile hits = MboxFile.of(d, http, limits);
        LOG.infof("%s: %d hits for %s (%d bytes)", spec.name(), hits.size(), q, hits.bytes());
        return new SourceReader() {
            private int next = hits.size() - 1; // newest first in the download: fed oldest first

            @Override
            public MailFeed.Item next() throws IOException {
                return next < 0 ? null : hits.item(next--);
            }

            @Override
            public void close() {
                hits.close();
            }
        };
    }
}
