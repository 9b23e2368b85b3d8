package dev.patchtrack.api;

import dev.patchtrack.api.dto.SeriesInfo;
import dev.patchtrack.api.dto.SeriesSummaryInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.store.ListRepository;
import dev.patchtrack.store.MailingList;
import dev.patchtrack.store.SeriesEntity;
import dev.patchtrack.store.SeriesRepository;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import dev.patchtrack.api.dto.OverrideInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Series: all revisions of one piece of work. */
@Path("/api/series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    @Inject
    SeriesRepository series;

    @Inject
    ListRepository lists;

    @Inject
    Views views;

    @Inject
    PatchtrackConfig config;

    @Inject
    Overrides overrides;

    @GET
    @Transactional
    @Operation(summary = "List series, most recently active first",
            description = "Paginated with page/per_page; the Link header has first/prev/next/last and "
                    + "X-Total-Count the total.")
    public Response list(@Parameter(description = "list name, e.g. rust-for-linux") @QueryParam("list") String list,
                         @Parameter(description = "last posting at or after (ISO date or date-time)") @QueryParam("since") String since,
                         @Parameter(description = "last posting before (ISO date or date-time)") @QueryParam("before") String before,
                         @Parameter(description = "1-based page") @QueryParam("page") String page,
                         @Parameter(description = "items per page") @QueryParam("per_page") String perPage,
                         @Parameter(description = "topics (repeat or comma-separate), e.g. rust-nvme") @QueryParam("topic") List<String> topic,
                         @Parameter(description = "states (repeat or comma-separate), e.g. under-review") @QueryParam("state") List<String> state,
                         @Context UriInfo uri) {
        Paging paging = Paging.of(page, perPage, config.api());
        Instant sinceAt = Params.instant("since", since);
        Instant beforeAt = Params.instant("before", before);
        Long listId = null;
        if (list != null && !list.isBlank()) {
            listId = lists.findByName(list.strip()).map((MailingList l) -> l.id).orElse(-1L);
        }
        SeriesRepository.Page<SeriesEntity> result = series.page(
                new SeriesRepository.SeriesQuery(listId, sinceAt, beforeAt, Filters.topics(topic), Filters.states(state),
                        paging.page(), paging.perPage()));
        List<SeriesSummaryInfo> items = views.summaries(result.items());
        return paging.response(items, result.total(), uri);
    }

    @PUT
    @Path("{id}/state")
    @RequiresToken
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Override the series' state (needs a token); it beats derivation until cleared")
    public Response setState(@PathParam("id") String id, OverrideInput in) {
        return overrides.setSeries(id, in);
    }

    @DELETE
    @Path("{id}/state")
    @RequiresToken
    @Operation(summary = "Clear the series' state override (needs a token)")
    public Response clearState(@PathParam("id") String id, @QueryParam("by") String by) {
        return overrides.clearSeries(id, by);
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One series with its revisions, patches and trailers")
    public SeriesInfo get(@PathParam("id") String id) {
        long sid = Ids.parse("id", id);
        SeriesEntity s = series.findSeries(sid).orElseThrow(() -> ApiProblem.notFound("no series " + sid));
        return views.series(s);
    }
}
