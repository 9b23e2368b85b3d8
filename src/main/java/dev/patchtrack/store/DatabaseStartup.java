package dev.patchtrack.store;

import dev.patchtrack.config.PatchtrackConfig;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Start-up waits for the database instead of failing on the first slow connection. Before Flyway
 * migrates (the first use of the database at start, for the service and every command alike) it
 * tries to connect, again and again, saying so, for up to {@code patchtrack.startup.database-wait}:
 * a PostgreSQL on a loaded machine may take seconds to hand out a connection, and an H2 file opened
 * after a crash may take long to recover, an open that must not be cut short. While starting, a
 * connection may take as long as that; once started, the pool's own acquisition timeout holds again
 * (a request then gets a 503 with Retry-After when the database is away).
 */
@ApplicationScoped
public class DatabaseStartup implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);
    private static final Duration PAUSE = Duration.ofSeconds(2);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PatchtrackConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    private final AtomicBoolean waited = new AtomicBoolean();
    private volatile Duration running;

    @Override
    public void customize(FluentConfiguration configuration) {
        awaitDatabase();
    }

    /** Returns once a connection was had; throws, naming the database and the last error, when the wait is over. */
    void awaitDatabase() {
        if (!waited.compareAndSet(false, true)) {
            return;
        }
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();
        running = pool.acquisitionTimeout();
        Duration wait = config.startup().databaseWait();
        long start = System.nanoTime();
        long deadline = start + wait.toNanos();
        for (int attempt = 1; ; attempt++) {
            // each attempt waits twice as long as the one before, from what a request would wait: a pool
            // may give up a connection still being made when its wait ends (PostgreSQL's driver does when
            // interrupted), so a database slower than that wait must be given longer
            long patience = Math.min(running.toNanos() << Math.min(attempt - 1, 16), Math.max(running.toNanos(),
                    deadline - System.nanoTime()));
            pool.setAcquisitionTimeout(Duration.ofNanos(patience));
            try (Connection c = dataSource.getConnection()) {
                if (attempt > 1) {
                    LOG.infof("the database at %s answered after %d s", where(), (System.nanoTime() - start) / 1_000_000_000L);
                }
                // the rest of start-up (migrations, the scheduler) may make more connections: as slowly as it needs
                long left = Math.max(running.toNanos(), deadline - System.nanoTime());
                pool.setAcquisitionTimeout(Duration.ofNanos(left));
                return;
            } catch (SQLException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(e.toString());
                if (!DatabaseDown.is(e)) {
                    throw new IllegalStateException("the database at " + where() + " refused the connection: " + why, e);
                }
                if (System.nanoTime() + PAUSE.toNanos() >= deadline) {
                    pool.setAcquisitionTimeout(running);
                    throw new IllegalStateException("the database at " + where() + " did not answer within " + wait.toSeconds()
                            + " s (patchtrack.startup.database-wait): " + why, e);
                }
                LOG.warnf("waiting for the database at %s: %s (attempt %d, %d s of at most %d s; patchtrack.startup.database-wait)",
                        where(), why, attempt, (System.nanoTime() - start) / 1_000_000_000L, wait.toSeconds());
                try {
                    Thread.sleep(PAUSE.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the database", ie);
                }
            }
        }
    }

    /** Started: connections are waited for as configured again. Late, after the other start-up work. */
    void started(@Observes @Priority(Integer.MAX_VALUE - 1000) StartupEvent e) {
        if (running != null) {
            dataSource.getConfiguration().connectionPoolConfiguration().setAcquisitionTimeout(running);
        }
    }

    /** The database's URL without its parameters (which may carry credentials). */
    private String where() {
        if (url == null) {
            return "(no URL)";
        }
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return url.substring(0, cut);
    }
}
