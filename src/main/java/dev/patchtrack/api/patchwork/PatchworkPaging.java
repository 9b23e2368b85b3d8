package dev.patchtrack.api.patchwork;

import dev.patchtrack.api.Paging;
import dev.patchtrack.config.PatchtrackConfig;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code page} and {@code per_page} of a Patchwork list, as a bean parameter. */
public class PatchworkPaging {

    @QueryParam("page")
    @Parameter(description = "1-based page", example = "1")
    public String page;

    @QueryParam("per_page")
    @Parameter(description = "items per page (patchtrack.api.default-per-page, at most patchtrack.api.max-per-page)",
            example = "30")
    public String perPage;

    Paging paging(PatchtrackConfig config) {
        return Paging.of(page, perPage, config.api());
    }
}
