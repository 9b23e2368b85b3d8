package dev.patchtrack.api;

import dev.patchtrack.api.dto.PatchInfo;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.SeriesRepository;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
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
