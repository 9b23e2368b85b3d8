package dev.patchtrack.ingest;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.model.SourceMode;
import dev.patchtrack.ingest.lore.History;
import dev.patchtrack.ingest.lore.LoreAtom;
import dev.patchtrack.ingest.lore.LoreGit;
import dev.patchtrack.ingest.lore.LoreQuery;
import dev.patchtrack.ingest.lore.SourceReader;
import dev.patchtrack.ingest.lore.SourceSpec;
import dev.patchtrack.store.SourceEntity;
import dev.patchtrack.store.SourceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Follows lore: each enabled source that is due is synced through the import pipeline, its cursor
 * committed with each batch. A failing source is recorded (last error, failures) and never stops
 * the others. The scheduler only calls {@link #runOnce()}; tests call it directly.
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);

    /**
     * What one sync of one source did. {@code skipped}: another instance holds the source, nothing
     * was done.
     */
    public record Result(String source, int read, int stored, int deleted, String error, long millis,
                         boolean skipped) {
    }

    @Inject
    PatchtrackConfig config;

    @Inject
    SourceRepository sources;

    @Inject
    ImportService importer;

    @Inject
    SeriesRebuilder rebuilder;

    @Inject
    LoreGit git;

    @Inject
    LoreAtom atom;

    @Inject
    LoreQuery query;

    @Inject
    Meters meters;

    private final ReentrantLock lock = new ReentrantLock();
    private String instance;

    void onStart(@Observes StartupEvent e) {
        checkHistories();
        try {
            loadConfiguredSources();
            announce();
        } catch (RuntimeException ex) {
            LOG.errorf(ex, "configured sources could not be loaded");
        }
    }

    /** A history setting that is not one ends the start with its name, before anything syncs. */
    void checkHistories() {
        java.util.List<String> bad = new java.util.ArrayList<>();
        try {
            History.parse(config.sync().history());
        } catch (IllegalArgumentException ex) {
            bad.add("patchtrack.sync.history: " + ex.getMessage());
        }
        config.sources().forEach((name, c) -> c.history().ifPresent(h -> {
            try {
                History.parse(h);
            } catch (IllegalArgumentException ex) {
                bad.add("patchtrack.sources." + name + ".history: " + ex.getMessage());
            }
        }));
        if (!bad.isEmpty()) {
            throw new IllegalStateException("bad configuration: " + String.join("; ", bad));
        }
    }

    /** Says at start what this service will sync, from where, how often and how far back. */
    void announce() {
        if (!org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.scheduler.enabled", Boolean.class).orElse(true)) {
            return; // a command: nothing syncs
        }
        List<SourceEntity> all = QuarkusTransaction.requiringNew().call(() -> sources.all());
        List<String> lines = new java.util.ArrayList<>();
        for (SourceEntity s : all) {
            if (!s.enabled) {
                continue;
            }
            boolean first = s.lastSuccessAt == null;
            lines.add(String.format("  %s: %s mode from %s%s, every %s; %s", s.name, s.mode.wireName(),
                    new SourceSpec(s.name, s.baseUrl, s.inbox, s.mode, s.query).uri(""),
                    s.query == null ? "" : " (search: " + s.query + ")", Duration.ofSeconds(s.scheduleSeconds),
                    first ? "first sync reads " + history(s).describe() : "last success " + s.lastSuccessAt));
        }
        if (lines.isEmpty()) {
            LOG.info("no list is followed: no source is enabled (patchtrack.sources.<list>.*, or PUT /api/sources/<list>)");
            return;
        }
        LOG.infof("following %d list(s); the first sync starts in %s (stop one with patchtrack.sources.<list>.enabled=false):%n%s",
                lines.size(), config.sync().firstDelay(), String.join("\n", lines));
    }

    /** What a source's first sync reads: its own setting, else the service's. */
    public History history(SourceEntity s) {
        return History.parse(s.history != null ? s.history : config.sync().history());
    }

    public String instance() {
        if (instance == null) {
            instance = config.sync().instance().orElseGet(() -> {
                String host;
                try {
                    host = InetAddress.getLocalHost().getHostName();
                } catch (Exception ex) {
                    host = "localhost";
                }
                return host + ":" + ProcessHandle.current().pid();
            });
        }
        return instance;
    }

    /** Creates the sources of application.properties that are missing, updates those still owned by it. */
    public void loadConfiguredSources() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Map.Entry<String, PatchtrackConfig.Source> e : config.sources().entrySet()) {
                PatchtrackConfig.Source c = e.getValue();
                SourceEntity s = sources.findByName(e.getKey()).orElse(null);
                if (s != null && !"config".equals(s.origin)) {
                    continue; // changed through the API: the API's version stands
                }
                if (s == null) {
                    s = newSource(e.getKey());
                    s.origin = "config";
                }
                s.baseUrl = c.baseUrl();
                s.inbox = c.inbox().orElse(e.getKey());
                s.mode = SourceMode.find(c.mode()).orElseThrow(() -> new IllegalStateException("patchtrack.sources."
                        + e.getKey() + ".mode must be one of " + String.join(", ", SourceMode.wireNames())));
                s.query = c.query().orElse(null);
                s.history = c.history().orElse(null);
                s.scheduleSeconds = c.schedule().toSeconds();
                s.staleAfterSeconds = c.staleAfter().toSeconds();
                s.enabled = c.enabled();
                if (s.id == null) {
                    sources.persist(s);
                }
            }
        });
    }

    /** A blank source row, counts at zero. */
    public static SourceEntity newSource(String name) {
        SourceEntity s = new SourceEntity();
        s.name = name;
        s.createdAt = Instant.now();
        s.origin = "api";
        s.enabled = true;
        return s;
    }

    /** Syncs every enabled source whose schedule says it is due. */
    public List<Result> runOnce() {
        return run(false);
    }

    /** Syncs every enabled source now, whatever its schedule (tests, first start). */
    public List<Result> runAll() {
        return run(true);
    }

    private List<Result> run(boolean all) {
        if (!lock.tryLock()) {
            LOG.info("a sync is already running in this instance; skipped");
            return List.of();
        }
        try {
            List<SourceEntity> list = QuarkusTransaction.requiringNew().call(() -> sources.all());
            Instant now = Instant.now();
            List<Result> results = new java.util.ArrayList<>();
            for (SourceEntity s : list) {
                if (!s.enabled) {
                    continue;
                }
                boolean due = s.lastStartedAt == null
                        || !now.isBefore(s.lastStartedAt.plusSeconds(s.scheduleSeconds));
                if (all || due) {
                    results.add(sync(s.name));
                }
            }
            return results;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A sync's start, as the transaction that took the lease read it.
     *
     * @param needsRebuild whether a run stored mail and died before its series were derived
     */
    private record Started(SourceSpec spec, long sourceId, long runId, Map<String, String> cursors,
                           boolean needsRebuild) {
    }

    /** Syncs one source now. Never throws for upstream trouble: the result and the source carry the error. */
    public Result sync(String name) {
        long t0 = System.nanoTime();
        Duration lease = config.sync().lease();
        Started started = QuarkusTransaction.requiringNew().call(() -> {
            SourceEntity s = sources.findByName(name).orElseThrow(() -> new IllegalArgumentException("no source " + name));
            Instant now = Instant.now();
            if (!sources.acquireLease(s.id, instance(), now, now.plus(lease))) {
                return null; // being synced by another instance
            }
            sources.refresh(s);
            s.lastStartedAt = now;
            s.lastInstance = instance();
            s.runs++;
            long runId = sources.startRun(name, instance()).id;
            return new Started(new SourceSpec(s.name, s.baseUrl, s.inbox, s.mode, s.query, history(s).from(now)), s.id,
                    runId, sources.cursors(s.id), s.needsRebuild);
        });
        if (started == null) {
            LOG.infof("sync %s: skipped, another instance holds it", name);
            return new Result(name, 0, 0, 0, null, 0, true);
        }
        SourceSpec spec = started.spec();
        long sourceId = started.sourceId();
        long runId = started.runId();
        Map<String, String> cursors = started.cursors();
        // Set when a run stored mail and died before its series were derived: which mail is not known.
        boolean leftOver = started.needsRebuild();
        LOG.infof("sync %s: %s mode from %s (instance %s)", name, spec.mode().wireName(), spec.uri(""), instance());

        ImportSummary summary = null;
        String error = null;
        long[] lastLog = {System.nanoTime()};
        ImportService.Progress progress = (bytes, read) -> {
            long now = System.nanoTime();
            if (now - lastLog[0] > 5_000_000_000L) {
                lastLog[0] = now;
                double secs = (now - t0) / 1e9;
                LOG.infof("sync %s: %d messages read in %.0f s (%.0f msg/s)", name, read, secs, read / Math.max(secs, 0.001));
            }
        };
        String[] queryDate = {cursors.get(LoreQuery.CURSOR)};
        ImportService.BatchHook hook = (batchCursors, batch) -> {
            Map<String, String> save = new HashMap<>(batchCursors);
            if (spec.mode() == SourceMode.QUERY && batch.newestDate() != null
                    && batch.newestDate().isBefore(Instant.now().plus(Duration.ofDays(1)))
                    && (queryDate[0] == null || batch.newestDate().isAfter(Instant.parse(queryDate[0])))) {
                queryDate[0] = batch.newestDate().toString();
                save.put(LoreQuery.CURSOR, queryDate[0]);
            }
            sources.saveCursors(sourceId, save);
            if (batch.stored() > 0 || batch.deleted() > 0) {
                sources.setNeedsRebuild(sourceId, true);
            }
            SourceEntity s = sources.addCounts(sourceId, batch.read(), batch.stored(), batch.deleted(), batch.newestDate());
            if (instance().equals(s.leaseOwner)) {
                s.leaseUntil = Instant.now().plus(lease); // still ours: renewed with each batch
            }
        };
        try (SourceReader reader = open(spec, cursors)) {
            summary = importer.ingest(reader, name, progress, hook);
        } catch (ImportService.PartialImport e) {
            summary = e.summary();
            error = e.getMessage();
        } catch (Exception | Error e) {
            // an error of any kind is this source's failure, shown on it; out of memory ends the process
            Fatal.exitIfOutOfMemory(e);
            dev.patchtrack.store.StoreFailure.note(e);
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        if (error != null) {
            LOG.warnf("sync %s failed: %s", name, error);
        }
        try {
            boolean rebuild = QuarkusTransaction.requiringNew().call(() -> sources.findByName(name).map(s -> s.needsRebuild).orElse(false));
            if (rebuild) {
                if (leftOver || summary == null || summary.changedIds() == null) {
                    rebuilder.rebuild();
                } else {
                    rebuilder.rebuildAffected(summary.changedIds());
                }
                QuarkusTransaction.requiringNew().run(() -> sources.setNeedsRebuild(sourceId, false));
            }
        } catch (RuntimeException | Error e) {
            Fatal.exitIfOutOfMemory(e);
            error = error == null ? "series rebuild failed: " + e : error;
        }
        String err = error;
        int read = summary == null ? 0 : summary.read();
        int stored = summary == null ? 0 : summary.stored();
        int deleted = summary == null ? 0 : summary.deleted();
        QuarkusTransaction.requiringNew().run(() -> {
            sources.findByName(name).ifPresent(s -> {
                Instant now = Instant.now();
                if (instance().equals(s.leaseOwner)) {
                    s.leaseOwner = null;
                    s.leaseUntil = null;
                }
                s.lastFinishedAt = now;
                if (err == null) {
                    s.lastSuccessAt = now;
                } else {
                    s.lastError = err.length() > 2000 ? err.substring(0, 2000) : err;
                    s.lastErrorAt = now;
                    s.failures++;
                }
            });
            sources.finishRun(runId, read, stored, err);
        });
        meters.synced(name, err != null);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOG.infof("sync %s done: %d read, %d stored, %d deleted in %d ms (%.0f msg/s)%s", name, read, stored, deleted,
                millis, read * 1000.0 / Math.max(1, millis), err == null ? "" : "; error: " + err);
        return new Result(name, read, stored, deleted, err, millis, false);
    }

    private SourceReader open(SourceSpec spec, Map<String, String> cursors) throws java.io.IOException {
        return switch (spec.mode()) {
            case GIT -> git.open(spec, cursors);
            case ATOM -> atom.open(spec, cursors);
            case QUERY -> query.open(spec, cursors);
        };
    }
}
