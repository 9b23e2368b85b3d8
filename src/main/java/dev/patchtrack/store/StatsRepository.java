package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts for dashboards: series per topic and state, revisions posted and accepted over time. */
@ApplicationScoped
public class StatsRepository {

    @Inject
    EntityManager em;

    /** For each topic, how many series are in each state; series whose last posting is in [since, before). */
    public Map<String, Map<String, Long>> seriesByTopicAndState(Instant since, Instant before, List<String> topics) {
        StringBuilder sql = new StringBuilder("SELECT st.topic, s.state, COUNT(*) FROM series_topic st"
                + " JOIN series s ON s.id = st.series_id WHERE 1 = 1");
        range(sql, "s.last_posted_at", since, before);
        if (!topics.isEmpty()) {
            sql.append(" AND st.topic IN (:topics)");
        }
        sql.append(" GROUP BY st.topic, s.state");
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Object[] row : rows(sql.toString(), since, before, topics)) {
            out.computeIfAbsent((String) row[0], k -> new TreeMap<>()).put((String) row[1], ((Number) row[2]).longValue());
        }
        return out;
    }

    /** How many series are in each state (each series once, whatever its topics). */
    public Map<String, Long> seriesByState(Instant since, Instant before, List<String> topics) {
        StringBuilder sql = new StringBuilder("SELECT s.state, COUNT(*) FROM series s WHERE 1 = 1");
        range(sql, "s.last_posted_at", since, before);
        if (!topics.isEmpty()) {
            sql.append(" AND s.id IN (SELECT st.series_id FROM series_topic st WHERE st.topic IN (:topics))");
        }
        sql.append(" GROUP BY s.state");
        Map<String, Long> out = new TreeMap<>();
        for (Object[] row : rows(sql.toString(), since, before, topics)) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    /** When each revision in [since, before) was posted. */
    public List<Instant> revisionsPosted(Instant since, Instant before, List<String> topics) {
        StringBuilder sql = new StringBuilder("SELECT r.posted_at, r.id FROM revision r WHERE r.posted_at IS NOT NULL");
        range(sql, "r.posted_at", since, before);
        revisionTopics(sql, topics);
        return instants(rows(sql.toString(), since, before, topics));
    }

    /**
     * When each accepted revision became accepted: the date of the message that accepted it (the
     * maintainer's "applied" reply), else when patchtrack recorded the change (its latest event).
     */
    public List<Instant> revisionsAccepted(Instant since, Instant before, List<String> topics) {
        String at = "COALESCE(m.sent_at, (SELECT MAX(e.created_at) FROM event e WHERE e.revision_id = r.id))";
        StringBuilder sql = new StringBuilder("SELECT " + at + ", r.id FROM revision r"
                + " LEFT JOIN message m ON m.id = r.state_message_pk WHERE r.state = 'accepted'");
        range(sql, at, since, before);
        revisionTopics(sql, topics);
        return instants(rows(sql.toString(), since, before, topics));
    }

    private static void range(StringBuilder sql, String column, Instant since, Instant before) {
        if (since != null) {
            sql.append(" AND ").append(column).append(" >= :since");
        }
        if (before != null) {
            sql.append(" AND ").append(column).append(" < :before");
        }
    }

    private static void revisionTopics(StringBuilder sql, List<String> topics) {
        if (!topics.isEmpty()) {
            sql.append(" AND r.id IN (SELECT rt.revision_id FROM revision_topic rt WHERE rt.topic IN (:topics))");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Instant since, Instant before, List<String> topics) {
        Query q = em.createNativeQuery(sql);
        if (since != null) {
            q.setParameter("since", since);
        }
        if (before != null) {
            q.setParameter("before", before);
        }
        if (!topics.isEmpty()) {
            q.setParameter("topics", topics);
        }
        return q.getResultList();
    }

    private static List<Instant> instants(List<Object[]> rows) {
        List<Instant> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object v = row[0];
            if (v instanceof Instant i) {
                out.add(i);
            } else if (v instanceof OffsetDateTime o) {
                out.add(o.toInstant());
            } else if (v instanceof java.sql.Timestamp t) {
                out.add(t.toInstant());
            } else if (v != null) {
                throw new IllegalStateException("unexpected timestamp type " + v.getClass());
            }
        }
        return out;
    }
}
