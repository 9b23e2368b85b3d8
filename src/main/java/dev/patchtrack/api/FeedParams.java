package dev.patchtrack.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** How many entries a feed holds, as a bean parameter. */
public class FeedParams {

    @QueryParam("limit")
    @Parameter(description = "entries at most (default patchtrack.api.default-per-page, at most patchtrack.api.max-per-page)",
            example = "50")
    public String limit;
}
