package dev.patchtrack.store;

import dev.patchtrack.core.stats.Weeks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The counts {@code /api/stats} answers when no window is asked, kept in small tables that each
 * derivation makes again ({@link #refresh}) instead of counting every series and revision on a
 * request. They hold for the data version they were made at: {@link #current} gives them only while
 * nothing has changed since (an override, a posted check or an import not yet derived moves the
 * version), and the caller counts from the tables otherwise.
 */
@ApplicationScoped
public class StatsSummary {

    /** The topic the rows of every series (or revision) once carry, whatever its topics. */
    public static final String ALL = "";

    /** How many series of a topic are in a state. */
    public record StateCount(String topic, String state, long count) {
    }

    /** The kept counts of one topic ({@link #ALL}: all). */
    public record Counts(List<StateCount> states, List<Weeks.Count> weeks) {
    }

    /** The summary's data version and the current one. */
    private record Versions(long kept, long current) {
    }

    private static final Logger LOG = Logger.getLogger(StatsSummary.class);

    @Inject
    Jdbc jdbc;

    @Inject
    StatsRepository stats;

    /**
     * The counts of one topic ({@link #ALL}: of every series and revision once, with the states per
     * topic of every topic), when they were made at the current data version; empty otherwise.
     */
    public Optional<Counts> current(String topic) {
        Versions v = jdbc.list("SELECT s.data_version AS kept, d.version AS current FROM stats_summary s, data_version d"
                + " WHERE s.id = 1 AND d.id = 1", List.of(), rs -> new Versions(rs.getLong("kept"), rs.getLong("current")))
                .stream().findFirst().orElse(null);
        if (v == null || v.kept() != v.current()) {
            return Optional.empty();
        }
        List<StateCount> states = jdbc.list("SELECT topic, state, series_count FROM stats_state"
                + (topic.equals(ALL) ? "" : " WHERE topic = ?") + " ORDER BY topic, state",
                topic.equals(ALL) ? List.of() : List.of(topic),
                rs -> new StateCount(rs.getString("topic"), rs.getString("state"), rs.getLong("series_count")));
        List<Weeks.Count> weeks = jdbc.list("SELECT monday, posted, accepted FROM stats_week WHERE topic = ? ORDER BY monday",
                List.of(topic), rs -> new Weeks.Count(rs.getObject("monday", LocalDate.class), rs.getLong("posted"),
                        rs.getLong("accepted")));
        return Optional.of(new Counts(states, weeks));
    }

    /**
     * At start-up, when the counts were made at another version (a first start after the upgrade that
     * added them, a restored backup, writes since the last derivation), they are made once, so that the
     * first {@code /api/stats} need not count. A failure leaves them to the next derivation.
     */
    void onStart(@Observes StartupEvent e) {
        try {
            QuarkusTransaction.requiringNew().run(this::refresh);
        } catch (RuntimeException ex) {
            LOG.warnf("the counts of /api/stats could not be made at start-up: %s", ex.getMessage());
        }
    }

    /**
     * Counts again from the tables and keeps the counts with the data version read first (a write that
     * commits meanwhile moves the version past them, so they are never taken for newer than they are).
     * Concurrent refreshes take turns on the summary's row. In the caller's transaction.
     */
    public void refresh() {
        jdbc.batch("UPDATE stats_summary SET computed_at = ? WHERE id = 1",
                List.<Object[]>of(new Object[] {Jdbc.utc(Instant.now())}), null);
        long version = jdbc.list("SELECT version FROM data_version WHERE id = 1", List.of(), rs -> rs.getLong("version"))
                .get(0);
        long kept = jdbc.list("SELECT data_version FROM stats_summary WHERE id = 1", List.of(),
                rs -> rs.getLong("data_version")).get(0);
        if (kept == version) {
            return;
        }
        List<Object[]> states = new ArrayList<>();
        stats.seriesByState(null, null, List.of()).forEach((state, n) -> states.add(new Object[] {ALL, state, n}));
        stats.seriesByTopicAndState(null, null, List.of()).forEach((topic, byState) ->
                byState.forEach((state, n) -> states.add(new Object[] {topic, state, n})));
        Map<String, List<Instant>> posted = new HashMap<>();
        Map<String, List<Instant>> accepted = new HashMap<>();
        posted.put(ALL, stats.revisionsPosted(null, null, List.of()));
        accepted.put(ALL, stats.revisionsAccepted(null, null, List.of()));
        stats.revisionsPostedPerTopic().forEach(t -> posted.computeIfAbsent(t.topic(), k -> new ArrayList<>()).add(t.at()));
        stats.revisionsAcceptedPerTopic().forEach(t -> accepted.computeIfAbsent(t.topic(), k -> new ArrayList<>()).add(t.at()));
        List<Object[]> weeks = new ArrayList<>();
        Set<String> topics = new TreeSet<>(posted.keySet());
        topics.addAll(accepted.keySet());
        for (String topic : topics) {
            for (Weeks.Count c : Weeks.count(posted.getOrDefault(topic, List.of()), accepted.getOrDefault(topic, List.of()))) {
                weeks.add(new Object[] {topic, c.monday(), c.posted(), c.accepted()});
            }
        }
        jdbc.batch("DELETE FROM stats_state", List.<Object[]>of(new Object[0]), null);
        jdbc.batch("DELETE FROM stats_week", List.<Object[]>of(new Object[0]), null);
        jdbc.batch("INSERT INTO stats_state (topic, state, series_count) VALUES (?, ?, ?)", states,
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.BIGINT});
        jdbc.batch("INSERT INTO stats_week (topic, monday, posted, accepted) VALUES (?, ?, ?, ?)", weeks,
                new int[] {Types.VARCHAR, Types.DATE, Types.BIGINT, Types.BIGINT});
        jdbc.batch("UPDATE stats_summary SET data_version = ? WHERE id = 1", List.<Object[]>of(new Object[] {version}), null);
    }
}
