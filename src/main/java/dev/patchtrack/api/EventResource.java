package dev.patchtrack.api;

import dev.patchtrack.api.dto.EventInfo;
import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.EventEntity;
import dev.patchtrack.store.EventLog;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The event log, for clients that follow changes: ask again with the last id you saw. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    /** A bare event id given as {@code since}, as version 1 clients send the cursor: read as {@code after}. */
    private static final Pattern LEGACY_CURSOR = Pattern.compile("\\d{1,7}");

    @Inject
    Reads reads;

    @Inject
    EventLog events;

    @Inject
    KnownValues known;

    @Inject
    EventStreams streams;

    @GET
    @Operation(summary = "Events after an id, oldest first: follow changes by asking again with the last id seen",
            description = "The Link header's rel=\"next\" and X-Next-After carry the cursor for the next request (the"
                    + " last id returned, or the same after when nothing is new). Ids only grow. kind, series, list and"
                    + " topic narrow the events (several values of one are alternatives); since and before bound when"
                    + " they were recorded, dates as every endpoint takes them. A bare id as since (the cursor's name"
                    + " in earlier clients) is read as after.")
    @APIResponse(responseCode = "200", description = "up to limit events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "events", value = ApiExamples.EVENTS)))
    @APIResponse(responseCode = "400", description = "a bad parameter, named in the problem", content = @Content(
            mediaType = ProblemMappers.PROBLEM_JSON))
    public Response list(@Parameter(description = "return events with a larger id (default 0: from the start)", example = "1200")
                         @QueryParam("after") String after,
                         @Parameter(description = "recorded at or after: an ISO date or date-time, yesterday, 2.weeks.ago or"
                                 + " 3d (a bare event id is read as after)", example = "yesterday")
                         @QueryParam("since") String since,
                         @Parameter(description = "recorded before: a date as since", example = "2024-06-01")
                         @QueryParam("before") String before,
                         @BeanParam EventFilterParams filters,
                         @Parameter(description = "at most this many (default 100, at most 1000)", example = "100")
                         @QueryParam("limit") String limit,
                         @Context UriInfo uri) {
        return reads.call(() -> {
            long cursor = cursor("after", after);
            Instant from = null;
            boolean legacy = since != null && LEGACY_CURSOR.matcher(since.strip()).matches();
            if (legacy) {
                if (after != null && !after.isBlank()) {
                    throw ApiProblem.badParameter("since", "give the cursor once: after=" + after.strip()
                            + ", and since as a date");
                }
                cursor = cursor("since", since);
            } else {
                from = Params.instant("since", since);
            }
            int max = Params.positiveInt("limit", limit, 100, 1000);
            EventFilterParams.Checked f = filters.check(known);
            List<EventEntity> found = events.find(EventLog.Query.following(cursor, f.kinds(), f.series(), f.lists(), f.topics(),
                    from, Params.instant("before", before), max));
            List<EventInfo> out = found.stream().map(EventResource::info).toList();
            long next = out.isEmpty() ? cursor : out.get(out.size() - 1).id();
            var link = RequestUris.request(uri).replaceQueryParam("after", next).replaceQueryParam("limit", max);
            if (legacy) {
                link.replaceQueryParam("since");
            }
            return Response.ok(out).header("Link", "<" + link.build() + ">; rel=\"next\"")
                    .header("X-Next-After", next).header("X-Next-Since", next).build();
        });
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The event log as server-sent events: what /api/events returns, pushed as it is recorded",
            description = "Each event is one SSE message: its id the event id, its data the event as /api/events gives"
                    + " it. Without a cursor the stream starts at the newest event and sends what is recorded later;"
                    + " after (or the Last-Event-ID header an EventSource sends when it reconnects, which wins) resumes"
                    + " after that id, sending what was missed first. kind, series, list and topic narrow the events as"
                    + " in /api/events and are checked before the stream starts (400). A comment line keeps a quiet"
                    + " stream open every 15 s. When every stream this instance allows is open: 503 with Retry-After.")
    @APIResponse(responseCode = "200", description = "the stream, until the client closes it", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(name = "events",
            value = ApiExamples.EVENT_STREAM)))
    @APIResponse(responseCode = "400", description = "a bad parameter, named in the problem", content = @Content(
            mediaType = ProblemMappers.PROBLEM_JSON))
    @APIResponse(responseCode = "503", description = "every stream is taken; try again after Retry-After", content = @Content(
            mediaType = ProblemMappers.PROBLEM_JSON))
    public void stream(@Parameter(description = "resume after this event id (default: the newest; 0: the whole log)",
                               example = "1200")
                       @QueryParam("after") String after,
                       @BeanParam EventFilterParams filters,
                       @Parameter(description = "the last event id received, as an EventSource sends it when it"
                               + " reconnects; wins over after", example = "1234")
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse raw) {
        long cursor = cursor("after", after);
        boolean resumed = lastEventId != null && !lastEventId.isBlank();
        if (resumed) {
            cursor = cursor("Last-Event-ID", lastEventId);
        }
        EventFilterParams.Checked filter = filters.check(known);
        if (!streams.reserve()) {
            throw ApiProblem.busy("every event stream this instance serves is open (patchtrack.events.max-streams);"
                    + " try again shortly, or poll /api/events", 5);
        }
        // the stream's head goes out with its first line, past the response filters: said here
        raw.putHeader("API-Version", ConditionalGet.API_VERSION).putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        try {
            streams.start(sink, sse, filter, resumed || (after != null && !after.isBlank()) ? cursor : streams.newest());
        } catch (RuntimeException e) {
            streams.release();
            throw e;
        }
    }

    /** What an event looks like to clients, in /api/events and in the stream. */
    static EventInfo info(EventEntity e) {
        return new EventInfo(e.id, e.kind.wireName(), e.createdAt, e.seriesId, e.revisionId, e.patchId, e.messageId, e.summary);
    }

    private static long cursor(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.badParameter(name, name + " must be an event id (a whole number), not '" + Params.clip(value) + "'");
    }
}
