package dev.patchtrack.api.patchwork;

import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.api.Paging;
import dev.patchtrack.api.dto.patchwork.PwPersonDetailInfo;
import dev.patchtrack.api.dto.patchwork.PwProjectInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.store.SeriesLookups.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Patchwork's projects (one per list), people and users (none: patchtrack has no accounts). */
@Path("/api/1.3")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patchwork 1.3")
public class PatchworkProjectResource {

    @Inject
    PatchworkService service;

    @Inject
    PatchtrackConfig config;

    @GET
    @Path("projects")
    @Operation(summary = "Patchwork projects: one per list")
    public Response projects(@Parameter(description = "part of the list's name") @QueryParam("q") String q,
                             @BeanParam PatchworkPaging pages,
                             @Context UriInfo uri) {
        Paging paging = pages.paging(config);
        List<PwProjectInfo> all = service.projects(PatchworkParams.urls(uri)).stream()
                .filter(p -> q == null || p.name().toLowerCase(Locale.ROOT).contains(q.strip().toLowerCase(Locale.ROOT)))
                .toList();
        int from = Math.min(all.size(), (paging.page() - 1) * paging.perPage());
        return PatchworkParams.page(all.subList(from, Math.min(all.size(), from + paging.perPage())), all.size(), paging, uri);
    }

    @GET
    @Path("projects/{id}")
    @Operation(summary = "One Patchwork project, by id or by list name")
    public PwProjectInfo project(@Parameter(description = "the project's id or its list's name", example = "rust-for-linux")
                                 @PathParam("id") String id, @Context UriInfo uri) {
        return service.project(id, PatchworkParams.urls(uri));
    }

    @GET
    @Path("people")
    @Operation(summary = "People who wrote patches and mail")
    public Response people(@Parameter(description = "part of the name or address", example = "ojeda")
                           @QueryParam("q") String q,
                           @BeanParam PatchworkPaging pages,
                           @Context UriInfo uri) {
        Paging paging = pages.paging(config);
        Page<PwPersonDetailInfo> found = service.peoplePage(q == null || q.isBlank() ? null : q.strip(), paging.page(),
                paging.perPage(), PatchworkParams.urls(uri));
        return PatchworkParams.page(found.items(), found.total(), paging, uri);
    }

    @GET
    @Path("people/{id}")
    @Operation(summary = "One person")
    public PwPersonDetailInfo person(@Parameter(description = "the person's id") @PathParam("id") String id,
                                     @Context UriInfo uri) {
        return service.person(dev.patchtrack.api.Ids.parse("id", id), PatchworkParams.urls(uri));
    }

    @GET
    @Path("users")
    @Operation(summary = "Patchwork users: none, since patchtrack has no accounts (writes take a token)")
    public Response users(@Parameter(description = "part of a user name") @QueryParam("q") String q,
                          @BeanParam PatchworkPaging pages,
                          @Context UriInfo uri) {
        Paging paging = pages.paging(config);
        return PatchworkParams.page(List.of(), 0, paging, uri);
    }
}
