package dev.patchtrack.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One counter for everything the read API shows. Each write path calls {@link #bump()} inside its own
 * transaction, so the counter moves exactly when the data it stands for commits, on whichever instance
 * wrote it. Readers take {@link #current()}: the row as read at most patchtrack.api.version-check-interval ago, so a
 * conditional GET usually costs no query at all; a local write forgets the cached row when it commits.
 */
@ApplicationScoped
public class DataVersion {

    /** The counter and when it last moved (whole seconds, as HTTP dates carry them). */
    public record Snapshot(long version, Instant changedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    dev.patchtrack.config.PatchtrackConfig config;

    private volatile Snapshot cached;
    private volatile long cachedAt;
    /** Moves on every local commit that bumped, so a read that raced with it is not cached. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

    /** The key under which a transaction notes that it has moved the counter already. */
    private static final Object BUMPED = DataVersion.class.getName() + ".bumped";

    /**
     * Marks the data changed; call inside the transaction that writes. The counter moves once per
     * transaction however many writes in it call this.
     */
    public void bump() {
        if (transactions.getResource(BUMPED) != null) {
            return;
        }
        transactions.putResource(BUMPED, Boolean.TRUE);
        em.createNativeQuery("UPDATE data_version SET version = version + 1, changed_at = ?1 WHERE id = 1")
                .setParameter(1, Instant.now()).executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    commits.incrementAndGet();
                    cached = null;
                }
            }
        });
    }

    /** Whether the current transaction has moved the counter (it wrote something the API shows). */
    public boolean movedHere() {
        return transactions.getResource(BUMPED) != null;
    }

    /** The data version, read from the database at most patchtrack.api.version-check-interval ago. */
    public Snapshot current() {
        Snapshot s = cached;
        long now = System.nanoTime();
        if (s != null && now - cachedAt < config.api().versionCheckInterval().toNanos()) {
            return s;
        }
        long seen = commits.get();
        s = read();
        if (commits.get() == seen) {
            cachedAt = now;
            cached = s;
        }
        return s;
    }

    private Snapshot read() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT version, changed_at FROM data_version WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("data_version has no row");
            }
            Instant at = rs.getObject(2, java.time.OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS);
            return new Snapshot(rs.getLong(1), at);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data version: " + e.getMessage(), e);
        }
    }
}
