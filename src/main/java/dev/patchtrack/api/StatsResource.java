package dev.patchtrack.api;

import dev.patchtrack.api.dto.StatsInfo;
import dev.patchtrack.api.dto.TopicCountInfo;
import dev.patchtrack.api.dto.WeekInfo;
import dev.patchtrack.store.StatsRepository;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Numbers for dashboards. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    KnownValues known;

    @Inject
    StatsRepository stats;

    @GET
    @Transactional
    @Operation(summary = "Series per topic and state; revisions posted and accepted per ISO week",
            description = "since/before bound the series by their last posting and the weeks by the posting or"
                    + " acceptance. A revision counts as accepted in the week of the message that accepted it (the"
                    + " maintainer's \"applied\" reply), else of the change's event. Weeks run Monday to Sunday, UTC;"
                    + " every week between the first and the last with a count is listed.")
    @APIResponse(responseCode = "200", description = "the counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "stats", value = ApiExamples.STATS)))
    public StatsInfo get(@Parameter(description = "at or after (ISO date or date-time, yesterday, 2.weeks.ago, 3d)",
                                    example = "2024-01-01")
                         @QueryParam("since") String since,
                         @Parameter(description = "before (ISO date or date-time, yesterday, 2.weeks.ago, 3d)",
                                    example = "2024-07-01")
                         @QueryParam("before") String before,
                         @Parameter(description = "topics, repeated or comma-separated", example = "rust-nvme")
                         @QueryParam("topic") List<String> topic) {
        Instant from = Params.instant("since", since);
        Instant to = Params.instant("before", before);
        List<String> topics = known.checkTopics(Filters.topics(topic));
        Map<String, Long> byState = stats.seriesByState(from, to, topics);
        List<TopicCountInfo> perTopic = new ArrayList<>();
        stats.seriesByTopicAndState(from, to, topics).forEach((t, states) ->
                perTopic.add(new TopicCountInfo(t, states.values().stream().mapToLong(Long::longValue).sum(), states)));
        return new StatsInfo(byState.values().stream().mapToLong(Long::longValue).sum(), byState, perTopic,
                weeks(stats.revisionsPosted(from, to, topics), stats.revisionsAccepted(from, to, topics)));
    }

    /** Counts per ISO week, every week from the first to the last that has one. */
    static List<WeekInfo> weeks(List<Instant> posted, List<Instant> accepted) {
        TreeMap<LocalDate, long[]> byMonday = new TreeMap<>();
        for (Instant t : posted) {
            byMonday.computeIfAbsent(monday(t), k -> new long[2])[0]++;
        }
        for (Instant t : accepted) {
            byMonday.computeIfAbsent(monday(t), k -> new long[2])[1]++;
        }
        List<WeekInfo> out = new ArrayList<>();
        if (byMonday.isEmpty()) {
            return out;
        }
        for (LocalDate d = byMonday.firstKey(); !d.isAfter(byMonday.lastKey()); d = d.plusWeeks(1)) {
            long[] c = byMonday.getOrDefault(d, new long[2]);
            out.add(new WeekInfo(isoWeek(d), d, c[0], c[1]));
        }
        return out;
    }

    static LocalDate monday(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** {@code 2024-W05}. */
    static String isoWeek(LocalDate d) {
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
