package dev.patchtrack.api;

import dev.patchtrack.api.dto.CheckInfo;
import dev.patchtrack.api.dto.CheckInput;
import dev.patchtrack.api.dto.PatchInfo;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.HttpHeaders;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.patch.PatchParts;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.store.TreeRepository;
import dev.patchtrack.api.dto.TreeCommitInfo;
import dev.patchtrack.store.ItemSearch;
import jakarta.inject.Inject;
import dev.patchtrack.api.dto.OverrideInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Patches. */
@Path("/api/patches")
@Produces(MediaType.APPLICATION_JSON)
public class PatchResource {

    @Inject
    KnownValues known;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    ItemSearch search;

    @Inject
    Reads reads;

    @Inject
    Views views;

    @Inject
    PatchtrackConfig config;

    @Inject
    Overrides overrides;

    @Inject
    TreeRepository trees;

    @Inject
    Mboxes mboxes;

    @Inject
    PatchChecks patchChecks;

    @GET
    @Operation(summary = "List patches, filtered and sorted; newest first by default",
            description = "The same filters as the series list; a patch's topics are its revision's, its version and"
                    + " RFC flag its revision's, its lists those it was posted to. Also msgid, hash and series, which"
                    + " find patches by Message-ID, by the stable patch-id of the diff and by series. Paginated like"
                    + " the series list; each patch carries its hash, one patch's page also its content and diff.")
    @APIResponse(responseCode = "200", description = "one page of patches", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = ApiExamples.PATCH_PAGE)))
    @APIResponse(responseCode = "400", description = "a bad parameter, named in the problem", content = @Content(
            mediaType = ProblemMappers.PROBLEM_JSON, examples = @ExampleObject(name = "problem", value = ApiExamples.BAD_PARAMETER)))
    public Response list(@BeanParam PatchFilterParams params, @Context UriInfo uri) {
        return Paging.response(reads.call(() -> {
            Paging paging = Paging.of(params.page, params.perPage, config.api());
            return paging.page(search.patches(params.filter(known, seriesLookups), params.order(ItemSearch.PATCH_ORDER),
                    paging.page(), paging.perPage()), views::patches);
        }), uri);
    }

    @PUT
    @Path("{id}/state")
    @RequiresToken
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Override the patch's state (needs a token); answers its series")
    public Response setState(@Parameter(description = "the patch id", example = "42")
                             @PathParam("id") String id, OverrideInput in) {
        return overrides.setPatch(id, in);
    }

    @DELETE
    @Path("{id}/state")
    @RequiresToken
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Clear the patch's state override (needs a token)")
    public Response clearState(@Parameter(description = "the patch id", example = "42") @PathParam("id") String id,
                               @Parameter(description = "who clears it, for the event log", example = "Miguel Ojeda <ojeda@kernel.org>")
                               @QueryParam("by") String by) {
        return overrides.clearPatch(id, by);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One patch with its trailers, counts, the revision and series it belongs to, and the"
            + " commit of a tracked git tree that carries it, its commit message (content) and its diff")
    public PatchInfo get(@Parameter(description = "the patch id", example = "42") @PathParam("id") String id) {
        long pid = Ids.parse("id", id);
        return reads.call(() -> {
            PatchEntity p = seriesLookups.findPatch(pid).orElseThrow(() -> ApiProblem.notFound("no patch " + pid));
            PatchParts parts = PatchParts.of(mboxes.body(p.messagePk));
            return views.patch(p).withInTree(trees.matchOf(p.messagePk).map(m -> new TreeCommitInfo(m.commit().tree(),
                    m.commit().sha(), m.commit().subject(), m.commit().committed(), m.commit().firstTag(),
                    m.signal().wireName())).orElse(null)).withText(parts.message(), parts.diff());
        });
    }

    @GET
    @Path("{id}/checks")
    @Operation(summary = "The CI checks of a patch, oldest first, in Patchwork's shape: those derived from bots'"
            + " replies (the kernel test robot, syzbot, KernelCI; source names the message and the rule) and those"
            + " CI systems posted")
    public List<CheckInfo> checks(@Parameter(description = "the patch id", example = "42") @PathParam("id") String id) {
        long pid = Ids.parse("id", id);
        return reads.call(() -> patchChecks.of(pid));
    }

    @POST
    @Path("{id}/checks")
    @RequiresToken
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a CI result on a patch (needs a token): state (pending, success, warning, fail),"
            + " context, target_url, description, by; a failing one is named in its revision's state reason")
    @APIResponse(responseCode = "201", description = "the check as recorded")
    @APIResponse(responseCode = "400", description = "a bad field, named in the problem", content = @Content(
            mediaType = ProblemMappers.PROBLEM_JSON, examples = @ExampleObject(name = "problem", value = ApiExamples.BAD_PARAMETER)))
    public Response addCheck(@Parameter(description = "the patch id", example = "42") @PathParam("id") String id,
                             CheckInput in,
                             @Parameter(description = "the client, recorded as who posted when the body names nobody")
                             @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        long pid = Ids.parse("id", id);
        if (in == null) {
            throw ApiProblem.badParameter("state", "the body must be a check: {\"state\": \"fail\", \"context\": \"build\"}");
        }
        PatchChecks.NewCheck c = PatchChecks.validate(in.state(), in.context(), in.targetUrl(), in.description());
        String by = in.by() != null && !in.by().isBlank() ? in.by().strip()
                : agent == null || agent.isBlank() ? "a token holder" : agent.strip();
        CheckInfo info = patchChecks.add(pid, c, by);
        return Response.status(201).entity(info).header("Location", "/api/patches/" + pid + "/checks").build();
    }

    @GET
    @Path("{id}/mbox")
    @Produces(Mboxes.MBOX)
    @Operation(summary = "One patch as an mbox for git am, like b4 am -P: its commit message with the trailers "
            + "replies gave it (each named in an X-Patchtrack-Added header with the message it came from)")
    public Response mbox(@Parameter(description = "the patch id", example = "42") @PathParam("id") String id,
                         @Parameter(description = "false: no Link: trailer") @QueryParam("link") String link,
                         @Parameter(description = Mboxes.BASE_PARAMETER) @QueryParam("base") String base) {
        long pid = Ids.parse("id", id);
        return reads.call(() -> {
            PatchEntity p = seriesLookups.findPatch(pid).orElseThrow(() -> ApiProblem.notFound("no patch " + pid));
            boolean withLink = !"false".equalsIgnoreCase(link == null ? "" : link.strip());
            Mboxes.Mbox mbox = mboxes.forGitAm(List.of(p), withLink, Boolean.TRUE.equals(Filters.bool("base", base)));
            return Mboxes.response(mbox, "patch-" + p.id + ".mbox");
        });
    }
}
