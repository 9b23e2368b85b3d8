package dev.patchtrack.api;

import dev.patchtrack.api.dto.TodoInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.service.Reads;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What waits on a maintainer or reviewer: Patchwork's delegate "todo" list, derived from MAINTAINERS and the mail. */
@Path("/api/todo")
@Produces(MediaType.APPLICATION_JSON)
public class TodoResource {

    @Inject
    Todos todos;

    @Inject
    PatchtrackConfig config;

    @Inject
    Reads reads;

    @GET
    @Operation(summary = "The open revisions that wait on a person, newest activity first",
            description = "Open: not accepted, superseded or rejected. Waiting: MAINTAINERS (of patchtrack.maintainers.tree,"
                    + " at its branch head) lists the person as maintainer (M:) or reviewer (R:) for the paths or words of the"
                    + " revision's patches, and they have given no Reviewed-by/Acked-by/Tested-by and written nothing in its"
                    + " threads. items is null, and reviewersNote says why, when no MAINTAINERS can be read. Paginated with"
                    + " page/per_page like the other lists.")
    public Response list(@Parameter(description = "the person's mail address, bare or as Name <address>",
                                 example = "aliceryhl@google.com") @QueryParam("who") String who,
                         @Parameter(description = "page number, from 1", example = "1") @QueryParam("page") String page,
                         @Parameter(description = "items per page", example = "50") @QueryParam("per_page") String perPage,
                         @Context UriInfo uri) {
        return reads.call(() -> {
            String address = Params.address("who", who);
            Paging paging = Paging.of(page, perPage, config.api());
            TodoInfo info = todos.page(address, paging);
            return paging.headers(Response.ok(info), uri, info.total()).build();
        });
    }
}
