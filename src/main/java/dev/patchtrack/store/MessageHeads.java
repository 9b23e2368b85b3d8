package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import org.hibernate.query.NativeQuery;

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

    @Inject
    EntityManager em;

    public Map<Long, Head> byIds(Collection<Long> ids) {
        Map<Long, Head> out = new HashMap<>();
        Bulk.forChunks(distinct(ids), chunk -> {
            for (Object[] r : rows("SELECT id, message_id, subject, sent_at FROM message WHERE id IN (:ids)", chunk)
                    .addScalar("id", Long.class).addScalar("message_id", String.class)
                    .addScalar("subject", String.class).addScalar("sent_at", Instant.class).getResultList()) {
                out.put((Long) r[0], new Head((Long) r[0], (String) r[1], (String) r[2], (Instant) r[3]));
            }
        });
        return out;
    }

    /** The subject of each series' latest posting: the cover letter of its latest revision, else its first patch. */
    public Map<Long, String> latestSubjects(Collection<Long> seriesIds) {
        return pairs("SELECT r.series_id AS k, m.subject AS v FROM revision r JOIN message m ON m.message_id = r.revision_key"
                + " WHERE r.series_id IN (:ids) AND r.position = (SELECT MAX(r2.position) FROM revision r2"
                + " WHERE r2.series_id = r.series_id)", seriesIds, String.class);
    }

    /** The first list (by id) each message was posted to. */
    public Map<Long, Long> firstLists(Collection<Long> messagePks) {
        return pairs("SELECT message_pk AS k, MIN(list_id) AS v FROM message_list WHERE message_pk IN (:ids)"
                + " GROUP BY message_pk", messagePks, Long.class);
    }

    /** The stable patch-id of each message's diff, where it has one (from the search index). */
    public Map<Long, String> patchIds(Collection<Long> messagePks) {
        return pairs("SELECT message_pk AS k, patch_id AS v FROM search_text WHERE message_pk IN (:ids)"
                + " AND patch_id IS NOT NULL", messagePks, String.class);
    }

    /** {@code k -> v} of a query that selects them for the ids, in chunks. */
    private <V> Map<Long, V> pairs(String sql, Collection<Long> ids, Class<V> type) {
        Map<Long, V> out = new HashMap<>();
        Bulk.forChunks(distinct(ids), chunk -> {
            for (Object[] r : rows(sql, chunk).addScalar("k", Long.class).addScalar("v", type).getResultList()) {
                out.put((Long) r[0], type.cast(r[1]));
            }
        });
        return out;
    }

    /** The messages that reply to this one (In-Reply-To), oldest first. */
    public List<Long> repliesTo(String messageId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT id FROM message WHERE in_reply_to = ?1 ORDER BY sent_at, id")
                .setParameter(1, messageId).getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
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
            @SuppressWarnings("unchecked")
            List<Object> parent = em.createNativeQuery("SELECT p.id FROM message m JOIN message p"
                    + " ON p.message_id = m.in_reply_to WHERE m.id = ?1").setParameter(1, root).setMaxResults(1)
                    .getResultList();
            if (parent.isEmpty() || !up.add(((Number) parent.get(0)).longValue())) {
                break;
            }
            root = ((Number) parent.get(0)).longValue();
        }
        String columns = "SELECT id, message_id, sent_at, deleted FROM message WHERE ";
        Map<Long, Instant> found = new LinkedHashMap<>();
        Set<Long> deleted = new HashSet<>();
        List<Object[]> level = thread(columns + "id = ?1", root);
        while (!level.isEmpty() && found.size() < MAX_THREAD) {
            List<String> ids = new ArrayList<>();
            for (Object[] r : level) {
                long id = (Long) r[0];
                if (!found.containsKey(id)) {
                    found.put(id, (Instant) r[2]);
                    ids.add((String) r[1]);
                    if (Boolean.TRUE.equals(r[3])) {
                        deleted.add(id);
                    }
                }
            }
            List<Object[]> next = new ArrayList<>();
            Bulk.forChunks(ids, chunk -> next.addAll(thread(columns + "in_reply_to IN (?1)", chunk)));
            level = next;
        }
        return found.entrySet().stream().filter(e -> !deleted.contains(e.getKey()))
                .sorted(Comparator.comparing((Map.Entry<Long, Instant> e) -> e.getValue(),
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).limit(MAX_THREAD).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> thread(String sql, Object parameter) {
        return ((NativeQuery<Object[]>) em.createNativeQuery(sql).unwrap(NativeQuery.class)).setParameter(1, parameter)
                .addScalar("id", Long.class).addScalar("message_id", String.class).addScalar("sent_at", Instant.class)
                .addScalar("deleted", Boolean.class).getResultList();
    }

    /** People by id, as detached {@link Person}s (name and address): for showing, never for writing. */
    public Map<Long, Person> people(Collection<Long> ids) {
        Map<Long, Person> out = new HashMap<>();
        Bulk.forChunks(distinct(ids), chunk -> {
            for (Object[] r : rows("SELECT id, name, email FROM person WHERE id IN (:ids)", chunk)
                    .addScalar("id", Long.class).addScalar("name", String.class).addScalar("email", String.class)
                    .getResultList()) {
                Person p = new Person();
                p.id = (Long) r[0];
                p.name = (String) r[1];
                p.email = (String) r[2];
                out.put(p.id, p);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object[]> rows(String sql, List<Long> ids) {
        return (NativeQuery<Object[]>) em.createNativeQuery(sql).unwrap(NativeQuery.class).setParameterList("ids", ids);
    }

    private static List<Long> distinct(Collection<Long> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().toList();
    }
}
