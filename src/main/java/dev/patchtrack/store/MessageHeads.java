package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The few columns of messages and people that views name them by, read as projections: a series or
 * patch view refers to dozens of each. Loading them as entities read every column (a message's facts
 * and problems too) and put each row under Hibernate's bookkeeping; a JPQL {@code in :ids} is
 * translated anew for every list length. These are plain SQL, the same on H2 and PostgreSQL.
 */
@ApplicationScoped
public class MessageHeads {

    /** A message as a view refers to it. */
    public record Head(long id, String messageId, String subject, Instant sentAt) {
    }

    /** A message of a thread, as the walk down its replies reads it. */
    private record ThreadRow(long id, String messageId, Instant sentAt, boolean deleted) {
    }

    /** A key and the value a query gives it. */
    private record Pair<V>(long key, V value) {
    }

    @Inject
    Jdbc jdbc;

    public Map<Long, Head> byIds(Collection<Long> ids) {
        Map<Long, Head> out = new HashMap<>();
        jdbc.listIn("SELECT id, message_id, subject, sent_at FROM message WHERE id IN ({in})", distinct(ids),
                rs -> new Head(rs.getLong("id"), rs.getString("message_id"), rs.getString("subject"),
                        Jdbc.instant(rs, "sent_at"))).forEach(h -> out.put(h.id(), h));
        return out;
    }

    /** The subject of each series' latest posting: the cover letter of its latest revision, else its first patch. */
    public Map<Long, String> latestSubjects(Collection<Long> seriesIds) {
        return pairs("SELECT r.series_id AS k, m.subject AS v FROM revision r JOIN message m ON m.message_id = r.revision_key"
                + " WHERE r.series_id IN ({in}) AND r.position = (SELECT MAX(r2.position) FROM revision r2"
                + " WHERE r2.series_id = r.series_id)", seriesIds, rs -> rs.getString("v"));
    }

    /** The first list (by id) each message was posted to. */
    public Map<Long, Long> firstLists(Collection<Long> messagePks) {
        return pairs("SELECT message_pk AS k, MIN(list_id) AS v FROM message_list WHERE message_pk IN ({in})"
                + " GROUP BY message_pk", messagePks, rs -> Jdbc.nullableLong(rs, "v"));
    }

    /** The stable patch-id of each message's diff, where it has one (from the search index). */
    public Map<Long, String> patchIds(Collection<Long> messagePks) {
        return pairs("SELECT message_pk AS k, patch_id AS v FROM search_text WHERE message_pk IN ({in})"
                + " AND patch_id IS NOT NULL", messagePks, rs -> rs.getString("v"));
    }

    /** {@code k -> v} of a query that selects them for the ids, in chunks. */
    private <V> Map<Long, V> pairs(String sql, Collection<Long> ids, Jdbc.RowMapper<V> value) {
        Map<Long, V> out = new HashMap<>();
        jdbc.listIn(sql, distinct(ids), rs -> new Pair<>(rs.getLong("k"), value.map(rs)))
                .forEach(p -> out.put(p.key(), p.value()));
        return out;
    }

    /** The messages that reply to this one (In-Reply-To), oldest first. */
    public List<Long> repliesTo(String messageId) {
        return jdbc.list("SELECT id FROM message WHERE in_reply_to = ? ORDER BY sent_at, id", List.of(messageId),
                rs -> rs.getLong("id"));
    }

    /** The most messages {@link #thread} gathers, so one request cannot read an archive. */
    public static final int MAX_THREAD = 5_000;

    /**
     * The messages of the thread that holds this one, oldest first (by Date, then as stored), as lore's
     * {@code t.mbox.gz} gives them: up the In-Reply-To chain to the first message the store has, then every
     * reply below it. Deleted copies are left out; at most {@link #MAX_THREAD}.
     */
    public List<Long> thread(long messagePk) {
        long root = messagePk;
        Set<Long> up = new HashSet<>(List.of(root));
        while (up.size() < MAX_THREAD) {
            List<Long> parent = jdbc.list("SELECT p.id FROM message m JOIN message p ON p.message_id = m.in_reply_to"
                    + " WHERE m.id = ? FETCH FIRST 1 ROWS ONLY", List.of(root), rs -> rs.getLong("id"));
            if (parent.isEmpty() || !up.add(parent.get(0))) {
                break;
            }
            root = parent.get(0);
        }
        String columns = "SELECT id, message_id, sent_at, deleted FROM message WHERE ";
        Jdbc.RowMapper<ThreadRow> row = rs -> new ThreadRow(rs.getLong("id"), rs.getString("message_id"),
                Jdbc.instant(rs, "sent_at"), rs.getBoolean("deleted"));
        Map<Long, Instant> found = new LinkedHashMap<>();
        Set<Long> deleted = new HashSet<>();
        List<ThreadRow> level = jdbc.list(columns + "id = ?", List.of(root), row);
        while (!level.isEmpty() && found.size() < MAX_THREAD) {
            List<String> ids = new ArrayList<>();
            for (ThreadRow r : level) {
                if (!found.containsKey(r.id())) {
                    found.put(r.id(), r.sentAt());
                    ids.add(r.messageId());
                    if (r.deleted()) {
                        deleted.add(r.id());
                    }
                }
            }
            level = jdbc.listIn(columns + "in_reply_to IN ({in})", ids, row);
        }
        return found.entrySet().stream().filter(e -> !deleted.contains(e.getKey()))
                .sorted(Comparator.comparing((Map.Entry<Long, Instant> e) -> e.getValue(),
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).limit(MAX_THREAD).toList();
    }

    /** People by id, as detached {@link Person}s (name and address): for showing, never for writing. */
    public Map<Long, Person> people(Collection<Long> ids) {
        Map<Long, Person> out = new HashMap<>();
        jdbc.listIn("SELECT id, name, email FROM person WHERE id IN ({in})", distinct(ids), rs -> {
            Person p = new Person();
            p.id = rs.getLong("id");
            p.name = rs.getString("name");
            p.email = rs.getString("email");
            return p;
        }).forEach(p -> out.put(p.id, p));
        return out;
    }

    private static List<Long> distinct(Collection<Long> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().toList();
    }
}
