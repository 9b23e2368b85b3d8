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
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Plain JDBC on the caller's transaction (the Hibernate session's connection): the bulk paths where
 * persisting entities one by one costs more than the writing (batched inserts, sequence blocks), and
 * every read of a projection ({@link #list}, {@link #listIn}), each row read by column name into a named
 * record by a {@link RowMapper}. Statements are the same on H2 and PostgreSQL.
 */
@ApplicationScoped
public class Jdbc {

    /** Rows per JDBC batch. */
    static final int BATCH = 500;

    @Inject
    EntityManager em;

    /**
     * Reads the current row of a result into a value, by column name ({@code rs.getLong("series_id")}),
     * never by position: the value is a record named for what it is.
     */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * The rows of a query, each read by {@code mapper}, in the order the query gives them. In a
     * transaction, pending entity changes are flushed first, as Hibernate does before its own queries
     * (flush mode AUTO): the read sees what the transaction wrote through entities.
     */
    public <T> List<T> list(String sql, Collection<?> params, RowMapper<T> mapper) {
        Session session = em.unwrap(Session.class);
        if (session.isJoinedToTransaction() && (session.getHibernateFlushMode() == FlushMode.AUTO
                || session.getHibernateFlushMode() == FlushMode.ALWAYS)) {
            session.flush();
        }
        return read(sql, params, mapper);
    }

    /**
     * {@link #list} for a query that reads a whole table (the counts over every series or revision):
     * on PostgreSQL, query JIT compilation is off for the rest of the transaction first. The planner's
     * cost guesses start it on such queries, which run in tens of milliseconds and compile for hundreds
     * (the accepted revisions of a 100,000-message store: 849 ms with it, 94 ms without); off for every
     * connection instead, it made the API's small reads slower.
     */
    public <T> List<T> scan(String sql, Collection<?> params, RowMapper<T> mapper) {
        em.unwrap(Session.class).doWork(c -> {
            if (postgres(c)) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LOCAL jit = off");
                }
            }
        });
        return list(sql, params, mapper);
    }

    /** Whether the database is PostgreSQL (else H2), as the session's connection says; asked once. */
    public boolean onPostgres() {
        Boolean pg = onPostgres;
        if (pg == null) {
            boolean[] out = {false};
            em.unwrap(Session.class).doWork(c -> out[0] = postgres(c));
            onPostgres = pg = out[0];
        }
        return pg;
    }

    private volatile Boolean onPostgres;

    /** Whether the connection is to PostgreSQL (else H2). */
    private static boolean postgres(java.sql.Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /**
     * {@link #list} once per chunk of {@code values} ({@link Bulk#IN_CHUNK} at most), each bound to the
     * {@code IN ({in})} of {@code sql}; the rows of all chunks together.
     */
    public <T> List<T> listIn(String sql, Collection<?> values, RowMapper<T> mapper) {
        return listIn(sql, List.of(), values, List.of(), mapper);
    }

    /** {@link #listIn} with parameters bound before the {@code IN} list and after it. */
    public <T> List<T> listIn(String sql, List<?> before, Collection<?> values, List<?> after, RowMapper<T> mapper) {
        List<T> out = new ArrayList<>();
        Bulk.forChunks(new ArrayList<Object>(values), chunk -> {
            List<Object> params = new ArrayList<>(before.size() + chunk.size() + after.size());
            params.addAll(before);
            params.addAll(chunk);
            params.addAll(after);
            out.addAll(list(sql.replace(IN, marks(chunk.size())), params, mapper));
        });
        return out;
    }

    /** Where {@link #listIn} puts the marks of a chunk. */
    static final String IN = "{in}";

    private <T> List<T> read(String sql, Collection<?> params, RowMapper<T> mapper) {
        List<T> out = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object p : params) {
                    ps.setObject(i++, p);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
            }
        });
        return out;
    }

    /** A TIMESTAMP WITH TIME ZONE column as an instant (H2 and PostgreSQL both give it as an offset time); null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A nullable BIGINT column: null where {@code getLong} would say 0. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
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
            if (postgres(c)) {
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

    /** Runs one statement that changes rows, with these parameters; returns how many rows it changed. */
    public int update(String sql, Collection<?> params) {
        int[] n = {0};
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object p : params) {
                    bind(ps, i++, p, java.sql.Types.OTHER);
                }
                n[0] = ps.executeUpdate();
            }
        });
        return n[0];
    }

    /**
     * Inserts a row, or replaces the row with its {@code key}: PostgreSQL with {@code ON CONFLICT DO
     * UPDATE}, H2 with {@code MERGE ... KEY}.
     */
    public void upsert(String table, String key, List<String> columns, Object[] row, int[] nullTypes) {
        em.unwrap(Session.class).doWork(c -> {
            String sql;
            if (postgres(c)) {
                StringBuilder set = new StringBuilder();
                for (String col : columns) {
                    if (!col.equals(key)) {
                        set.append(set.length() == 0 ? "" : ", ").append(col).append(" = EXCLUDED.").append(col);
                    }
                }
                sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks(columns.size())
                        + ") ON CONFLICT (" + key + ") DO UPDATE SET " + set;
            } else {
                sql = "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + key + ") VALUES ("
                        + marks(columns.size()) + ")";
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < row.length; i++) {
                    bind(ps, i + 1, row[i], nullTypes[i]);
                }
                ps.executeUpdate();
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

    /**
     * The SQL expression that takes the next value of {@code sequence} inside a statement, for rows whose
     * ids follow a sequence of increment 1 in the order they are inserted.
     */
    public String nextValue(String sequence) {
        return em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect().getSequenceSupport().getSelectSequenceNextValString(sequence);
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
                // a sequence's next value: nothing pending can change it, so no flush
                last = jdbc.read(sql, List.of(), rs -> rs.getLong(1)).get(0);
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
