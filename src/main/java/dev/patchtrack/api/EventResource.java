package dev.patchtrack.api;

import dev.patchtrack.api.dto.EventInfo;
import dev.patchtrack.store.SeriesRepository;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The event log, for clients that follow changes: ask again with the last id you saw. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    SeriesRepository series;

    @GET
    @Transactional
    @Operation(summary = "Events after an id, oldest first: follow changes by asking again with the last id seen",
            description = "The Link header's rel=\"next\" and X-Next-Since carry the cursor for the next request (the"
                    + " last id returned, or the same since when nothing is new). Ids only grow.")
    @APIResponse(responseCode = "200", description = "up to limit events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "events", value = ApiExamples.EVENTS)))
    @APIResponse(responseCode = "400", description = "since or limit is not a number in range", content = @Content(
            mediaType = ProblemMappers.PROBLEM_JSON))
    public Response list(@Parameter(description = "return events with a larger id (default 0: from the start)", example = "1200")
                         @QueryParam("since") String since,
                         @Parameter(description = "at most this many (default 100, at most 1000)", example = "100")
                         @QueryParam("limit") String limit,
                         @Context UriInfo uri) {
        long after = 0;
        if (since != null && !since.isBlank()) {
            try {
                after = Long.parseLong(since.strip());
            } catch (NumberFormatException e) {
                throw ApiProblem.badParameter("since", "since must be an event id (a number)");
            }
        }
        int max = Params.positiveInt("limit", limit, 100, 1000);
        List<EventInfo> events = series.events(after, max).stream().map(e -> new EventInfo(e.id, e.kind, e.createdAt,
                e.seriesId, e.revisionId, e.patchId, e.messageId, e.summary)).toList();
        long next = events.isEmpty() ? after : events.get(events.size() - 1).id();
        String link = uri.getRequestUriBuilder().replaceQueryParam("since", next).replaceQueryParam("limit", max).build()
                .toString();
        return Response.ok(events).header("Link", "<" + link + ">; rel=\"next\"").header("X-Next-Since", next).build();
    }
}
