package dev.patchtrack.api;

import dev.patchtrack.config.PatchtrackConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks the bearer token of writes. Tokens are compared in constant time and never logged: a
 * refusal says only what was wrong (missing, malformed, not accepted).
 */
@Provider
@RequiresToken
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {

    // Filters are built at static init, before runtime configuration exists: look it up per request.
    @Inject
    Instance<PatchtrackConfig> config;

    @Override
    public void filter(ContainerRequestContext ctx) {
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            ctx.abortWith(ProblemMappers.problem(401, "Unauthorized",
                    "this request needs Authorization: Bearer <token>", null, ctx.getUriInfo().getPath()));
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.abortWith(ProblemMappers.problem(401, "Unauthorized",
                    "the Authorization header must be: Bearer <token>", null, ctx.getUriInfo().getPath()));
            return;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String token : config.get().apiTokens().orElse(List.of())) {
            if (token.isBlank()) {
                continue;
            }
            // Every configured token is compared, whatever matched, so timing says nothing.
            ok |= MessageDigest.isEqual(given, token.strip().getBytes(StandardCharsets.UTF_8));
        }
        if (!ok) {
            ctx.abortWith(ProblemMappers.problem(403, "Forbidden", "the token is not accepted", null,
                    ctx.getUriInfo().getPath()));
        }
    }
}
