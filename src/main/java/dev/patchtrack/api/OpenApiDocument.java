package dev.patchtrack.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * The OpenAPI document names the stable, versioned paths ({@code /api/v1/...}) and states the
 * versioning policy; {@code /api/...} keeps answering as the current version.
 */
public class OpenApiDocument implements OASFilter {

    static final String POLICY = "Rust work in the Linux kernel, followed through the mailing lists.\n\n"
            + "**Versions.** `/api/v1/...` is version 1 of this API and stays compatible: fields and endpoints may be"
            + " added, none is removed or changes meaning. A change that would break a client gets `/api/v2/...`, and"
            + " v1 keeps answering alongside it. `/api/...` without a version is the current version (today v1). Every"
            + " response carries `API-Version`.\n\n"
            + "**Caching.** Every GET carries `ETag` and `Last-Modified`; send them back as `If-None-Match` or"
            + " `If-Modified-Since` and an unchanged answer is `304 Not Modified` without a body.\n\n"
            + "**Errors** are `application/problem+json` (RFC 9457), naming the parameter at fault.\n\n"
            + "**Writes** need `Authorization: Bearer <token>`: 401 without one, 403 with one not accepted.\n\n"
            + "**Patchwork.** `/api/1.3/...` is Patchwork's REST API 1.3 for git-pw and pwclient (a Patchwork series is"
            + " a revision, a project a list; writes also take `Authorization: Token <token>`).";

    static final String PATCHWORK = "/api/1.3";

    private static void refusal(Operation op, String status, String description, String detail) {
        if (op.getResponses().hasAPIResponse(status)) {
            return;
        }
        String example = "{\"type\":\"about:blank\",\"title\":\"" + (status.equals("401") ? "Unauthorized" : "Forbidden")
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"instance\":\"/api/series/42/state\"}";
        op.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemMappers.PROBLEM_JSON, OASFactory.createMediaType()
                        .addExample("problem", OASFactory.createExample().value(example)))));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null) {
            openAPI.getInfo().setVersion(ConditionalGet.API_VERSION);
            openAPI.getInfo().setDescription(POLICY);
        }
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        Map<String, PathItem> items = new LinkedHashMap<>(paths.getPathItems());
        for (PathItem item : items.values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getSecurity() != null && !op.getSecurity().isEmpty() && op.getResponses() != null) {
                    refusal(op, "401", "no token, or not a Bearer one", "this request needs Authorization: Bearer <token>");
                    refusal(op, "403", "the token is not accepted", "the token is not accepted");
                }
            }
        }
        for (Map.Entry<String, PathItem> e : items.entrySet()) {
            // the Patchwork-compatible API keeps Patchwork's own versioned paths
            if (e.getKey().startsWith("/api/") && !e.getKey().startsWith(PATCHWORK)) {
                paths.removePathItem(e.getKey());
                paths.addPathItem(ApiVersions.PREFIX + e.getKey().substring(4), e.getValue());
            }
        }
    }
}
