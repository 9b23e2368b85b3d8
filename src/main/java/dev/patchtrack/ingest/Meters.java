package dev.patchtrack.ingest;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.store.SourceEntity;
import dev.patchtrack.store.SourceRepository;
import dev.patchtrack.store.StatsRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The numbers operators watch, at {@code /q/metrics} beside Quarkus's own (one Micrometer registry):
 * <ul>
 * <li>{@code patchtrack_messages_ingested_total{list}}: new messages stored, by imports and syncs;</li>
 * <li>{@code patchtrack_sync_runs_total{source}}, {@code patchtrack_sync_failures_total{source}};</li>
 * <li>{@code patchtrack_source_lag_seconds{source}}: since the last successful sync (since creation
 * for a source that never had one);</li>
 * <li>{@code patchtrack_derivation_seconds{pass=full|affected}}: deriving series after new mail, a
 * reclassify or an override (a histogram);</li>
 * <li>{@code patchtrack_series{state}} and {@code patchtrack_series_by_topic{topic,state}};</li>
 * <li>{@code patchtrack_lwn_polls_total{result=ok|problems|error}};</li>
 * Counters count what this instance did (sum them over instances); gauges say what the shared store
 * holds (take the max over instances). The gauges read a snapshot of the store, taken in the
 * background after each derivation and sync of this instance and when a scrape finds it older than
 * {@code patchtrack.metrics.refresh}: a scrape never waits for the database.
 * <li>{@code patchtrack_webhook_deliveries_total{result=delivered|retry|failed}}: webhook attempts
 * the receiver accepted, that will be tried again, and deliveries given up.</li>
 * </ul>
 */
@ApplicationScoped
@Startup
public class Meters {

    private static final Logger LOG = Logger.getLogger(Meters.class);
    /** How an LWN poll went: read everything, read with problems (a document or page failed), or threw. */
    public static final List<String> LWN_RESULTS = List.of("ok", "problems", "error");
    static final List<String> PASSES = List.of("full", "affected");
    /** How a webhook attempt ended: accepted, to be tried again, or the last one failed. */
    public static final List<String> WEBHOOK_RESULTS = List.of("delivered", "retry", "failed");
    /** The histogram's buckets: from a handful of messages to a full pass over years of several lists. */
    static final Duration[] DERIVATION_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1)};

    /** The store counts behind the gauges, and when they were read. */
    record Snapshot(Instant takenAt, Map<String, Long> byState, Map<String, Map<String, Long>> byTopic,
                    Map<String, Instant> lagFrom) {
        static final Snapshot EMPTY = new Snapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of());
    }

    @Inject
    MeterRegistry registry;

    @Inject
    StatsRepository stats;

    @Inject
    SourceRepository sources;

    @Inject
    PatchtrackConfig config;

    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "patchtrack-metrics");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile Instant lastAttempt = Instant.EPOCH;
    private final Set<String> gauges = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void register() {
        for (ReviewState s : ReviewState.values()) {
            String state = s.wireName();
            Gauge.builder("patchtrack.series", this, m -> m.current().byState().getOrDefault(state, 0L))
                    .description("series in each review state (their latest revision's)").tag("state", state)
                    .register(registry);
        }
        // at zero from the start, so that rates and dashboards see every series of each counter
        LWN_RESULTS.forEach(r -> lwnPolls(r));
        WEBHOOK_RESULTS.forEach(r -> webhookDeliveries(r));
        PASSES.forEach(p -> derivationTimer(p));
        config.sources().keySet().forEach(this::sourceMeters);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /** {@code n} new messages stored on {@code list} (null or empty: mail that names no list). */
    public void ingested(String list, int n) {
        if (n > 0) {
            Counter.builder("patchtrack.messages.ingested").description("new messages stored, per list")
                    .tag("list", list == null || list.isEmpty() ? "none" : list).register(registry).increment(n);
        }
    }

    /** A sync of {@code source} ran (not one skipped for another instance), and whether it failed. */
    public void synced(String source, boolean failed) {
        sourceMeters(source);
        Counter.builder("patchtrack.sync.runs").tag("source", source).register(registry).increment();
        if (failed) {
            Counter.builder("patchtrack.sync.failures").tag("source", source).register(registry).increment();
        }
        refreshSoon();
    }

    /** Series were derived ({@code full}: every message; {@code affected}: those new mail reaches). */
    public void derived(boolean full, long nanos) {
        derivationTimer(full ? "full" : "affected").record(nanos, TimeUnit.NANOSECONDS);
        refreshSoon();
    }

    /** A webhook attempt ended with {@code result}, one of {@link #WEBHOOK_RESULTS}. */
    public void webhookAttempt(String result) {
        webhookDeliveries(result).increment();
    }

    private Counter webhookDeliveries(String result) {
        return Counter.builder("patchtrack.webhook.deliveries").description("webhook attempts by how they ended")
                .tag("result", result).register(registry);
    }

    /** An LWN poll ended with {@code result}, one of {@link #LWN_RESULTS}. */
    public void lwnPolled(String result) {
        lwnPolls(result).increment();
    }

    private Counter lwnPolls(String result) {
        return Counter.builder("patchtrack.lwn.polls").description("LWN polls, by how they went").tag("result", result)
                .register(registry);
    }

    private Timer derivationTimer(String pass) {
        return Timer.builder("patchtrack.derivation").description("deriving series from stored mail").tag("pass", pass)
                .serviceLevelObjectives(DERIVATION_BUCKETS).register(registry);
    }

    /** The counters and the lag gauge of a source, registered once (counters at zero). */
    private void sourceMeters(String source) {
        if (!gauges.add("source\u0000" + source)) {
            return;
        }
        Counter.builder("patchtrack.sync.runs").description("syncs run by this instance, per source").tag("source", source)
                .register(registry);
        Counter.builder("patchtrack.sync.failures").description("syncs that failed, per source").tag("source", source)
                .register(registry);
        Gauge.builder("patchtrack.source.lag", this, m -> m.lag(source)).baseUnit("seconds")
                .description("time since the source's last successful sync").tag("source", source).register(registry);
    }

    private double lag(String source) {
        Instant from = current().lagFrom().get(source);
        return from == null ? Double.NaN : Math.max(0, Duration.between(from, Instant.now()).toMillis() / 1000.0);
    }

    private double topic(String topic, String state) {
        return current().byTopic().getOrDefault(topic, Map.of()).getOrDefault(state, 0L);
    }

    /** The snapshot as it is; one older than the refresh interval is read again in the background. */
    Snapshot current() {
        if (lastAttempt.plus(config.metrics().refresh()).isBefore(Instant.now())) {
            refreshSoon();
        }
        return snapshot;
    }

    /** Reads the store counts again in the background (at most one read at a time). */
    public void refreshSoon() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        lastAttempt = Instant.now();
        try {
            refresher.execute(this::refresh);
        } catch (RejectedExecutionException e) {
            refreshing.set(false); // shutting down
        }
    }

    /** Reads the store counts now. */
    void refresh() {
        try {
            Snapshot s = QuarkusTransaction.requiringNew().call(() -> {
                Map<String, Instant> lagFrom = new HashMap<>();
                for (SourceEntity src : sources.all()) {
                    if (src.enabled) {
                        lagFrom.put(src.name, src.lastSuccessAt != null ? src.lastSuccessAt : src.createdAt);
                    }
                }
                return new Snapshot(Instant.now(), stats.seriesByState(null, null, List.of()),
                        stats.seriesByTopicAndState(null, null, List.of()), lagFrom);
            });
            snapshot = s;
            s.lagFrom().keySet().forEach(this::sourceMeters);
            s.byTopic().forEach((topic, states) -> states.keySet().forEach(state -> {
                if (gauges.add("topic\u0000" + topic + "\u0000" + state)) {
                    Gauge.builder("patchtrack.series.by.topic", this, m -> m.topic(topic, state))
                            .description("series per topic and review state (a series counts under each of its topics)")
                            .tag("topic", topic).tag("state", state).register(registry);
                }
            }));
        } catch (RuntimeException e) {
            LOG.debugf("metrics: store counts not read: %s", e.toString());
        } finally {
            lastAttempt = Instant.now();
            refreshing.set(false);
        }
    }
}
