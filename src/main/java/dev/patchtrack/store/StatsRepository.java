package dev.patchtrack.store;

import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.core.stats.Latency;
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
        String at = ACCEPTED_AT;
        StringBuilder sql = new StringBuilder("SELECT " + at + ", r.id FROM revision r"
                + " LEFT JOIN message m ON m.id = r.state_message_pk WHERE r.state = :accepted");
        range(sql, at, since, before);
        revisionTopics(sql, topics);
        return instants(rows(sql.toString(), since, before, topics));
    }

    /** The {@code :accepted} of a statement: the state column's spelling of accepted. */
    private static final String ACCEPTED = ReviewState.ACCEPTED.wireName();

    /** The review trailers the latency and reviewer numbers count. */
    private static final String REVIEW_TRAILERS = Trailer.REVIEW_NAMES.stream().map(n -> "'" + n + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    /** When an accepted revision became accepted (see {@link #revisionsAccepted}). */
    private static final String ACCEPTED_AT =
            "COALESCE(m.sent_at, (SELECT MAX(e.created_at) FROM event e WHERE e.revision_id = r.id))";

    /**
     * For each topic of each series that has an accepted revision: the series' first posting and the
     * acceptance of each accepted revision (the caller takes the earliest and windows it).
     */
    public List<Latency.Row> firstPostedToAccepted(List<String> topics) {
        StringBuilder sql = new StringBuilder("SELECT st.topic, s.id, s.first_posted_at, " + ACCEPTED_AT
                + " FROM series s JOIN series_topic st ON st.series_id = s.id"
                + " JOIN revision r ON r.series_id = s.id AND r.state = :accepted"
                + " LEFT JOIN message m ON m.id = r.state_message_pk WHERE s.first_posted_at IS NOT NULL");
        if (!topics.isEmpty()) {
            sql.append(" AND st.topic IN (:topics)");
        }
        return timings(rows(sql.toString(), null, null, topics));
    }

    /**
     * For each topic of each revision: when it was posted and when each review trailer (Reviewed-by,
     * Acked-by, Tested-by) came in a reply from someone other than its author; trailers a patch carries
     * itself (kept from an earlier revision) are not a review of this one.
     */
    public List<Latency.Row> postedToReviewed(List<String> topics) {
        StringBuilder sql = new StringBuilder("SELECT rt.topic, r.id, r.posted_at, m.sent_at FROM revision r"
                + " JOIN revision_topic rt ON rt.revision_id = r.id"
                + " JOIN patch p ON p.revision_id = r.id"
                + " JOIN trailer t ON t.patch_id = p.id AND t.name IN " + REVIEW_TRAILERS
                + " JOIN message m ON m.id = t.source_message_pk AND m.id <> p.message_pk"
                + " WHERE r.posted_at IS NOT NULL"
                + " AND (t.person_id IS NULL OR r.author_id IS NULL OR t.person_id <> r.author_id)");
        if (!topics.isEmpty()) {
            sql.append(" AND rt.topic IN (:topics)");
        }
        return timings(rows(sql.toString(), null, null, topics));
    }

    /** A reviewer's review trailers: how many of each kind, on how many revisions. */
    public record ReviewerCount(long personId, String name, String email, long reviewed, long acked, long tested,
                                long revisions) {
    }

    /**
     * Who gave review trailers in replies (not those a patch carries itself) whose mail is dated in
     * [since, before), per person, most trailers first.
     */
    public List<ReviewerCount> reviewerActivity(Instant since, Instant before, List<String> topics) {
        StringBuilder sql = new StringBuilder("SELECT pe.id, pe.name, pe.email,"
                + " SUM(CASE WHEN t.name = 'Reviewed-by' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN t.name = 'Acked-by' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN t.name = 'Tested-by' THEN 1 ELSE 0 END),"
                + " COUNT(DISTINCT p.revision_id) FROM trailer t JOIN person pe ON pe.id = t.person_id"
                + " JOIN patch p ON p.id = t.patch_id"
                + " JOIN message m ON m.id = t.source_message_pk AND m.id <> p.message_pk"
                + " WHERE t.name IN " + REVIEW_TRAILERS);
        range(sql, "m.sent_at", since, before);
        if (!topics.isEmpty()) {
            sql.append(" AND p.revision_id IN (SELECT rt.revision_id FROM revision_topic rt WHERE rt.topic IN (:topics))");
        }
        sql.append(" GROUP BY pe.id, pe.name, pe.email ORDER BY COUNT(*) DESC, pe.email");
        List<ReviewerCount> out = new ArrayList<>();
        for (Object[] row : rows(sql.toString(), since, before, topics)) {
            out.add(new ReviewerCount(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), ((Number) row[5]).longValue(),
                    ((Number) row[6]).longValue()));
        }
        return out;
    }

    private static List<Latency.Row> timings(List<Object[]> rows) {
        List<Latency.Row> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new Latency.Row((String) row[0], ((Number) row[1]).longValue(), instant(row[2]), instant(row[3])));
        }
        return out;
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
        if (sql.contains(":accepted")) {
            q.setParameter("accepted", ACCEPTED);
        }
        return q.getResultList();
    }

    private static List<Instant> instants(List<Object[]> rows) {
        List<Instant> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Instant t = instant(row[0]);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static Instant instant(Object v) {
        if (v == null || v instanceof Instant) {
            return (Instant) v;
        } else if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        } else if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + v.getClass());
    }
}
