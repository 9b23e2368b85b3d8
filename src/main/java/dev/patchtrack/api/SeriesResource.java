package dev.patchtrack.api;

import dev.patchtrack.api.dto.PageInfo;
import dev.patchtrack.api.dto.SeriesInfo;
import dev.patchtrack.api.dto.SeriesSummaryInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.store.ItemSearch;
import dev.patchtrack.store.ReadOnly;
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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Series: all revisions of one piece of work. */
@Path("/api/series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    @Inject
    KnownValues known;

    @Inject
    SeriesRepository series;

    @Inject
    ItemSearch search;

    @Inject
    Views views;

    @Inject
    PatchtrackConfig config;

    @Inject
    Overrides overrides;

    @Inject
    ReadOnly readOnly;

    @GET
    @Transactional
    @Operation(summary = "List series, filtered and sorted; most recently active first by default",
            description = "Filters combine with AND; several values of one filter are alternatives. Paginated with"
                    + " page/per_page: the Link header has first/prev/next/last, X-Total-Count and the body's total"
                    + " give how many match.")
    @APIResponse(responseCode = "200", description = "one page of series", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = ApiExamples.SERIES_PAGE)))
    @APIResponse(responseCode = "400", description = "a bad parameter, named in the problem", content = @Content(
            mediaType = ProblemMappers.PROBLEM_JSON, examples = @ExampleObject(name = "problem", value = ApiExamples.BAD_PARAMETER)))
    public Response list(@BeanParam FilterParams params, @Context UriInfo uri) {
        PageInfo<SeriesSummaryInfo> page = page(params);
        return new Paging(page.page(), page.perPage()).response(page.items(), page.total(), uri);
    }

    /** One page of series as {@link #list} finds them: the listing, and the web page of series. */
    @Transactional
    public PageInfo<SeriesSummaryInfo> page(FilterParams params) {
        readOnly.begin();
        Paging paging = Paging.of(params.page, params.perPage, config.api());
        SeriesRepository.Page<SeriesEntity> result = search.series(params.filter(known),
                params.order(ItemSearch.SERIES_ORDER), paging.page(), paging.perPage());
        List<SeriesSummaryInfo> items = views.summaries(result.items());
        return new PageInfo<>(result.total(), paging.page(), paging.perPage(), items);
    }

    @PUT
    @Path("{id}/state")
    @RequiresToken
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Override the series' state (needs a token); it beats derivation until cleared")
    public Response setState(@Parameter(description = "the series id", example = "42")
                             @PathParam("id") String id, OverrideInput in) {
        return overrides.setSeries(id, in);
    }

    @DELETE
    @Path("{id}/state")
    @RequiresToken
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Clear the series' state override (needs a token)")
    public Response clearState(@Parameter(description = "the series id", example = "42") @PathParam("id") String id,
                               @Parameter(description = "who clears it, for the event log", example = "Miguel Ojeda <ojeda@kernel.org>")
                               @QueryParam("by") String by) {
        return overrides.clearSeries(id, by);
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One series with its revisions, patches and trailers")
    public SeriesInfo get(@Parameter(description = "the series id", example = "42") @PathParam("id") String id) {
        readOnly.begin();
        long sid = Ids.parse("id", id);
        SeriesEntity s = series.findSeries(sid).orElseThrow(() -> ApiProblem.notFound("no series " + sid));
        return views.series(s);
    }
}
