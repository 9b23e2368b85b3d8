package dev.patchtrack.api.patchwork;

import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.api.ApiProblem;
import dev.patchtrack.api.Filters;
import dev.patchtrack.api.Ids;
import dev.patchtrack.api.KnownValues;
import dev.patchtrack.api.Paging;
import dev.patchtrack.api.Params;
import dev.patchtrack.api.PatchChecks;
import dev.patchtrack.api.RequiresToken;
import dev.patchtrack.api.dto.patchwork.PwCheckInfo;
import dev.patchtrack.api.dto.patchwork.PwCommentInfo;
import dev.patchtrack.api.dto.patchwork.PwPatchInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.query.SearchQuery;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.store.ItemSearch;
import dev.patchtrack.store.SeriesLookups.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Patchwork's patches: listed with its filters, one patch with its headers, content and diff, its
 * comments (replies) and checks, and the writes its clients make: a state (an override here) and a
 * check.
 */
@Path("/api/1.3/patches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patchwork 1.3")
public class PatchworkPatchResource {

    static final List<String> ORDER = List.of("id", "name", "date", "state");
    static final List<String> WRITABLE = List.of("state", "commit_ref", "archived", "delegate");
    static final List<String> CHECK_FIELDS = List.of("state", "target_url", "context", "description");

    @Inject
    PatchworkService service;

    @Inject
    PatchChecks patchChecks;

    @Inject
    PatchtrackConfig config;

    @GET
    @Operation(summary = "Patchwork patches, filtered; oldest first unless order says otherwise")
    public Response list(@BeanParam PatchworkQuery query,
                         @Parameter(description = "series (revision ids), repeated") @QueryParam("series") List<String> series,
                         @Parameter(description = "delegates: patchtrack has none, so any value is refused")
                         @QueryParam("delegate") List<String> delegate,
                         @Parameter(description = "Patchwork states, repeated: new, under-review (also reviewed), reviewed,"
                                 + " changes-requested, accepted, superseded, rejected, rfc (RFC postings), not-applicable,"
                                 + " awaiting-upstream, deferred (never)") @QueryParam("state") List<String> state,
                         @Parameter(description = "true: only archived patches (there are none); false: all")
                         @QueryParam("archived") String archived,
                         @Parameter(description = "the stable patch-id of the diff (git patch-id --stable)")
                         @QueryParam("hash") String hash,
                         @Parameter(description = "a Message-ID") @QueryParam("msgid") String msgid,
                         @Context UriInfo uri) {
        Paging paging = query.paging(config);
        PatchworkParams.Order o = PatchworkParams.order(query.order, ORDER, "id");
        if (!Filters.values(delegate).isEmpty()) {
            throw ApiProblem.badParameter("delegate", "patchtrack has no delegates: patches are not assigned to anyone");
        }
        Boolean arch = Filters.bool("archived", archived);
        List<String> names = Filters.values(state);
        for (String s : names) {
            if (!PatchworkStates.known(s)) {
                throw ApiProblem.badParameter("state", KnownValues.unknown("state", s, PatchworkStates.NAMES));
            }
        }
        boolean rfc = names.stream().map(PatchworkStates::slug).anyMatch("rfc"::equals);
        if (rfc && names.size() > 1) {
            throw ApiProblem.badParameter("state", "rfc is a flag here, not a state: ask for state=rfc alone");
        }
        List<ReviewState> states = PatchworkStates.states(names);
        if ((!names.isEmpty() && !rfc && states.isEmpty()) || Boolean.TRUE.equals(arch)) {
            return PatchworkParams.page(List.of(), 0, paging, uri);
        }
        List<SearchQuery.Node> terms = new ArrayList<>();
        PatchworkParams.words(query.q).forEach(w -> terms.add(new SearchQuery.Term(SearchQuery.Field.SUBJECT, w)));
        String mid = PatchworkParams.msgid(msgid);
        if (mid != null) {
            terms.add(new SearchQuery.Term(SearchQuery.Field.MESSAGE_ID, mid));
        }
        if (hash != null && !hash.isBlank()) {
            terms.add(new SearchQuery.Term(SearchQuery.Field.PATCH_ID, PatchworkParams.lower(hash)));
        }
        ItemSearch.Filter f = new ItemSearch.Filter(service.listNames(Filters.values(query.project)), List.of(), states,
                List.of(), query.since(), query.before(), List.of(), rfc ? Boolean.TRUE : null,
                terms.isEmpty() ? null : terms.size() == 1 ? terms.get(0) : new SearchQuery.And(terms),
                PatchworkParams.ids("series", series), service.people(Filters.values(query.submitter)));
        Page<PwPatchInfo> found = service.patches(f, new ItemSearch.Order(o.key().equals("name") ? "subject" : o.key(),
                o.descending()), paging.page(), paging.perPage(), PatchworkParams.urls(uri));
        return PatchworkParams.page(found.items(), found.total(), paging, uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One Patchwork patch, with its headers, commit message, diff and subject prefixes")
    public PwPatchInfo get(@Parameter(description = "the patch id") @PathParam("id") String id, @Context UriInfo uri) {
        return service.patch(Ids.parse("id", id), PatchworkParams.urls(uri));
    }

    @PATCH
    @Path("{id}")
    @RequiresToken
    @SecurityRequirement(name = "bearer")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update a patch as git-pw does (a form, or JSON): state becomes an override (token)")
    public PwPatchInfo patch(@Parameter(description = "the patch id") @PathParam("id") String id, String body,
                             @Context HttpHeaders headers, @Context UriInfo uri) {
        return update(id, PatchworkParams.body(body, headers.getMediaType()),
                headers.getHeaderString(HttpHeaders.USER_AGENT), uri);
    }

    @PUT
    @Path("{id}")
    @RequiresToken
    @SecurityRequirement(name = "bearer")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update a patch (as PATCH) (token)")
    public PwPatchInfo put(@Parameter(description = "the patch id") @PathParam("id") String id, String body,
                           @Context HttpHeaders headers, @Context UriInfo uri) {
        return patch(id, body, headers, uri);
    }

    private PwPatchInfo update(String id, Map<String, ?> body, String agent, UriInfo uri) {
        long pid = Ids.parse("id", id);
        Map<String, String> f = PatchworkParams.fields(body, WRITABLE);
        if (f.get("delegate") != null && !f.get("delegate").isBlank()) {
            throw ApiProblem.badParameter("delegate", "patchtrack has no delegates: patches are not assigned to anyone");
        }
        if (Boolean.TRUE.equals(Filters.bool("archived", f.get("archived")))) {
            throw ApiProblem.badParameter("archived", "patchtrack does not archive patches; a state says where one stands");
        }
        String state = f.get("state");
        if (state == null || state.isBlank()) {
            if (f.get("commit_ref") != null) {
                throw ApiProblem.badParameter("commit_ref", "commit_ref is kept with a state: give state too (accepted)");
            }
            return service.patch(pid, PatchworkParams.urls(uri));
        }
        ReviewState settable = PatchworkStates.known(state) ? PatchworkStates.settable(state) : null;
        if (settable == null) {
            throw ApiProblem.badParameter("state", "'" + Params.clip(state) + "' cannot be set here; states that can: "
                    + String.join(", ", PatchworkStates.settableNames()));
        }
        return service.update(pid, settable, f.get("commit_ref"), PatchworkParams.client(agent), PatchworkParams.urls(uri));
    }

    @GET
    @Path("{id}/comments")
    @Operation(summary = "The replies to a patch, oldest first")
    public List<PwCommentInfo> comments(@Parameter(description = "the patch id") @PathParam("id") String id,
                                        @Context UriInfo uri) {
        return service.comments(Ids.parse("id", id), PatchworkParams.urls(uri));
    }

    @GET
    @Path("{id}/checks")
    @Operation(summary = "The checks (CI results) on a patch, oldest first")
    public Response checks(@Parameter(description = "the patch id") @PathParam("id") String id,
                           @BeanParam PatchworkPaging pages, @Context UriInfo uri) {
        Paging paging = pages.paging(config);
        Page<PwCheckInfo> found = service.checks(Ids.parse("id", id), paging.page(), paging.perPage(),
                PatchworkParams.urls(uri));
        return PatchworkParams.page(found.items(), found.total(), paging, uri);
    }

    @GET
    @Path("{id}/checks/{check}")
    @Operation(summary = "One check on a patch")
    public PwCheckInfo check(@Parameter(description = "the patch id") @PathParam("id") String id,
                             @Parameter(description = "the check id") @PathParam("check") String check,
                             @Context UriInfo uri) {
        return service.check(Ids.parse("id", id), Ids.parse("check", check), PatchworkParams.urls(uri));
    }

    @POST
    @Path("{id}/checks")
    @RequiresToken
    @SecurityRequirement(name = "bearer")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Operation(summary = "Add a check to a patch (a form, or JSON: state, context, target_url, description) (token)")
    public Response addCheck(@Parameter(description = "the patch id") @PathParam("id") String id, String body,
                             @Context HttpHeaders headers, @Context UriInfo uri) {
        return record(id, PatchworkParams.body(body, headers.getMediaType()),
                headers.getHeaderString(HttpHeaders.USER_AGENT), uri);
    }

    private Response record(String id, Map<String, ?> body, String agent, UriInfo uri) {
        long pid = Ids.parse("id", id);
        Map<String, String> f = PatchworkParams.fields(body, CHECK_FIELDS);
        PatchChecks.NewCheck check = PatchChecks.validate(f.get("state"), f.get("context"), f.get("target_url"),
                f.get("description"));
        long checkId = patchChecks.add(pid, check, PatchworkParams.client(agent)).id();
        PwCheckInfo c = service.check(pid, checkId, PatchworkParams.urls(uri));
        return Response.status(201).entity(c).header("Location", c.url()).build();
    }
}
