package dev.patchtrack.api;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The window and topics every {@code /api/stats} answer takes, as a bean parameter. */
public class StatsParams {

    @QueryParam("since")
    @Parameter(description = "at or after (ISO date or date-time, yesterday, 2.weeks.ago, 3d)", example = "2024-01-01")
    public String since;

    @QueryParam("before")
    @Parameter(description = "before (ISO date or date-time, yesterday, 2.weeks.ago, 3d)", example = "2024-07-01")
    public String before;

    @QueryParam("topic")
    @Parameter(description = "topics, repeated or comma-separated", example = "rust-nvme")
    public List<String> topic;

    /** The parameters read and checked: a bad value is a 400 naming it. */
    public Window window(KnownValues known) {
        return new Window(Params.instant("since", since), Params.instant("before", before),
                known.checkTopics(Filters.topics(topic)));
    }

    /** [since, before) and the topics (empty: all). */
    public record Window(Instant since, Instant before, List<String> topics) {
    }
}
