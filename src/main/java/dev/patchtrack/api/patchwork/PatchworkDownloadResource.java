package dev.patchtrack.api.patchwork;

import dev.patchtrack.api.ApiProblem;
import dev.patchtrack.api.Ids;
import dev.patchtrack.api.Mboxes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Patchwork's download URLs, where its records' {@code mbox} fields point: a series (revision) or a
 * patch as an mbox for {@code git am} with the trailers replies gave, a patch's diff, a cover letter.
 * Each names a file in {@code Content-Disposition}, as git-pw expects.
 */
@Path("/")
@Tag(name = "Patchwork 1.3")
public class PatchworkDownloadResource {

    @Inject
    PatchworkService service;

    @GET
    @Path("series/{id}/mbox")
    @Operation(summary = "A Patchwork series (a revision) as an mbox for git am")
    public Response series(@Parameter(description = "the series (revision) id") @PathParam("id") String id) {
        long rid = Ids.parse("id", id);
        return file(service.seriesMbox(rid), Mboxes.MBOX, service.fileName("series", rid) + ".patch");
    }

    @GET
    @Path("patch/{id}/mbox")
    @Operation(summary = "A patch as an mbox for git am; with series, the patches of its revision up to it")
    public Response patch(@Parameter(description = "the patch id") @PathParam("id") String id,
                          @Parameter(description = "* or the id of the patch's series: include the patches before it")
                          @QueryParam("series") String series) {
        long pid = Ids.parse("id", id);
        boolean withSeries = series != null && !series.isBlank();
        if (withSeries && !series.strip().equals("*")) {
            long sid = Ids.parse("series", series);
            if (service.oneSeriesOf(pid) != sid) {
                throw ApiProblem.notFound("patch " + pid + " is not in series " + sid);
            }
        }
        return file(service.patchMbox(pid, withSeries), Mboxes.MBOX, service.fileName("patch", pid) + ".patch");
    }

    @GET
    @Path("patch/{id}/raw")
    @Operation(summary = "A patch's diff alone")
    public Response diff(@Parameter(description = "the patch id") @PathParam("id") String id) {
        long pid = Ids.parse("id", id);
        return file(service.patchDiff(pid), "text/x-diff; charset=UTF-8", service.fileName("patch", pid) + ".diff");
    }

    @GET
    @Path("cover/{id}/mbox")
    @Operation(summary = "A cover letter as it was received, as an mbox")
    public Response cover(@Parameter(description = "the cover letter id") @PathParam("id") String id) {
        long cid = Ids.parse("id", id);
        return file(service.coverMbox(cid), Mboxes.MBOX, service.fileName("cover", cid) + ".mbox");
    }

    private static Response file(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=" + name).build();
    }
}
