package dev.patchtrack.api;

import dev.patchtrack.config.PatchtrackConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Request lines keep raw characters such as the angle brackets of a pasted Message-ID (URI
 * validation is off for that, see PatchtrackMain), so this guard refuses what cannot be decoded at
 * all, a broken percent escape, with a problem before routing would fail on it.
 */
@ApplicationScoped
public class RequestLineGuard {

    private static final String BAD_ESCAPE = "{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,"
            + "\"detail\":\"the request path or query has a broken percent escape\"}";

    @Inject
    PatchtrackConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext ctx) {
        ctx.response().putHeader("X-Content-Type-Options", "nosniff");
        if (brokenEscape(ctx.request().uri())) {
            ctx.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                    .end(BAD_ESCAPE);
            return;
        }
        long limit = bodyLimit(ctx.request().path());
        long announced = contentLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (announced > limit) {
            // the body is never read: close the connection rather than drain it
            ctx.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(tooLarge(limit));
            return;
        }
        ctx.next();
    }

    /** The largest body a request to {@code path} may carry. */
    long bodyLimit(String path) {
        return path != null && path.startsWith("/api/import") ? config.imports().maxUploadBytes()
                : config.api().maxRequestBytes();
    }

    static String tooLarge(long limit) {
        return "{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
                + "\"detail\":\"the request body is larger than the limit of " + limit + " bytes\"}";
    }

    /** The Content-Length header as a number; an unreadable one counts as too large. */
    static long contentLength(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A {@code %} not followed by two hex digits. */
    static boolean brokenEscape(String uri) {
        if (uri == null) {
            return false;
        }
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
            if (i + 2 >= uri.length() || !hex(uri.charAt(i + 1)) || !hex(uri.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
