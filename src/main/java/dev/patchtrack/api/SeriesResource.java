package dev.patchtrack.api;

import dev.patchtrack.api.dto.PageInfo;
import dev.patchtrack.api.dto.SeriesInfo;
import dev.patchtrack.api.dto.SeriesSummaryInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.ItemSearch;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Series: all revisions of one piece of work. */
@Path("/api/series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    /** The Content-Type of JSON written from a record, for the JSON written already. */
    static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    @Inject
    KnownValues known;

    @Inject
    ItemSearch search;

    @Inject
    Views views;

    @Inject
    PatchtrackConfig config;

    @Inject
    Overrides overrides;

    @Inject
    Reads reads;

    @Inject
    KeptAnswers answers;

    @GET
    @Operation(summary = "List series, filtered and sorted; most recently active first by default",
            description = "Filters combine with AND; several values of one filter are alternatives. Paginated with"
                    + " page/per_page: the Link header has first/prev/next/last, X-Total-Count and the body's total"
                    + " give how many match.")
    @APIResponse(responseCode = "200", description = "one page of series", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = ApiExamples.SERIES_PAGE)))
    @APIResponse(responseCode = "400", description = "a bad parameter, named in the problem", content = @Content(
            mediaType = ProblemMappers.PROBLEM_JSON, examples = @ExampleObject(name = "problem", value = ApiExamples.BAD_PARAMETER)))
    public Response list(@BeanParam FilterParams params, @Context UriInfo uri) {
        return Paging.response(page(params), uri);
    }

    /** One page of series as {@link #list} finds them: the listing, and the web page of series. */
    public PageInfo<SeriesSummaryInfo> page(FilterParams params) {
        return reads.call(() -> {
            Paging paging = Paging.of(params.page, params.perPage, config.api());
            return paging.page(search.series(params.filter(known), params.order(ItemSearch.SERIES_ORDER),
                    paging.page(), paging.perPage()), views::summaries);
        });
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
    @Operation(summary = "One series with its revisions, patches and trailers")
    @APIResponse(responseCode = "200", description = "the series", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesInfo.class)))
    @APIResponse(responseCode = "404", description = "no such series", content = @Content(mediaType = ProblemMappers.PROBLEM_JSON))
    public Response get(@Parameter(description = "the series id", example = "42") @PathParam("id") String id) {
        long sid = Ids.parse("id", id);
        byte[] body = answers.series(sid);
        return Response.ok(new JsonDocument(body, () -> reads.call(() -> views.series(sid))), JSON_UTF8).build();
    }

    /** One series as {@link #get} gives it, as a record: the web page of a series. */
    public SeriesInfo detail(String id) {
        long sid = Ids.parse("id", id);
        return reads.call(() -> views.series(sid));
    }
}
