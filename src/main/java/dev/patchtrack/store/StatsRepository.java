package dev.patchtrack.store;

import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.core.stats.Latency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts for dashboards: series per topic and state, revisions posted and accepted over time. */
@ApplicationScoped
public class StatsRepository {

    @Inject
    Jdbc jdbc;

    /** For each topic, how many series are in each state; series whose last posting is in [since, before). */
    public Map<String, Map<String, Long>> seriesByTopicAndState(Instant since, Instant before, List<String> topics) {
        Select sql = new Select("SELECT st.topic, s.state, COUNT(*) AS n FROM series_topic st"
                + " JOIN series s ON s.id = st.series_id WHERE 1 = 1")
                .range("s.last_posted_at", since, before).topics(" AND st.topic IN ({in})", topics)
                .append(" GROUP BY st.topic, s.state");
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (StateCount c : sql.list(jdbc, rs -> new StateCount(rs.getString("topic"), rs.getString("state"),
                rs.getLong("n")))) {
            out.computeIfAbsent(c.topic(), k -> new TreeMap<>()).put(c.state(), c.count());
        }
        return out;
    }

    /** How many series of a topic (null for all topics at once) are in a state. */
    private record StateCount(String topic, String state, long count) {
    }

    /** How many series are in each state (each series once, whatever its topics). */
    public Map<String, Long> seriesByState(Instant since, Instant before, List<String> topics) {
        Select sql = new Select("SELECT s.state, COUNT(*) AS n FROM series s WHERE 1 = 1")
                .range("s.last_posted_at", since, before)
                .topics(" AND s.id IN (SELECT st.series_id FROM series_topic st WHERE st.topic IN ({in}))", topics)
                .append(" GROUP BY s.state");
        Map<String, Long> out = new TreeMap<>();
        for (StateCount c : sql.list(jdbc, rs -> new StateCount(null, rs.getString("state"), rs.getLong("n")))) {
            out.put(c.state(), c.count());
        }
        return out;
    }

    /** When each revision in [since, before) was posted. */
    public List<Instant> revisionsPosted(Instant since, Instant before, List<String> topics) {
        Select sql = new Select("SELECT r.posted_at AS at, r.id FROM revision r WHERE r.posted_at IS NOT NULL")
                .range("r.posted_at", since, before).topics(REVISION_TOPICS, topics);
        return instants(sql);
    }

    /**
     * When each accepted revision became accepted: the date of the message that accepted it (the
     * maintainer's "applied" reply), else when patchtrack recorded the change (its latest event).
     */
    public List<Instant> revisionsAccepted(Instant since, Instant before, List<String> topics) {
        Select sql = new Select("SELECT " + ACCEPTED_AT + " AS at, r.id FROM revision r"
                + " LEFT JOIN message m ON m.id = r.state_message_pk WHERE r.state = ?", ACCEPTED)
                .range(ACCEPTED_AT, since, before).topics(REVISION_TOPICS, topics);
        return instants(sql);
    }

    /** A topic of a revision, and when something happened to the revision. */
    public record TopicInstant(String topic, Instant at) {
    }

    /** {@link #revisionsPosted} for every topic at once: each revision once per topic it carries. */
    public List<TopicInstant> revisionsPostedPerTopic() {
        return topicInstants(new Select("SELECT rt.topic, r.posted_at AS at FROM revision r"
                + " JOIN revision_topic rt ON rt.revision_id = r.id WHERE r.posted_at IS NOT NULL"));
    }

    /** {@link #revisionsAccepted} for every topic at once: each revision once per topic it carries. */
    public List<TopicInstant> revisionsAcceptedPerTopic() {
        return topicInstants(new Select("SELECT rt.topic, " + ACCEPTED_AT + " AS at FROM revision r"
                + " JOIN revision_topic rt ON rt.revision_id = r.id"
                + " LEFT JOIN message m ON m.id = r.state_message_pk WHERE r.state = ?", ACCEPTED));
    }

    private List<TopicInstant> topicInstants(Select sql) {
        return sql.list(jdbc, rs -> new TopicInstant(rs.getString("topic"), Jdbc.instant(rs, "at"))).stream()
                .filter(t -> t.at() != null).toList();
    }

    /** The state column's spelling of accepted, bound where a statement asks for accepted revisions. */
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
        Select sql = new Select("SELECT st.topic, s.id, s.first_posted_at AS started, " + ACCEPTED_AT + " AS ended"
                + " FROM series s JOIN series_topic st ON st.series_id = s.id"
                + " JOIN revision r ON r.series_id = s.id AND r.state = ?"
                + " LEFT JOIN message m ON m.id = r.state_message_pk WHERE s.first_posted_at IS NOT NULL", ACCEPTED)
                .topics(" AND st.topic IN ({in})", topics);
        return timings(sql);
    }

    /**
     * For each topic of each revision: when it was posted and when each review trailer (Reviewed-by,
     * Acked-by, Tested-by) came in a reply from someone other than its author; trailers a patch carries
     * itself (kept from an earlier revision) are not a review of this one.
     */
    public List<Latency.Row> postedToReviewed(List<String> topics) {
        Select sql = new Select("SELECT rt.topic, r.id, r.posted_at AS started, m.sent_at AS ended FROM revision r"
                + " JOIN revision_topic rt ON rt.revision_id = r.id"
                + " JOIN patch p ON p.revision_id = r.id"
                + " JOIN trailer t ON t.patch_id = p.id AND t.name IN " + REVIEW_TRAILERS
                + " JOIN message m ON m.id = t.source_message_pk AND m.id <> p.message_pk"
                + " WHERE r.posted_at IS NOT NULL"
                + " AND (t.person_id IS NULL OR r.author_id IS NULL OR t.person_id <> r.author_id)")
                .topics(" AND rt.topic IN ({in})", topics);
        return timings(sql);
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
        Select sql = new Select("SELECT pe.id, pe.name, pe.email,"
                + " SUM(CASE WHEN t.name = 'Reviewed-by' THEN 1 ELSE 0 END) AS reviewed,"
                + " SUM(CASE WHEN t.name = 'Acked-by' THEN 1 ELSE 0 END) AS acked,"
                + " SUM(CASE WHEN t.name = 'Tested-by' THEN 1 ELSE 0 END) AS tested,"
                + " COUNT(DISTINCT p.revision_id) AS revisions FROM trailer t JOIN person pe ON pe.id = t.person_id"
                + " JOIN patch p ON p.id = t.patch_id"
                + " JOIN message m ON m.id = t.source_message_pk AND m.id <> p.message_pk"
                + " WHERE t.name IN " + REVIEW_TRAILERS)
                .range("m.sent_at", since, before)
                .topics(" AND p.revision_id IN (SELECT rt.revision_id FROM revision_topic rt WHERE rt.topic IN ({in}))",
                        topics)
                .append(" GROUP BY pe.id, pe.name, pe.email ORDER BY COUNT(*) DESC, pe.email");
        return sql.list(jdbc, rs -> new ReviewerCount(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                rs.getLong("reviewed"), rs.getLong("acked"), rs.getLong("tested"), rs.getLong("revisions")));
    }

    /** Each row's topic, subject id, and the start and end of the span it times ({@code started}, {@code ended}). */
    private List<Latency.Row> timings(Select sql) {
        return sql.list(jdbc, rs -> new Latency.Row(rs.getString("topic"), rs.getLong("id"), Jdbc.instant(rs, "started"),
                Jdbc.instant(rs, "ended")));
    }

    /** The {@code at} of each row that has one. */
    private List<Instant> instants(Select sql) {
        List<Instant> out = new ArrayList<>();
        for (Instant t : sql.list(jdbc, rs -> Jdbc.instant(rs, "at"))) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Revisions carrying one of the topics, as a condition. */
    private static final String REVISION_TOPICS =
            " AND r.id IN (SELECT rt.revision_id FROM revision_topic rt WHERE rt.topic IN ({in}))";

    /** A statement being written and its parameters, in the order of its marks. */
    private static final class Select {
        private final StringBuilder sql;
        private final List<Object> params = new ArrayList<>();

        Select(String start, Object... params) {
            sql = new StringBuilder(start);
            this.params.addAll(List.of(params));
        }

        Select append(String text) {
            sql.append(text);
            return this;
        }

        /** {@code column} in [since, before); an absent bound is open. */
        Select range(String column, Instant since, Instant before) {
            if (since != null) {
                sql.append(" AND ").append(column).append(" >= ?");
                params.add(Jdbc.utc(since));
            }
            if (before != null) {
                sql.append(" AND ").append(column).append(" < ?");
                params.add(Jdbc.utc(before));
            }
            return this;
        }

        /** {@code condition}, its {@code {in}} marked for the topics, unless there are none. */
        Select topics(String condition, List<String> topics) {
            if (!topics.isEmpty()) {
                sql.append(condition.replace(Jdbc.IN, Jdbc.marks(topics.size())));
                params.addAll(topics);
            }
            return this;
        }

        <T> List<T> list(Jdbc jdbc, Jdbc.RowMapper<T> mapper) {
            return jdbc.scan(sql.toString(), params, mapper);
        }
    }
}
