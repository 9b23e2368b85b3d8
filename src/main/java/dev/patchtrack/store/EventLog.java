package dev.patchtrack.store;

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

    /** Every kind of event the log records. */
    public static final List<String> KINDS = List.of("series-created", "revision-posted", "trailer-added",
            "state-changed", "override-set", "override-cleared", "article-published", "check-created");

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
     */
    public record Query(long after, List<String> kinds, List<Long> series, List<String> lists, List<String> topics,
                        Instant since, Instant before, int limit) {
    }

    @Inject
    EntityManager em;

    /** The newest {@code limit} events of a series, newest first. */
    public List<EventEntity> ofSeries(long seriesId, int limit) {
        return em.createQuery("from EventEntity e where e.seriesId = :s order by e.id desc", EventEntity.class)
                .setParameter("s", seriesId).setMaxResults(limit).getResultList();
    }

    /** Events that pass every filter of {@code q}, oldest first, at most {@code q.limit()}. */
    public List<EventEntity> find(Query q) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        TypedQuery<EventEntity> query = em.createQuery("from EventEntity e" + where + " order by e.id", EventEntity.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(q.limit()).getResultList();
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
