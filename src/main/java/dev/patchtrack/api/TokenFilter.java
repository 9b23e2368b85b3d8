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
 * Checks the token of writes: {@code Authorization: Bearer <token>}, or {@code Token <token>} as
 * Patchwork's clients (git-pw, pwclient) send it; the same tokens either way. Tokens are compared in
 * constant time and never logged: a refusal says only what was wrong (missing, malformed, not
 * accepted), with a WWW-Authenticate challenge.
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
            ctx.abortWith(refusal(401, "Unauthorized", "this request needs Authorization: Bearer <token>",
                    "Bearer realm=\"patchtrack\"", ctx));
            return;
        }
        String token = token(header);
        if (token == null) {
            ctx.abortWith(refusal(401, "Unauthorized", "the Authorization header must be: Bearer <token> (or Token <token>)",
                    "Bearer realm=\"patchtrack\", error=\"invalid_request\"", ctx));
            return;
        }
        if (!accepted(token, config.get().apiTokens().orElse(List.of()))) {
            ctx.abortWith(refusal(403, "Forbidden", "the token is not accepted",
                    "Bearer realm=\"patchtrack\", error=\"invalid_token\"", ctx));
        }
    }

    /** The token of {@code Bearer <token>} or {@code Token <token>}, null for any other scheme. */
    static String token(String header) {
        for (String scheme : List.of("Bearer ", "Token ")) {
            if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return header.substring(scheme.length()).strip();
            }
        }
        return null;
    }

    /**
     * Whether {@code given} is one of {@code tokens}. Both sides are hashed first, so the comparison
     * takes the same time whatever the length of the token given or how much of it matches, and
     * every configured token is compared whatever matched before.
     */
    static boolean accepted(String given, List<String> tokens) {
        byte[] g = sha256(given);
        boolean ok = false;
        for (String token : tokens) {
            if (token.isBlank()) {
                continue;
            }
            ok |= MessageDigest.isEqual(g, sha256(token.strip()));
        }
        return ok;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    private static jakarta.ws.rs.core.Response refusal(int status, String title, String detail, String challenge,
                                                       ContainerRequestContext ctx) {
        return jakarta.ws.rs.core.Response.fromResponse(
                        ProblemMappers.problem(status, title, detail, null, ctx.getUriInfo().getPath()))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
