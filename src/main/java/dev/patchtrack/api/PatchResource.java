package dev.patchtrack.api;

import dev.patchtrack.api.dto.PageInfo;
import dev.patchtrack.api.dto.PatchInfo;
import dev.patchtrack.config.PatchtrackConfig;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import dev.patchtrack.store.PatchEntity;
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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Patches. */
@Path("/api/patches")
@Produces(MediaType.APPLICATION_JSON)
public class PatchResource {

    @Inject
    SeriesRepository series;

    @Inject
    Views views;

    @Inject
    PatchtrackConfig config;

    @Inject
    Overrides overrides;

    @GET
    @Transactional
    @Operation(summary = "List patches, newest first, filtered by topic and state",
            description = "Paginated with page/per_page; the Link header has first/prev/next/last.")
    public Response list(@QueryParam("topic") List<String> topic, @QueryParam("state") List<String> state,
                         @QueryParam("page") String page, @QueryParam("per_page") String perPage,
                         @Context UriInfo uri) {
        Paging paging = Paging.of(page, perPage, config.api());
        SeriesRepository.Page<PatchEntity> result = series.patches(new SeriesRepository.PatchQuery(
                Filters.topics(topic), Filters.states(state), paging.page(), paging.perPage()));
        List<PatchInfo> items = views.patches(result.items());
        return paging.headers(Response.ok(new PageInfo<>(result.total(), paging.page(), paging.perPage(), items)),
                uri, result.total()).build();
    }

    @PUT
    @Path("{id}/state")
    @RequiresToken
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Override the patch's state (needs a token); answers its series")
    public Response setState(@PathParam("id") String id, OverrideInput in) {
        return overrides.setPatch(id, in);
    }

    @DELETE
    @Path("{id}/state")
    @RequiresToken
    @Operation(summary = "Clear the patch's state override (needs a token)")
    public Response clearState(@PathParam("id") String id, @QueryParam("by") String by) {
        return overrides.clearPatch(id, by);
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One patch with its trailers, counts, and the revision and series it belongs to")
    public PatchInfo get(@PathParam("id") String id) {
        long pid = Ids.parse("id", id);
        PatchEntity p = series.findPatch(pid).orElseThrow(() -> ApiProblem.notFound("no patch " + pid));
        return views.patch(p);
    }
}
