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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * query mode: {@code POST BASE/INBOX/?q=QUERY d:FROM..&x=m}, a gzip mboxrd of the hits, newest
 * first. FROM is the newest Date seen ({@code query/date}) less the overlap; what the overlap brings
 * again is a duplicate and costs nothing. 404 "No results found" is an empty result. The hits are
 * fed oldest first, so that the date cursor saved with each batch never passes unread mail.
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
        if (cursor == null) {
            return q.isEmpty() ? "d:19700101.." : q;
        }
        Instant from = Instant.parse(cursor).minus(config.sync().queryOverlap());
        String range = "d:" + D.format(from) + "..";
        return q.isEmpty() ? range : "(" + q + ") AND " + range;
    }

    public SourceReader open(SourceSpec spec, Map<String, String> cursors) throws IOException {
        String q = search(spec, cursors.get(CURSOR));
        HttpFetcher.Response r = http.post(spec.uri("?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&x=m"), Map.of());
        List<MailFeed.Item> items = new ArrayList<>();
        if (r.status() == 404) {
            LOG.infof("%s: no results for %s", spec.name(), q);
        } else if (r.status() != 200) {
            throw new FetchException("POST " + r.uri() + ": HTTP " + r.status(), r.status(), null);
        } else {
            items.addAll(RawMbox.items(r.body(), limits));
            Collections.reverse(items);
            LOG.infof("%s: %d hits for %s (%d bytes)", spec.name(), items.size(), q, r.body().length);
        }
        var it = items.iterator();
        return new SourceReader() {
            @Override
            public MailFeed.Item next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }
}
