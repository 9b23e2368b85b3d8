package dev.patchtrack.ingest.lwn;

import dev.patchtrack.config.LwnConfig;
import dev.patchtrack.core.lwn.ArticleParser;
import dev.patchtrack.core.lwn.ArticlePage;
import dev.patchtrack.core.lwn.FeedParser;
import dev.patchtrack.core.lwn.IndexParser;
import dev.patchtrack.core.lwn.Reference;
import dev.patchtrack.core.lwn.References;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.ingest.http.FetchException;
import dev.patchtrack.ingest.http.HttpFetcher;
import dev.patchtrack.store.ArticleEntity;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.store.ArticleRepository.RefRow;
import dev.patchtrack.store.LwnSourceEntity;
import dev.patchtrack.store.PackedList;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Follows LWN: polls the headlines feed and the kernel index with conditional GET, records the
 * articles they list, then fetches each article page that is due (new ones, subscriber-only ones
 * once they should be free, failed ones again later) and stores its text, references and topics.
 * A bad feed or page is recorded with its reason and counted; the poll goes on. All fetching goes
 * through the shared {@link HttpFetcher}. The scheduler only calls {@link #runOnce()}.
 */
@ApplicationScoped
public class LwnPoller {

    private static final Logger LOG = Logger.getLogger(LwnPoller.class);
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");
    private static final int MAX_REPORTED_PROBLEMS = 100;

    /** What one poll saw and did. */
    public record Summary(Instant startedAt, long millis, int discovered, int added, int fetched, int paywalled,
                          int unreadable, int failed, List<Problem> problems) {
    }

    /** An article a feed or the index lists. */
    record Listed(String url, String title, boolean subscriberOnly, Instant published, String author, String summary,
                  String foundIn) {
    }

    /** A polled document read: what it lists, whether it could be read at all, and what was wrong. */
    record Read(boolean malformed, List<Listed> items, List<Problem> problems) {
    }

    @Inject
    LwnConfig config;

    @Inject
    HttpFetcher http;

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleClassifier classifier;

    @Inject
    dev.patchtrack.ingest.Meters meters;

    private final ReentrantLock lock = new ReentrantLock();
    private volatile Summary last;

    /** The last poll's summary, or null before the first. */
    public Summary last() {
        return last;
    }

    public Summary runOnce() {
        return runOnce(Instant.now());
    }

    /** One poll, as if it were {@code now}: what is due is decided against it. Counted by how it went. */
    public Summary runOnce(Instant now) {
        String result = "error";
        try {
            Summary s = pollOnce(now);
            result = s.failed() == 0 && s.problems().isEmpty() ? "ok" : "problems";
            return s;
        } finally {
            meters.lwnPolled(result);
        }
    }

    private Summary pollOnce(Instant now) {
        lock.lock();
        try {
            long start = System.nanoTime();
            Counts c = new Counts();
            ArticleClassifier.Rules rules = classifier.current();
            Map<String, Listed> listed = new LinkedHashMap<>();
            poll(config.feedUrl(), "feed", c, this::readFeed).forEach(l -> listed.putIfAbsent(l.url(), l));
            config.indexUrl().filter(u -> !u.isBlank()).ifPresent(index ->
                    poll(index, "index", c, this::readIndex).forEach(l -> listed.putIfAbsent(l.url(), l)));
            c.discovered = listed.size();
            c.added = QuarkusTransaction.requiringNew().call(() -> record(listed.values(), now, rules));
            List<Long> due = QuarkusTransaction.requiringNew().call(() ->
                    articles.due(now, Math.max(1, config.maxFetchesPerRun())).stream().map(a -> a.id).toList());
            for (Long id : due) {
                fetch(id, now, c, rules);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            Summary s = new Summary(now, millis, c.discovered, c.added, c.fetched, c.paywalled, c.unreadable, c.failed,
                    List.copyOf(c.problems));
            LOG.infof("LWN: %d listed, %d new; %d pages fetched: %d read, %d behind the paywall, %d unreadable,"
                    + " %d failed; %d problems in %d ms", s.discovered(), s.added(), due.size(), s.fetched(),
                    s.paywalled(), s.unreadable(), s.failed(), c.problems.size(), millis);
            last = s;
            return s;
        } finally {
            lock.unlock();
        }
    }

    // ---- the feed and the index ----------------------------------------------------------------

    private List<Listed> poll(String url, String kind, Counts c, Function<byte[], Read> reader) {
        String[] validators = QuarkusTransaction.requiringNew().call(() -> {
            LwnSourceEntity s = articles.source(url, kind);
            return new String[] {s.etag, s.lastModified};
        });
        Map<String, String> headers = new LinkedHashMap<>();
        if (validators[0] != null) {
            headers.put("If-None-Match", validators[0]);
        }
        if (validators[1] != null) {
            headers.put("If-Modified-Since", validators[1]);
        }
        HttpFetcher.Response r;
        try {
            r = http.get(URI.create(url), headers);
        } catch (FetchException | IllegalArgumentException e) {
            Problem problem = Problem.of(Problem.Code.FETCH_FAILED, kind + " " + url + ": " + e.getMessage());
            c.problem(problem);
            LOG.warnf("LWN %s", problem.detail());
            saveSource(url, kind, "failed", e instanceof FetchException f && f.status() > 0 ? f.status() : null, 0,
                    List.of(problem), null, null);
            return List.of();
        }
        if (r.status() == 304) {
            saveSource(url, kind, "not-modified", 304, 0, List.of(), null, null);
            return List.of();
        }
        if (r.status() != 200) {
            Problem problem = Problem.of(Problem.Code.FETCH_FAILED, kind + " " + url + ": HTTP " + r.status());
            c.problem(problem);
            LOG.warnf("LWN %s", problem.detail());
            saveSource(url, kind, "failed", r.status(), 0, List.of(problem), null, null);
            return List.of();
        }
        Read read;
        try {
            read = reader.apply(r.body());
        } catch (RuntimeException e) {
            read = new Read(true, List.of(), List.of(Problem.of(Problem.Code.FEED_MALFORMED, "unreadable: " + e)));
        }
        read.problems().forEach(p -> c.problem(kind + " " + url + ": ", p));
        if (read.malformed()) {
            LOG.warnf("LWN %s %s is malformed (%d problems), skipped: %s", kind, url, read.problems().size(),
                    read.problems().isEmpty() ? "" : read.problems().get(0).detail());
            saveSource(url, kind, "malformed", r.status(), 0, read.problems(), null, null);
            return List.of();
        }
        saveSource(url, kind, "ok", r.status(), read.items().size(), read.problems(),
                r.header("ETag").orElse(null), r.header("Last-Modified").orElse(null));
        return read.items();
    }

    private Read readFeed(byte[] body) {
        FeedParser.Result feed = FeedParser.parse(body);
        List<Listed> items = feed.items().stream().map(i -> new Listed(i.url(), i.title(), i.subscriberOnly(),
                i.published(), i.author(), i.summary(), "feed")).toList();
        return new Read(feed.malformed(), items, feed.problems());
    }

    private Read readIndex(byte[] body) {
        String url = config.indexUrl().orElse("");
        IndexParser.Result index = IndexParser.parse(new String(body, StandardCharsets.UTF_8), url);
        Pattern wanted = Pattern.compile(config.indexHeadings(), Pattern.CASE_INSENSITIVE);
        List<Listed> items = index.entries().stream().filter(e -> wanted.matcher(e.heading()).find())
                .map(e -> new Listed(e.url(), e.title(), e.subscriberOnly(), e.published(), null, null, "index")).toList();
        return new Read(index.entries().isEmpty() && !index.problems().isEmpty(), items, index.problems());
    }

    private void saveSource(String url, String kind, String status, Integer httpStatus, int items, List<Problem> problems,
                            String etag, String lastModified) {
        QuarkusTransaction.requiringNew().run(() -> {
            LwnSourceEntity s = articles.source(url, kind);
            s.polledAt = Instant.now();
            s.status = status;
            s.httpStatus = httpStatus;
            s.items = items;
            s.problems = Problem.encode(problems);
            if (status.equals("ok")) {
                s.etag = etag;
                s.lastModified = lastModified;
            }
        });
    }

    /** Stores the articles not seen before; returns how many. */
    private int record(Iterable<Listed> listed, Instant now, ArticleClassifier.Rules rules) {
        int added = 0;
        for (Listed l : listed) {
            ArticleEntity a = articles.findByUrl(l.url()).orElse(null);
            if (a == null) {
                a = new ArticleEntity();
                a.url = l.url();
                a.title = l.title();
                a.state = ArticleEntity.PENDING;
                a.nextFetchAt = now;
                a.foundIn = l.foundIn();
                a.firstSeenAt = now;
                added++;
            } else if (a.state.equals(ArticleEntity.FETCHED)) {
                continue;
            }
            a.subscriberOnly |= l.subscriberOnly();
            a.publishedAt = a.publishedAt == null ? l.published() : a.publishedAt;
            a.author = a.author == null ? l.author() : a.author;
            a.summary = a.summary == null || a.summary.isEmpty() ? l.summary() : a.summary;
            articles.persist(a);
            articles.replaceTopics(a.id, rules.classify(a.title, a.summary == null ? "" : a.summary));
        }
        return added;
    }

    // ---- article pages ---------------------------------------------------------------------------

    private void fetch(long id, Instant now, Counts c, ArticleClassifier.Rules rules) {
        String url = QuarkusTransaction.requiringNew().call(() -> articles.find(id).map(a -> a.url).orElse(null));
        if (url == null) {
            return;
        }
        try {
            HttpFetcher.Response r = http.get(URI.create(url), Map.of());
            if (r.status() != 200) {
                failed(id, url, now, Problem.of(Problem.Code.FETCH_FAILED, "HTTP " + r.status()), c);
                return;
            }
            ArticlePage page = ArticleParser.parse(new String(r.body(), charset(r)), url);
            QuarkusTransaction.requiringNew().run(() -> apply(id, page, now, c, rules));
        } catch (FetchException e) {
            failed(id, url, now, Problem.of(Problem.Code.FETCH_FAILED, "fetch failed: " + e.getMessage()), c);
        } catch (RuntimeException e) {
            LOG.errorf(e, "LWN %s: could not be stored", url);
            failed(id, url, now, Problem.of(Problem.Code.FETCH_FAILED, "could not be stored: " + e), c);
        }
    }

    private void apply(long id, ArticlePage page, Instant now, Counts c, ArticleClassifier.Rules rules) {
        ArticleEntity a = articles.find(id).orElseThrow();
        a.fetchCount++;
        a.fetchedAt = now;
        if (page.paywalled()) {
            a.state = ArticleEntity.PAYWALLED;
            a.subscriberOnly = true;
            a.freeAt = page.freeAt();
            a.nextFetchAt = recheckAt(a, now);
            a.problems = null;
            articles.persist(a);
            c.paywalled++;
            return;
        }
        if (page.unreadable()) {
            a.state = a.state.equals(ArticleEntity.PAYWALLED) ? a.state : ArticleEntity.UNREADABLE;
            a.problems = Problem.encode(page.problems());
            a.nextFetchAt = retryAt(a, now);
            articles.persist(a);
            c.unreadable++;
            String details = String.join("\n", Problem.details(page.problems()));
            c.problem(a.url + ": ", page.problems().isEmpty()
                    ? Problem.of(Problem.Code.PAGE_UNRECOGNISED, details) : page.problems().get(0).withDetail(details));
            LOG.warnf("LWN %s: unreadable, %s", a.url, details);
            return;
        }
        a.state = ArticleEntity.FETCHED;
        a.nextFetchAt = null;
        a.title = page.title() == null ? a.title : page.title();
        a.author = page.author() == null ? a.author : page.author();
        a.publishedAt = a.publishedAt == null ? page.published() : a.publishedAt; // the feed's time is finer
        a.section = page.section();
        a.indexTerms = page.indexTerms();
        a.body = page.text();
        a.problems = Problem.encode(page.problems());
        articles.persist(a);
        List<Reference> refs = References.extract(page.links(), page.text());
        articles.replaceRefs(a.id, refs.stream().map(r -> new RefRow(r.kind().wireName(), r.value(), r.url())).toList());
        String text = page.text() + (page.indexTerms().isEmpty() ? "" : "\n" + PackedList.INDEX_TERMS.join(page.indexTerms()));
        articles.replaceTopics(a.id, rules.classify(a.title, text));
        c.fetched++;
    }

    private void failed(long id, String url, Instant now, Problem problem, Counts c) {
        c.failed++;
        c.problem(url + ": ", problem);
        LOG.warnf("LWN %s: %s", url, problem.detail());
        QuarkusTransaction.requiringNew().run(() -> articles.find(id).ifPresent(a -> {
            a.fetchCount++;
            a.problems = Problem.encode(List.of(problem));
            a.nextFetchAt = retryAt(a, now);
            if (a.nextFetchAt == null && a.state.equals(ArticleEntity.PENDING)) {
                a.state = ArticleEntity.UNREADABLE; // given up: what the feed or index said is all there is
            }
            articles.persist(a); // the change shows: the data version moves with it
        }));
    }

    /**
     * When a subscriber-only article is fetched again: the day LWN names, else the recheck delay
     * after publication, and once that has passed, a seventh of it from now.
     */
    private Instant recheckAt(ArticleEntity a, Instant now) {
        if (a.freeAt != null && a.freeAt.isAfter(now)) {
            return a.freeAt;
        }
        Duration delay = config.recheckDelay();
        if (a.publishedAt != null && a.publishedAt.plus(delay).isAfter(now)) {
            return a.publishedAt.plus(delay);
        }
        return now.plus(delay.dividedBy(7));
    }

    private Instant retryAt(ArticleEntity a, Instant now) {
        return a.fetchCount < config.maxAttempts() ? now.plus(config.retryDelay()) : null;
    }

    private static Charset charset(HttpFetcher.Response r) {
        Matcher m = CHARSET.matcher(r.header("Content-Type").orElse(""));
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static final class Counts {
        int discovered;
        int added;
        int fetched;
        int paywalled;
        int unreadable;
        int failed;
        final List<Problem> problems = new ArrayList<>();

        void problem(Problem p) {
            if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(p);
            }
        }

        /** The problem of a document, its detail led by what names the document. */
        void problem(String where, Problem p) {
            problem(p.withDetail(where + p.detail()));
        }
    }
}
