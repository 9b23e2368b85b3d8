package dev.patchtrack.api.patchwork;

import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.api.Filters;
import dev.patchtrack.api.Ids;
import dev.patchtrack.api.Paging;
import dev.patchtrack.api.dto.patchwork.PwCommentInfo;
import dev.patchtrack.api.dto.patchwork.PwCoverInfo;
import dev.patchtrack.api.dto.patchwork.PwSeriesInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.store.RevisionSearch;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Patchwork's series (patchtrack's revisions) and cover letters. */
@Path("/api/1.3")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patchwork 1.3")
public class PatchworkSeriesResource {

    static final List<String> ORDER = List.of("id", "name", "date", "submitter");

    @Inject
    PatchworkService service;

    @Inject
    PatchtrackConfig config;

    @GET
    @Path("series")
    @Operation(summary = "Patchwork series: patchtrack's revisions, each with its cover letter and patches")
    public Response series(@BeanParam PatchworkQuery query, @Context UriInfo uri) {
        Paging paging = query.paging(config);
        PatchworkParams.Order o = PatchworkParams.order(query.order, ORDER, "id");
        Page<PwSeriesInfo> found = service.series(filter(query, List.of(), List.of()), o.key(), o.descending(), paging.page(), paging.perPage(),
                PatchworkParams.urls(uri));
        return PatchworkParams.page(found.items(), found.total(), paging, uri);
    }

    /** The revisions a query asks for. */
    private RevisionSearch.Filter filter(PatchworkQuery query, List<Long> revisions, List<String> messageIds) {
        return new RevisionSearch.Filter(service.listNames(Filters.values(query.project)), revisions,
                service.people(Filters.values(query.submitter)), messageIds, query.since(), query.before(),
                PatchworkParams.words(query.q));
    }

    @GET
    @Path("series/{id}")
    @Operation(summary = "One Patchwork series: a revision, with its cover letter and patches")
    public PwSeriesInfo oneSeries(@Parameter(description = "the series (revision) id") @PathParam("id") String id,
                                  @Context UriInfo uri) {
        return service.oneSeries(Ids.parse("id", id), PatchworkParams.urls(uri));
    }

    @GET
    @Path("covers")
    @Operation(summary = "Patchwork cover letters: those of patchtrack's revisions")
    public Response covers(@BeanParam PatchworkQuery query,
                           @Parameter(description = "series (revision ids), repeated") @QueryParam("series") List<String> series,
                           @Parameter(description = "a Message-ID") @QueryParam("msgid") String msgid,
                           @Context UriInfo uri) {
        Paging paging = query.paging(config);
        PatchworkParams.Order o = PatchworkParams.order(query.order, ORDER, "id");
        String mid = PatchworkParams.msgid(msgid);
        Page<PwCoverInfo> found = service.covers(filter(query, PatchworkParams.ids("series", series),
                mid == null ? List.of() : List.of(mid)), o.key(), o.descending(), paging.page(), paging.perPage(),
                PatchworkParams.urls(uri));
        return PatchworkParams.page(found.items(), found.total(), paging, uri);
    }

    @GET
    @Path("covers/{id}")
    @Operation(summary = "One cover letter, with its headers and text")
    public PwCoverInfo cover(@Parameter(description = "the cover letter id") @PathParam("id") String id,
                             @Context UriInfo uri) {
        return service.cover(Ids.parse("id", id), PatchworkParams.urls(uri));
    }

    @GET
    @Path("covers/{id}/comments")
    @Operation(summary = "The replies to a cover letter, oldest first")
    public List<PwCommentInfo> coverComments(@Parameter(description = "the cover letter id") @PathParam("id") String id,
                                             @Context UriInfo uri) {
        return service.coverComments(Ids.parse("id", id), PatchworkParams.urls(uri));
    }
}
