package dev.patchtrack.api.patchwork;

import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.api.Filters;
import dev.patchtrack.api.KnownValues;
import dev.patchtrack.api.Paging;
import dev.patchtrack.api.dto.patchwork.PwEventInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.store.SeriesLookups.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Patchwork's events, newest first: series-created (a revision posted) and check-created. */
@Path("/api/1.3/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patchwork 1.3")
public class PatchworkEventResource {

    @Inject
    PatchworkService service;

    @Inject
    PatchtrackConfig config;

    @GET
    @Operation(summary = "Patchwork events, newest first: series-created (a revision posted) and check-created")
    public Response list(@BeanParam PatchworkScope scope,
                         @Parameter(description = "categories, repeated: series-created, check-created (others never occur)")
                         @QueryParam("category") List<String> category,
                         @Parameter(description = "series (revision ids), repeated") @QueryParam("series") List<String> series,
                         @Parameter(description = "patch ids, repeated") @QueryParam("patch") List<String> patch,
                         @Parameter(description = "cover letter ids: no event names one here") @QueryParam("cover") List<String> cover,
                         @Context UriInfo uri) {
        Paging paging = scope.paging(config);
        List<String> categories = KnownValues.check("category", "category", Filters.values(category),
                List.copyOf(PatchworkService.CATEGORIES.keySet()));
        List<Long> covers = PatchworkParams.ids("cover", cover);
        if (!covers.isEmpty()) {
            return PatchworkParams.page(List.of(), 0, paging, uri);
        }
        Page<PwEventInfo> found = service.events(categories, service.listNames(Filters.values(scope.project)),
                PatchworkParams.ids("series", series), PatchworkParams.ids("patch", patch), scope.since(), scope.before(),
                paging.page(), paging.perPage(), PatchworkParams.urls(uri));
        return PatchworkParams.page(found.items(), found.total(), paging, uri);
    }
}
