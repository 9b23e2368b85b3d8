package dev.patchtrack.api;

import dev.patchtrack.ingest.ReclassifyService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Re-derives topics and states for the whole history from the stored mail, with the topic rules as
 * they are now (after an operator edited them).
 */
@Path("/api/reclassify")
@RequiresToken
@SecurityRequirement(name = "bearer")
@Blocking
public class ReclassifyResource {

    @Inject
    ReclassifyService service;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-derive topics and states for all history (needs a token)")
    public ReclassifyService.Result run() {
        return service.run();
    }
}
