package dev.patchtrack.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Request lines keep raw characters such as the angle brackets of a pasted Message-ID (URI
 * validation is off for that, see PatchtrackMain), so this guard refuses what cannot be decoded at
 * all, a broken percent escape, with a problem before routing would fail on it.
 */
@ApplicationScoped
public class RequestLineGuard {

    private static final String BAD_ESCAPE = "{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,"
            + "\"detail\":\"the request path or query has a broken percent escape\"}";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext ctx) {
        if (brokenEscape(ctx.request().uri())) {
            ctx.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                    .end(BAD_ESCAPE);
            return;
        }
        ctx.next();
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
