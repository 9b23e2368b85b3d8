package dev.patchtrack.store;

import dev.patchtrack.core.model.EventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the event log: per series for its feed, and filtered for those who follow changes. */
@ApplicationScoped
public class EventLog {

    /**
     * Which events to read, oldest first. Empty lists and nulls mean no filter.
     *
     * @param after  only events with a larger id (the cursor)
     * @param kinds  kinds of event
     * @param series series ids
     * @param lists  lists the event's series has mail on
     * @param topics topics of the event's series
     * @param since  recorded at or after
     * @param before recorded before
     * @param revisions revision ids
     * @param patches patch ids
     * @param newestFirst newest first instead of oldest first
     * @param offset how many of those that pass to skip
     */
    public record Query(long after, List<EventKind> kinds, List<Long> series, List<String> lists, List<String> topics,
                        Instant since, Instant before, List<Long> revisions, List<Long> patches, boolean newestFirst,
                        int offset, int limit) {

        /** Oldest first after a cursor, as those who follow changes read them. */
        public static Query following(long after, List<EventKind> kinds, List<Long> series, List<String> lists,
                                      List<String> topics, Instant since, Instant before, int limit) {
            return new Query(after, kinds, series, lists, topics, since, before, List.of(), List.of(), false, 0, limit);
        }
    }

    @Inject
    EntityManager em;

    /** The largest event id recorded, 0 for an empty log. */
    public long newestId() {
        Long max = em.createQuery("select max(e.id) from EventEntity e", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** The newest {@code limit} events of a series, newest first. */
    public List<EventEntity> ofSeries(long seriesId, int limit) {
        return em.createQuery("from EventEntity e where e.seriesId = :s order by e.id desc", EventEntity.class)
                .setParameter("s", seriesId).setMaxResults(limit).getResultList();
    }

    /** Events that pass every filter of {@code q}, in its order, at most {@code q.limit()}. */
    public List<EventEntity> find(Query q) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        TypedQuery<EventEntity> query = em.createQuery("from EventEntity e" + where + " order by e.id"
                + (q.newestFirst() ? " desc" : ""), EventEntity.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(q.offset()).setMaxResults(q.limit()).getResultList();
    }

    /** How many events pass every filter of {@code q}. */
    public long count(Query q) {
        Map<String, Object> params = new LinkedHashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(e) from EventEntity e" + where(q, params), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(Query q, Map<String, Object> params) {
        StringBuilder jpql = new StringBuilder(" where e.id > :after");
        params.put("after", q.after());
        where(jpql, params, " and e.kind in :kinds", "kinds", q.kinds());
        where(jpql, params, " and e.seriesId in :series", "series", q.series());
        where(jpql, params, " and e.seriesId in (select sl.seriesId from SeriesList sl, MailingList l"
                + " where l.id = sl.listId and l.name in :lists)", "lists", q.lists());
        where(jpql, params, " and e.seriesId in (select st.seriesId from SeriesTopic st where st.topic in :topics)",
                "topics", q.topics());
        where(jpql, params, " and e.createdAt >= :since", "since", q.since());
        where(jpql, params, " and e.createdAt < :before", "before", q.before());
        where(jpql, params, " and e.revisionId in :revisions", "revisions", q.revisions());
        where(jpql, params, " and e.patchId in :patches", "patches", q.patches());
        return jpql.toString();
    }

    private static void where(StringBuilder jpql, Map<String, Object> params, String clause, String name, Object value) {
        if (value == null || value instanceof List<?> l && l.isEmpty()) {
            return;
        }
        jpql.append(clause);
        params.put(name, value);
    }
}
