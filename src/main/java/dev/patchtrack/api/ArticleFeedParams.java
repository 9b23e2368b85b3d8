package dev.patchtrack.api;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What the LWN article feeds take: a topic and publication dates, with the feed's limit. */
public class ArticleFeedParams extends FeedParams {

    @QueryParam("topic")
    @Parameter(description = "a topic", example = "rust-nvme")
    public List<String> topic;

    @QueryParam("since")
    @Parameter(description = "published at or after: an ISO date or date-time, yesterday, 2.weeks.ago or 3d",
            example = "2.weeks.ago")
    public String since;

    @QueryParam("before")
    @Parameter(description = "published before: a date as since", example = "2024-06-01")
    public String before;
}
