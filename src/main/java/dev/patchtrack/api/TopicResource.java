package dev.patchtrack.api;

import dev.patchtrack.api.dto.TopicCountInfo;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.SeriesLookups;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Topics with how many series are in each state. */
@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    @Inject
    Reads reads;

    @Inject
    SeriesLookups seriesLookups;

    @GET
    @Operation(summary = "Topics, each with its series counted per state")
    @APIResponse(responseCode = "200", description = "every topic that has a series", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "topics", value = ApiExamples.TOPICS)))
    public List<TopicCountInfo> list() {
        return reads.call(() -> {
            List<TopicCountInfo> out = new ArrayList<>();
            for (Map.Entry<String, Map<String, Long>> e : seriesLookups.topicStateCounts().entrySet()) {
                long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
                out.add(new TopicCountInfo(e.getKey(), total, e.getValue()));
            }
            return out;
        });
    }
}
