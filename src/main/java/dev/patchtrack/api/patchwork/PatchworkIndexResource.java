package dev.patchtrack.api.patchwork;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Patchwork-compatible API's index: where each of its resources is. */
@Path("/api/1.3")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patchwork 1.3", description = "Patchwork's REST API 1.3 as git-pw and pwclient use it: a series is a"
        + " revision, a project a list; README \"Patchwork's clients\"")
public class PatchworkIndexResource {

    @GET
    @Operation(summary = "Patchwork API index: the URL of each resource")
    public Map<String, String> index(@Context UriInfo uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String r : List.of("projects", "users", "people", "patches", "covers", "series", "events")) {
            out.put(r, PatchworkParams.urls(uri).api(r + "/"));
        }
        return out;
    }
}
