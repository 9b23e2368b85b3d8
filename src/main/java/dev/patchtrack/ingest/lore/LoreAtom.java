package dev.patchtrack.ingest.lore;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.ingest.MailFeed;
import dev.patchtrack.ingest.http.FetchException;
import dev.patchtrack.ingest.http.HttpFetcher;
import dev.patchtrack.store.PackedList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * atom mode: {@code new.atom} (conditional GET when the server gives validators; public-inbox does
 * not), paged back with {@code ?t=} until a page brings nothing unseen, then {@code <msgid>/raw}
 * for each new entry, oldest first. A raw can hold several messages (a reused Message-ID): it is
 * split as mboxrd. The cursor {@code atom/seen} keeps the ids of the newest entries read.
 */
@ApplicationScoped
public class LoreAtom {

    private static final Logger LOG = Logger.getLogger(LoreAtom.class);
    private static final int SEEN_KEPT = 600;
    private static final DateTimeFormatter T = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    @Inject
    HttpFetcher http;

    @Inject
    PatchtrackConfig config;

    @Inject
    MailLimits limits;

    record Entry(String id, String href, Instant updated) {
    }

    public SourceReader open(SourceSpec spec, Map<String, String> cursors) throws IOException {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        String stored = cursors.get("atom/seen");
        if (stored != null && !stored.isBlank()) {
            seen.addAll(PackedList.ATOM_SEEN.decode(stored));
        }
        Map<String, String> headers = new HashMap<>();
        if (cursors.containsKey("atom/etag")) {
            headers.put("If-None-Match", cursors.get("atom/etag"));
        }
        if (cursors.containsKey("atom/last-modified")) {
            headers.put("If-Modified-Since", cursors.get("atom/last-modified"));
        }

        HttpFetcher.Response first = http.get(spec.uri("new.atom"), headers);
        Map<String, String> validators = new HashMap<>();
        first.header("ETag").ifPresent(v -> validators.put("atom/etag", v));
        first.header("Last-Modified").ifPresent(v -> validators.put("atom/last-modified", v));
        List<Entry> fresh = new ArrayList<>();
        // a first sync reads the source's history window: older entries are marked seen, never fetched
        Instant from = seen.isEmpty() ? spec.from() : null;
        List<String> skipped = new ArrayList<>();
        if (first.status() != 304) {
            expect(first);
            Set<String> thisRun = new LinkedHashSet<>();
            HttpFetcher.Response page = first;
            for (int n = 0; n < config.sync().atomMaxPages(); n++) {
                List<Entry> entries = parse(page.body(), page.uri());
                Instant oldest = null;
                int added = 0;
                for (Entry e : entries) {
                    if (!seen.contains(e.id()) && thisRun.add(e.id())) {
                        if (from != null && e.updated() != null && e.updated().isBefore(from)) {
                            skipped.add(e.id());
                            continue;
                        }
                        fresh.add(e);
                        added++;
                    }
                    if (e.updated() != null && (oldest == null || e.updated().isBefore(oldest))) {
                        oldest = e.updated();
                    }
                }
                if (added == 0 || oldest == null || from != null && oldest.isBefore(from)) {
                    break;
                }
                page = http.get(spec.uri("new.atom?t=" + T.format(oldest)), Map.of());
                expect(page);
            }
        }
        // oldest first, so that the seen list grows in posting order
        fresh.sort((a, b) -> a.updated() == null || b.updated() == null ? 0 : a.updated().compareTo(b.updated()));
        LOG.infof("%s: %d new atom entries%s", spec.name(), fresh.size(),
                skipped.isEmpty() ? "" : ", " + skipped.size() + " older than the first sync's history window skipped");
        seen.addAll(skipped);
        Deque<Entry> todo = new ArrayDeque<>(fresh);
        return new SourceReader() {
            private final Deque<MailFeed.Item> ready = new ArrayDeque<>();
            private boolean validatorsSent;

            @Override
            public MailFeed.Item next() throws IOException {
                while (ready.isEmpty()) {
                    Entry e = todo.poll();
                    if (e == null) {
                        if (!validatorsSent && (!validators.isEmpty() || !skipped.isEmpty())) {
                            validatorsSent = true;
                            for (Map.Entry<String, String> v : validators.entrySet()) {
                                ready.add(MailFeed.Item.cursorOnly(v.getKey(), v.getValue()));
                            }
                            if (!skipped.isEmpty()) {
                                while (seen.size() > SEEN_KEPT) {
                                    seen.remove(seen.iterator().next());
                                }
                                ready.add(MailFeed.Item.cursorOnly("atom/seen", PackedList.ATOM_SEEN.encode(seen)));
                            }
                            continue;
                        }
                        return null;
                    }
                    String href = e.href().endsWith("/") ? e.href() : e.href() + "/";
                    HttpFetcher.Response raw = http.get(spec.uri("").resolve(href).resolve("raw"), Map.of());
                    seen.add(e.id());
                    while (seen.size() > SEEN_KEPT) {
                        seen.remove(seen.iterator().next());
                    }
                    String cursor = PackedList.ATOM_SEEN.encode(seen);
                    if (raw.status() == 404) {
                        ready.add(MailFeed.Item.cursorOnly("atom/seen", cursor)); // deleted since the feed was read
                        continue;
                    }
                    expect(raw);
                    List<MailFeed.Item> items = RawMbox.items(raw.body(), limits);
                    if (items.isEmpty()) {
                        ready.add(MailFeed.Item.cursorOnly("atom/seen", cursor));
                    } else {
                        MailFeed.Item last = items.remove(items.size() - 1);
                        ready.addAll(items);
                        ready.add(new MailFeed.Item(last.raw(), -1, last.problems(), false, "atom/seen", cursor));
                    }
                }
                return ready.poll();
            }

            @Override
            public void close() {
            }
        };
    }

    private static void expect(HttpFetcher.Response r) throws FetchException {
        if (r.status() != 200) {
            throw new FetchException("GET " + r.uri() + ": HTTP " + r.status(), r.status(), null);
        }
    }

    /** The entries of an Atom feed; a body that is not one (blank, HTML, anything else) is a failed fetch. */
    static List<Entry> parse(byte[] xml, java.net.URI uri) throws FetchException {
        Document doc = Jsoup.parse(new String(xml, StandardCharsets.UTF_8), "", Parser.xmlParser());
        Element root = doc.children().first();
        String tag = root == null ? "" : root.tagName();
        if (!tag.equals("feed") && !tag.endsWith(":feed")) {
            String start = new String(xml, 0, Math.min(xml.length, 60), StandardCharsets.UTF_8).strip();
            throw new FetchException("GET " + uri + ": not an Atom feed (" + (root == null
                    ? xml.length + " bytes with no element" : "<" + tag + "> instead of <feed>") + (start.isEmpty() ? ""
                    : ", starting '" + start.replaceAll("\\s+", " ") + "'") + ")", 0, null);
        }
        List<Entry> out = new ArrayList<>();
        for (Element entry : doc.select("entry")) {
            Element id = entry.selectFirst("id");
            Element link = entry.selectFirst("link[href]");
            Element updated = entry.selectFirst("updated");
            if (link == null) {
                continue;
            }
            Instant at = null;
            if (updated != null) {
                try {
                    at = OffsetDateTime.parse(updated.text().strip()).toInstant();
                } catch (RuntimeException ignored) {
                    // an entry without a usable date still counts
                }
            }
            String href = link.attr("href");
            out.add(new Entry(id == null || id.text().isBlank() ? href : id.text().strip(), href, at));
        }
        return out;
    }
}
