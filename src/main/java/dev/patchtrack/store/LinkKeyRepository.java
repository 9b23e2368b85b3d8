package dev.patchtrack.store;

import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.core.series.LinkKeys;
import dev.patchtrack.core.series.UnionFind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * The keys that relate messages for the series builder ({@link LinkKeys}), and the groups of messages
 * they close: what a new message can change, and the independent parts of the whole store.
 */
@ApplicationScoped
public class LinkKeyRepository {

    /** Rows per JDBC batch. */
    private static final int BATCH = 1000;

    @Inject
    EntityManager em;

    @Inject
    Jdbc jdbc;

    /** Whether this process has made sure the stored key version is not older than keys it writes. */
    private volatile boolean versionClaimed;

    /** Stores the keys of messages (message primary key to its hashed keys) in the caller's transaction. */
    public void insert(Map<Long, Set<Long>> keysByMessage) {
        if (keysByMessage.isEmpty()) {
            return;
        }
        if (!versionClaimed) {
            // A store without keys (a new database: the migration can only name the scheme of its day)
            // holds nothing of an older scheme: the keys written now make it current, so the first
            // derivation does not rewrite every key it was just given.
            if ((storedVersion() != LinkKeys.VERSION || storedFactsVersion() != PatchAnalyzer.RULES_VERSION)
                    && jdbc.list("SELECT message_pk FROM message_link FETCH FIRST 1 ROWS ONLY", List.of(),
                            rs -> rs.getLong("message_pk")).isEmpty()) {
                setStoredVersion(LinkKeys.VERSION);
                setStoredFactsVersion(PatchAnalyzer.RULES_VERSION);
            }
            versionClaimed = true;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO message_link (key_hash, message_pk) VALUES (?, ?)")) {
                int n = 0;
                for (Map.Entry<Long, Set<Long>> e : keysByMessage.entrySet()) {
                    for (Long k : e.getValue()) {
                        ps.setLong(1, k);
                        ps.setLong(2, e.getKey());
                        ps.addBatch();
                        if (++n % BATCH == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                if (n % BATCH != 0) {
                    ps.executeBatch();
                }
            }
        });
    }

    /**
     * Notes, in the caller's transaction, that these messages changed and their series are not derived
     * yet (see {@link #pending()}).
     */
    public void markPending(Collection<Long> pks) {
        Set<Long> fresh = new HashSet<>(pks);
        fresh.removeAll(jdbc.listIn("SELECT message_pk FROM derivation_pending WHERE message_pk IN ({in})",
                List.copyOf(fresh), rs -> rs.getLong("message_pk")));
        addPending(fresh);
    }

    /** {@link #markPending} for messages known not to be pending (stored in this transaction). */
    public void addPending(Collection<Long> pks) {
        if (pks.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO derivation_pending (message_pk) VALUES (?)")) {
                int n = 0;
                for (Long pk : pks) {
                    ps.setLong(1, pk);
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
     * The messages stored but not yet covered by a derivation: those of the import running now, and
     * those a process left behind when it died between storing and deriving.
     */
    public Set<Long> pending() {
        return new HashSet<>(jdbc.list("SELECT message_pk FROM derivation_pending", List.of(), rs -> rs.getLong("message_pk")));
    }

    /** Whether any message waits for a derivation. */
    public boolean anyPending() {
        return !jdbc.list("SELECT message_pk FROM derivation_pending FETCH FIRST 1 ROWS ONLY", List.of(),
                rs -> rs.getLong("message_pk")).isEmpty();
    }

    /** These messages' series are derived: they no longer wait. */
    public void clearPending(Collection<Long> pks) {
        Bulk.forChunks(List.copyOf(pks), chunk -> em.createNativeQuery(
                "DELETE FROM derivation_pending WHERE message_pk IN (:pks)").setParameter("pks", chunk).executeUpdate());
    }

    /** Forgets every key (before they are all written again). */
    public void deleteAll() {
        em.createNativeQuery("DELETE FROM message_link").executeUpdate();
    }

    /** The key scheme version the stored keys follow (0: keys missing). */
    public int storedVersion() {
        return jdbc.list("SELECT link_key_version FROM series_derivation WHERE id = 1", List.of(),
                rs -> rs.getInt("link_key_version")).get(0);
    }

    public void setStoredVersion(int version) {
        em.createNativeQuery("UPDATE series_derivation SET link_key_version = ?1 WHERE id = 1")
                .setParameter(1, version).executeUpdate();
    }

    /** The version of the analysis rules the stored facts follow ({@link PatchAnalyzer#RULES_VERSION}). */
    public int storedFactsVersion() {
        return jdbc.list("SELECT facts_version FROM series_derivation WHERE id = 1", List.of(),
                rs -> rs.getInt("facts_version")).get(0);
    }

    public void setStoredFactsVersion(int version) {
        em.createNativeQuery("UPDATE series_derivation SET facts_version = ?1 WHERE id = 1")
                .setParameter(1, version).executeUpdate();
    }

    /** Primary keys of the messages with these Message-IDs. */
    public Set<Long> pksOf(Collection<String> messageIds) {
        Set<Long> out = new HashSet<>();
        Bulk.forChunks(messageIds.stream().distinct().toList(), chunk -> out.addAll(em.createQuery(
                "select m.id from MessageEntity m where m.messageId in :ids", Long.class).setParameter("ids", chunk)
                .getResultList()));
        return out;
    }

    /**
     * Every message that shares a key with one of {@code seeds}, directly or through others, the seeds
     * included (a passive key is shared only with the messages that have it active, see {@link
     * LinkKeys#PASSIVE}): a breadth-first walk over the key index, a few queries per step.
     */
    public Set<Long> closure(Collection<Long> seeds) {
        Set<Long> pks = new HashSet<>(seeds);
        Set<Long> keys = new HashSet<>();
        List<Long> frontier = List.copyOf(pks);
        while (!frontier.isEmpty()) {
            List<Long> newKeys = new ArrayList<>();
            for (long k : jdbc.listIn("SELECT DISTINCT key_hash FROM message_link WHERE message_pk IN ({in})", frontier,
                    rs -> rs.getLong("key_hash"))) {
                // an active key reaches every message with the key; a passive one only the active ones; a
                // context key none (see readBy)
                long[] reach = LinkKeys.context(k) ? new long[0] : LinkKeys.passive(k) ? new long[] {LinkKeys.group(k)}
                        : new long[] {k, LinkKeys.read(k)};
                for (long q : reach) {
                    if (keys.add(q)) {
                        newKeys.add(q);
                    }
                }
            }
            List<Long> next = new ArrayList<>();
            for (long pk : jdbc.listIn("SELECT DISTINCT message_pk FROM message_link WHERE key_hash IN ({in})", newKeys,
                    rs -> rs.getLong("message_pk"))) {
                if (pks.add(pk)) {
                    next.add(pk);
                }
            }
            frontier = next;
        }
        return pks;
    }

    /**
     * The messages that these messages read as context ({@link LinkKeys#CONTEXT}): those outside them
     * holding the context key of a passive key one of them holds. What a group is built with.
     */
    public Set<Long> readersOf(Collection<Long> pks) {
        return holdersOfPaired(pks, LinkKeys::passive, LinkKeys::readers);
    }

    /**
     * The messages that read these ones as context: those holding the passive key of a context key one
     * of them holds. A new, changed or deleted pull request reaches them.
     */
    public Set<Long> readBy(Collection<Long> pks) {
        return holdersOfPaired(pks, LinkKeys::context, LinkKeys::read);
    }

    private Set<Long> holdersOfPaired(Collection<Long> pks, java.util.function.LongPredicate kind,
                                      java.util.function.LongUnaryOperator pair) {
        Set<Long> wanted = new HashSet<>();
        for (long k : jdbc.listIn("SELECT DISTINCT key_hash FROM message_link WHERE message_pk IN ({in})",
                List.copyOf(pks), rs -> rs.getLong("key_hash"))) {
            if (kind.test(k)) {
                wanted.add(pair.applyAsLong(k));
            }
        }
        Set<Long> out = new HashSet<>(jdbc.listIn("SELECT DISTINCT message_pk FROM message_link WHERE key_hash IN ({in})",
                List.copyOf(wanted), rs -> rs.getLong("message_pk")));
        out.removeAll(pks instanceof Set<?> ? pks : new HashSet<>(pks));
        return out;
    }

    /**
     * The whole store cut into groups of messages that share no key with any other group, each group
     * whole (the messages of one stored series, its patches, cover letters and the messages it is keyed
     * by, count as sharing a key, so that no stored series is split between lists), packed into lists of about {@code target} messages (a group larger than that is a list of
     * its own). One pass over the key index, ordered by key, with a union-find over message keys.
     */
    public List<List<Long>> components(int target) {
        Grouping grouping = new Grouping();
        em.unwrap(Session.class).doWork(c -> {
            for (String sql : new String[] {"SELECT key_hash, message_pk FROM message_link ORDER BY key_hash",
                    "SELECT r.series_id, p.message_pk FROM patch p JOIN revision r ON r.id = p.revision_id"
                            + " UNION ALL SELECT series_id, cover_message_pk FROM revision WHERE cover_message_pk IS NOT NULL"
                            + " UNION ALL " + KEYED_BY + " ORDER BY 1"}) {
                try (Statement st = c.createStatement()) {
                    st.setFetchSize(10_000);
                    try (ResultSet rs = st.executeQuery(sql)) {
                        boolean keys = sql.contains("message_link");
                        while (rs.next()) {
                            grouping.add(rs.getLong(1), keys, rs.getLong(2));
                        }
                        grouping.end();
                    }
                }
            }
        });
        List<List<Long>> out = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        for (List<Long> g : grouping.groups()) {
            if (!current.isEmpty() && current.size() + g.size() > target) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.addAll(g);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /**
     * The stored series each message is the key of (as its series' or one of its revisions' key),
     * whether or not it is still among their patches: what {@link SeriesLookups#seriesTouching}
     * finds by Message-ID, so a group holds the stored series it will reconcile.
     */
    private static final String KEYED_BY = "SELECT s.id AS series_id, m.id AS message_pk FROM series s"
            + " JOIN message m ON m.message_id = s.series_key"
            + " UNION ALL SELECT r.series_id, m.id FROM revision r JOIN message m ON m.message_id = r.revision_key";

    /**
     * {@link #components} among these messages only, which must be closed under keys and stored series
     * (what {@link #closure} grows to), dealt into at most {@code parts} lists of about the same size,
     * each group whole: lists that can be derived side by side.
     */
    public List<List<Long>> componentsAmong(Collection<Long> pks, int parts) {
        record Row(long key, boolean keys, long pk) {
        }
        List<Long> all = List.copyOf(new HashSet<>(pks));
        List<Row> rows = new ArrayList<>(jdbc.listIn("SELECT key_hash, message_pk FROM message_link WHERE message_pk IN ({in})",
                all, rs -> new Row(rs.getLong("key_hash"), true, rs.getLong("message_pk"))));
        rows.sort(java.util.Comparator.comparingLong(Row::key));
        List<Row> members = new ArrayList<>(jdbc.listIn("SELECT r.series_id, p.message_pk FROM patch p"
                + " JOIN revision r ON r.id = p.revision_id WHERE p.message_pk IN ({in})", all,
                rs -> new Row(rs.getLong("series_id"), false, rs.getLong("message_pk"))));
        members.addAll(jdbc.listIn("SELECT series_id, cover_message_pk FROM revision WHERE cover_message_pk IN ({in})", all,
                rs -> new Row(rs.getLong("series_id"), false, rs.getLong("cover_message_pk"))));
        members.addAll(jdbc.listIn("SELECT s.id, m.id AS message_pk FROM message m JOIN series s ON s.series_key = m.message_id"
                + " WHERE m.id IN ({in})", all, rs -> new Row(rs.getLong("id"), false, rs.getLong("message_pk"))));
        members.addAll(jdbc.listIn("SELECT r.series_id, m.id AS message_pk FROM message m"
                + " JOIN revision r ON r.revision_key = m.message_id WHERE m.id IN ({in})", all,
                rs -> new Row(rs.getLong("series_id"), false, rs.getLong("message_pk"))));
        members.sort(java.util.Comparator.comparingLong(Row::key));
        Grouping grouping = new Grouping();
        all.forEach(grouping::node); // a message with no key and no series is a group of its own
        for (List<Row> list : List.of(rows, members)) {
            list.forEach(r -> grouping.add(r.key(), r.keys(), r.pk()));
            grouping.end();
        }
        List<List<Long>> groups = new ArrayList<>(grouping.groups());
        groups.sort(java.util.Comparator.comparingInt((List<Long> g) -> g.size()).reversed());
        List<List<Long>> bins = new ArrayList<>();
        for (int i = 0; i < Math.max(1, parts); i++) {
            bins.add(new ArrayList<>());
        }
        for (List<Long> g : groups) {
            bins.stream().min(java.util.Comparator.comparingInt(List::size)).orElseThrow().addAll(g);
        }
        bins.removeIf(List::isEmpty);
        return bins;
    }

    /**
     * A union-find over messages, fed rows of (key, message) ordered by key: the messages of a key's
     * group are joined when one of them holds it active (a row of a stored series' members always is).
     */
    private static final class Grouping {
        private final Map<Long, Integer> index = new HashMap<>();
        private final List<Long> pkOf = new ArrayList<>();
        private int[] parent = new int[1024];
        private final List<Integer> members = new ArrayList<>();
        private long group;
        private boolean active;

        int node(long pk) {
            Integer node = index.get(pk);
            if (node == null) {
                node = pkOf.size();
                index.put(pk, node);
                pkOf.add(pk);
                if (node >= parent.length) {
                    parent = java.util.Arrays.copyOf(parent, parent.length * 2);
                }
                parent[node] = node;
            }
            return node;
        }

        void add(long key, boolean keys, long pk) {
            int node = node(pk);
            long g = keys ? LinkKeys.group(key) : key;
            if (members.isEmpty() || g != group) {
                end();
                group = g;
            }
            members.add(node);
            active |= !keys || LinkKeys.active(key);
        }

        void end() {
            unionAll(parent, members, active);
            members.clear();
            active = false;
        }

        Collection<List<Long>> groups() {
            Map<Integer, List<Long>> groups = new HashMap<>();
            for (int i = 0; i < pkOf.size(); i++) {
                groups.computeIfAbsent(UnionFind.find(parent, i), k -> new ArrayList<>()).add(pkOf.get(i));
            }
            return groups.values();
        }
    }

    private static void unionAll(int[] root, List<Integer> nodes, boolean active) {
        if (active) {
            for (int i = 1; i < nodes.size(); i++) {
                UnionFind.union(root, nodes.get(0), nodes.get(i));
            }
        }
    }

}
