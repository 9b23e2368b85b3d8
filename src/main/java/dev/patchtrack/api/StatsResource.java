package dev.patchtrack.api;

import dev.patchtrack.api.dto.LatencyInfo;
import dev.patchtrack.api.dto.PersonInfo;
import dev.patchtrack.api.dto.QuartilesInfo;
import dev.patchtrack.api.dto.ReviewerActivityInfo;
import dev.patchtrack.api.dto.StatsInfo;
import dev.patchtrack.api.dto.TopicLatencyInfo;
import dev.patchtrack.api.dto.TopicWeeksInfo;
import dev.patchtrack.api.dto.TopicCountInfo;
import dev.patchtrack.api.dto.WeekInfo;
import dev.patchtrack.core.stats.Latency;
import dev.patchtrack.core.stats.Quartiles;
import dev.patchtrack.core.stats.Weeks;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.StatsRepository;
import dev.patchtrack.store.StatsSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Numbers for dashboards. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    Reads reads;

    @Inject
    KnownValues known;

    @Inject
    StatsRepository stats;

    @Inject
    StatsSummary summary;

    @GET
    @Operation(summary = "Series per topic and state; revisions posted and accepted per ISO week",
            description = "since/before bound the series by their last posting and the weeks by the posting or"
                    + " acceptance. A revision counts as accepted in the week of the message that accepted it (the"
                    + " maintainer's \"applied\" reply), else of the change's event. Weeks run Monday to Sunday, UTC;"
                    + " every week between the first and the last with a count is listed.")
    @APIResponse(responseCode = "200", description = "the counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "stats", value = ApiExamples.STATS)))
    public StatsInfo get(@BeanParam StatsParams params) {
        return reads.call(() -> {
            StatsParams.Window w = params.window(known);
            Instant from = w.since();
            Instant to = w.before();
            List<String> topics = w.topics();
            if (from == null && to == null && topics.size() <= 1) {
                String topic = topics.isEmpty() ? StatsSummary.ALL : topics.get(0);
                Optional<StatsSummary.Counts> kept = summary.current(topic);
                if (kept.isPresent()) {
                    return info(topic, kept.get());
                }
            }
            Map<String, Long> byState = stats.seriesByState(from, to, topics);
            return info(byState, stats.seriesByTopicAndState(from, to, topics),
                    Weeks.count(stats.revisionsPosted(from, to, topics), stats.revisionsAccepted(from, to, topics)));
        });
    }

    /** The answer from the counts derivation kept for one topic ({@link StatsSummary#ALL}: all). */
    private static StatsInfo info(String topic, StatsSummary.Counts kept) {
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Map<String, Long>> byTopic = new TreeMap<>();
        for (StatsSummary.StateCount c : kept.states()) {
            if (c.topic().equals(topic)) {
                byState.put(c.state(), c.count());
            }
            if (!c.topic().equals(StatsSummary.ALL)) {
                byTopic.computeIfAbsent(c.topic(), k -> new TreeMap<>()).put(c.state(), c.count());
            }
        }
        return info(byState, byTopic, kept.weeks());
    }

    private static StatsInfo info(Map<String, Long> byState, Map<String, Map<String, Long>> byTopic,
                                  List<Weeks.Count> weeks) {
        List<TopicCountInfo> perTopic = new ArrayList<>();
        byTopic.forEach((t, states) ->
                perTopic.add(new TopicCountInfo(t, states.values().stream().mapToLong(Long::longValue).sum(), states)));
        return new StatsInfo(byState.values().stream().mapToLong(Long::longValue).sum(), byState, perTopic, weekInfos(weeks));
    }

    @GET
    @Path("weeks")
    @Operation(summary = "Revisions posted and accepted per ISO week, for each topic",
            description = "The weeks of /api/stats?topic=T for every topic T (or those given), topics in name order.")
    public List<TopicWeeksInfo> weeks(@BeanParam StatsParams params) {
        return reads.call(() -> {
            StatsParams.Window w = params.window(known);
            Instant from = w.since();
            Instant to = w.before();
            List<String> topics = w.topics();
            List<TopicWeeksInfo> out = new ArrayList<>();
            for (String t : topics.isEmpty() ? known.topics() : new TreeSet<>(topics)) {
                List<WeekInfo> counts = weeks(stats.revisionsPosted(from, to, List.of(t)),
                        stats.revisionsAccepted(from, to, List.of(t)));
                if (!counts.isEmpty()) {
                    out.add(new TopicWeeksInfo(t, counts));
                }
            }
            return out;
        });
    }

    @GET
    @Path("latency")
    @Operation(summary = "How long work waits, per topic: from v1 to accepted, and from posting to the first review",
            description = "Quartiles in hours (linear between ranks). v1ToAccepted: from a series' first posting to the"
                    + " first acceptance of one of its revisions, for series accepted in [since, before). firstReview:"
                    + " from a revision's posting to the first Reviewed-by, Acked-by or Tested-by someone other than its"
                    + " author gave in a reply, for reviews dated in [since, before). A topic with neither is left out.")
    @APIResponse(responseCode = "200", description = "the quartiles", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "latency", value = ApiExamples.LATENCY)))
    public LatencyInfo latency(@BeanParam StatsParams params) {
        return reads.call(() -> {
            StatsParams.Window w = params.window(known);
            Instant from = w.since();
            Instant to = w.before();
            List<String> topics = w.topics();
            Map<String, Quartiles> accepted = Latency.perTopic(stats.firstPostedToAccepted(topics), from, to);
            Map<String, Quartiles> reviewed = Latency.perTopic(stats.postedToReviewed(topics), from, to);
            TreeSet<String> names = new TreeSet<>(accepted.keySet());
            names.addAll(reviewed.keySet());
            return new LatencyInfo("hours", names.stream()
                    .map(t -> new TopicLatencyInfo(t, info(accepted.get(t)), info(reviewed.get(t)))).toList());
        });
    }

    @GET
    @Path("reviewers")
    @Operation(summary = "Who reviews: the Reviewed-by, Acked-by and Tested-by each person gave in replies",
            description = "Trailers given in replies dated in [since, before) (not those a patch carries from an earlier"
                    + " revision), per person, most first; revisions counts the revisions they were given to.")
    public List<ReviewerActivityInfo> reviewers(@BeanParam StatsParams params) {
        return reads.call(() -> {
            StatsParams.Window w = params.window(known);
            return stats.reviewerActivity(w.since(), w.before(), w.topics()).stream()
                    .map(r -> new ReviewerActivityInfo(new PersonInfo(r.name(), r.email()), r.reviewed(), r.acked(), r.tested(),
                            r.reviewed() + r.acked() + r.tested(), r.revisions()))
                    .toList();
        });
    }

    private static QuartilesInfo info(Quartiles q) {
        return q == null ? null : new QuartilesInfo(q.count(), q.min(), q.q1(), q.median(), q.q3(), q.max());
    }

    /** Counts per ISO week, every week from the first to the last that has one. */
    static List<WeekInfo> weeks(List<Instant> posted, List<Instant> accepted) {
        return weekInfos(Weeks.count(posted, accepted));
    }

    private static List<WeekInfo> weekInfos(List<Weeks.Count> counts) {
        return Weeks.filled(counts).stream()
                .map(c -> new WeekInfo(Weeks.isoWeek(c.monday()), c.monday(), c.posted(), c.accepted())).toList();
    }
}
