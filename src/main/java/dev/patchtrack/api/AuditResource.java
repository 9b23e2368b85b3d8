package dev.patchtrack.api;

import dev.patchtrack.api.dto.AuditFindingInfo;
import dev.patchtrack.api.dto.AuditInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.audit.AuditKind;
import dev.patchtrack.ingest.AuditService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Derivations a maintainer should doubt, each with the messages involved. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    PatchtrackConfig config;

    @GET
    @Operation(summary = "Derivations to doubt: revisions with no patches, patch versions that disagree with the cover"
            + " letter, series with several authors, heuristic links across a long gap, Message-IDs received with"
            + " different bytes, patches in no revision",
            description = "counts has every kind, whatever kind asks for; total and the pages count the findings of"
                    + " the kinds asked for. Kinds: " + "revision-without-patches, version-disagrees, several-authors,"
                    + " long-heuristic-gap, duplicate-message-id, patch-without-revision.")
    @APIResponse(responseCode = "200", description = "the counts and one page of findings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "400", description = "an unknown kind, or page/per_page out of range",
            content = @Content(mediaType = ProblemMappers.PROBLEM_JSON))
    public Response get(@Parameter(description = "kinds, repeated or comma-separated; default every kind",
                                example = "duplicate-message-id") @QueryParam("kind") List<String> kind,
                        @Parameter(description = "page number, from 1", example = "1") @QueryParam("page") String page,
                        @Parameter(description = "findings per page", example = "50") @QueryParam("per_page") String perPage,
                        @Context UriInfo uri) {
        Set<AuditKind> kinds = kinds(kind);
        Paging paging = Paging.of(page, perPage, config.api());
        AuditService.Report report = audit.run(kinds);
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.counts().forEach((k, n) -> counts.put(k.wireName(), n));
        int total = report.findings().size();
        int from = (int) Math.min(total, (long) (paging.page() - 1) * paging.perPage());
        int to = Math.min(total, from + paging.perPage());
        List<AuditFindingInfo> items = report.findings().subList(from, to).stream()
                .map(f -> new AuditFindingInfo(f.kind().wireName(), f.seriesId(), f.revisionId(), f.summary(),
                        f.messageIds(), f.seriesId() != null ? "/api/series/" + f.seriesId()
                                : f.messageIds().isEmpty() ? null : "/api/messages/" + f.messageIds().get(0)))
                .toList();
        return paging.headers(Response.ok(new AuditInfo(counts, total, paging.page(), paging.perPage(), items)), uri,
                total).build();
    }

    /** The kinds asked for; none: every kind. An unknown one is a 400 naming the valid ones. */
    static Set<AuditKind> kinds(List<String> raw) {
        Set<AuditKind> out = EnumSet.noneOf(AuditKind.class);
        for (String v : Filters.values(raw)) {
            out.add(AuditKind.fromWire(v).orElseThrow(() -> ApiProblem.badParameter("kind", "unknown kind '"
                    + Params.clip(v) + "'; kinds are " + String.join(", ", AuditKind.wireNames()))));
        }
        return out;
    }
}
