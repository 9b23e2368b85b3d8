package dev.patchtrack.api;

import dev.patchtrack.api.dto.EventInfo;
import dev.patchtrack.store.EventEntity;
import dev.patchtrack.store.SeriesRepository;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
    @Operation(summary = "Events after an id, oldest first")
    public List<EventInfo> list(@Parameter(description = "return events with a larger id") @QueryParam("since") String since,
                                @Parameter(description = "at most this many (default 100, at most 1000)") @QueryParam("limit") String limit) {
        long after = 0;
        if (since != null && !since.isBlank()) {
            try {
                after = Long.parseLong(since.strip());
            } catch (NumberFormatException e) {
                throw ApiProblem.badParameter("since", "since must be an event id (a number)");
            }
        }
        int max = Params.positiveInt("limit", limit, 100, 1000);
        List<EventEntity> events = series.events(after, max);
        return events.stream().map(e -> new EventInfo(e.id, e.kind, e.createdAt, e.seriesId, e.revisionId, e.patchId,
                e.messageId, e.summary)).toList();
    }
}
