package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Plain JDBC on the caller's transaction (the Hibernate session's connection), for the bulk paths where
 * persisting entities one by one costs more than the writing: batched inserts, row reads, sequence
 * blocks. Statements are the same on H2 and PostgreSQL.
 */
@ApplicationScoped
public class Jdbc {

    /** Rows per JDBC batch. */
    static final int BATCH = 500;

    @Inject
    EntityManager em;

    /** Reads one result row. */
    @FunctionalInterface
    public interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a query with these parameters and hands every row to {@code row}. */
    public void query(String sql, Collection<?> params, Row row) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object p : params) {
                    ps.setObject(i++, p);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        });
    }

    /**
     * Runs {@code sql} once per row, in JDBC batches. A null value is bound as a NULL of the SQL type
     * at its position in {@code nullTypes} (java.sql.Types).
     */
    public void batch(String sql, List<Object[]> rows, int[] nullTypes) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(ps, i + 1, row[i], nullTypes == null ? java.sql.Types.OTHER : nullTypes[i]);
                    }
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                if (n % BATCH != 0) {
                    ps.executeBatch();
                }
            }
        });
    }

    /**
     * Inserts rows whose {@code key} column is unique, each only if no row with its key exists, and
     * never fails because another transaction inserted the same key meanwhile: an idempotent upsert of
     * shared keys (people, lists) that concurrent imports race to create. PostgreSQL does it with
     * {@code ON CONFLICT DO NOTHING} (which waits for the other transaction and then skips the row);
     * H2, which has no such clause, inserts row by row and takes a duplicate-key failure as "already
     * there" (H2 rolls back the failed statement only, the transaction goes on). The caller reads the
     * ids back by key.
     */
    public void insertIfAbsent(String table, String key, List<String> columns, List<Object[]> rows, int[] nullTypes) {
        if (rows.isEmpty()) {
            return;
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks(columns.size()) + ")";
        em.unwrap(Session.class).doWork(c -> {
            if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                try (PreparedStatement ps = c.prepareStatement(insert + " ON CONFLICT (" + key + ") DO NOTHING")) {
                    for (Object[] row : rows) {
                        for (int i = 0; i < row.length; i++) {
                            bind(ps, i + 1, row[i], nullTypes[i]);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(ps, i + 1, row[i], nullTypes[i]);
                    }
                    try {
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        if (!"23505".equals(e.getSQLState())) {
                            throw e;
                        }
                        // inserted by another transaction (H2 waited for it to commit): already there
                    }
                }
            }
        });
    }

    private static void bind(PreparedStatement ps, int i, Object v, int nullType) throws SQLException {
        if (v == null) {
            ps.setNull(i, nullType);
        } else if (v instanceof Long l) {
            ps.setLong(i, l);
        } else if (v instanceof Integer n) {
            ps.setInt(i, n);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(i, b);
        } else if (v instanceof String s) {
            ps.setString(i, s);
        } else if (v instanceof byte[] b) {
            ps.setBytes(i, b);
        } else {
            ps.setObject(i, v);
        }
    }

    /**
     * Ids from a sequence that increments by {@code block}, handed out the way Hibernate's pooled
     * optimizer does (a fetched value v owns v - block + 1 .. v), so that entities persisted with the
     * same sequence and allocation size never get the same id.
     */
    public Ids ids(String sequence, int block) {
        String next = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect().getSequenceSupport().getSequenceNextValString(sequence);
        return new Ids(this, next, block);
    }

    /** A source of ids, fetching a block from the sequence when it runs out. */
    public static final class Ids {
        private final Jdbc jdbc;
        private final String sql;
        private final int block;
        private long next = 1;
        private long last = 0;

        Ids(Jdbc jdbc, String sql, int block) {
            this.jdbc = jdbc;
            this.sql = sql;
            this.block = block;
        }

        public long next() {
            if (next > last) {
                long[] v = new long[1];
                jdbc.query(sql, List.of(), rs -> v[0] = rs.getLong(1));
                last = v[0];
                next = Math.max(1, last - block + 1);
            }
            return next++;
        }
    }

    /** {@code ?, ?, ...} for an IN list of {@code n} values. */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** One parameter, then a list of them. */
    static List<Object> params(Object first, Collection<?> rest) {
        List<Object> out = new ArrayList<>(rest.size() + 1);
        out.add(first);
        out.addAll(rest);
        return out;
    }

    /** An instant as the value of a TIMESTAMP WITH TIME ZONE column; null stays null. */
    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
