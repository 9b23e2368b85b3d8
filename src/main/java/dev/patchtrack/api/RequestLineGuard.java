package dev.patchtrack.api;

import dev.patchtrack.config.PatchtrackConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Request lines keep raw characters such as the angle brackets of a pasted Message-ID (URI
 * validation is off for that, see PatchtrackMain), so this guard looks at every request before
 * routing: what cannot be read at all (a broken percent escape, a control character, a Host header
 * that names no host) is a 400 problem; raw bytes beyond ASCII (curl sends typed text as it is) are
 * percent-encoded, as a browser would, so that everything after sees a valid URI; the service's own
 * endpoints under {@code /q/} answer GET and HEAD only (405 otherwise).
 */
@ApplicationScoped
public class RequestLineGuard {

    private static final String BAD_ESCAPE = problem(400, "Bad request", "the request path or query has a broken percent escape");
    private static final String CONTROL = problem(400, "Bad request",
            "the request path or query holds a control character; percent-encode it");
    private static final String BAD_HOST = problem(400, "Bad request", "the Host header does not name a host (name or address, and a port)");
    private static final String READ_ONLY = problem(405, "Method not allowed", "this endpoint answers GET and HEAD only");

    @Inject
    PatchtrackConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    /**
     * A request Vert.x could not take in (before any handler of ours ran: a Host header it cannot read)
     * gets a problem like any other bad request, not the framework's error page.
     */
    void failed(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (ctx.response().headWritten() || !(t instanceof io.vertx.core.VertxException) || t.getMessage() == null
                || !t.getMessage().contains("'Host' header")) {
            ctx.next();
            return;
        }
        refuse(ctx, 400, BAD_HOST);
    }

    void check(RoutingContext ctx) {
        ctx.response().putHeader("X-Content-Type-Options", "nosniff");
        String uri = ctx.request().uri();
        if (brokenEscape(uri)) {
            refuse(ctx, 400, BAD_ESCAPE);
            return;
        }
        if (control(uri)) {
            refuse(ctx, 400, CONTROL);
            return;
        }
        if (!validHost(ctx.request().getHeader(HttpHeaders.HOST))) {
            refuse(ctx, 400, BAD_HOST);
            return;
        }
        String path = ctx.request().path();
        if (path != null && (path.equals("/q") || path.startsWith("/q/")) && ctx.request().method() != HttpMethod.GET
                && ctx.request().method() != HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            refuse(ctx, 405, READ_ONLY);
            return;
        }
        if (beyondAscii(uri)) {
            ctx.reroute(ctx.request().method(), encodeBeyondAscii(uri));
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

    private static void refuse(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON).end(body);
    }

    static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }

    /** A C0 control character or DEL (Vert.x hands the request line over byte for byte, as ISO-8859-1). */
    static boolean control(String uri) {
        return uri != null && uri.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    static boolean beyondAscii(String uri) {
        return uri != null && uri.chars().anyMatch(c -> c >= 0x80);
    }

    /** Each byte beyond ASCII as its percent escape: the UTF-8 that curl sent, now in a valid URI. */
    static String encodeBeyondAscii(String uri) {
        StringBuilder b = new StringBuilder(uri.length() + 16);
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c >= 0x80) {
                b.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A Host header a URI could carry: a name or IPv4 address, or [IPv6], then an optional port. */
    static boolean validHost(String host) {
        if (host == null) {
            return true; // HTTP/1.0: Vert.x answers without one
        }
        return HOST.matcher(host).matches();
    }

    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62})?(?:\\.[A-Za-z0-9_-]{1,63})*\\.?|\\[[0-9A-Fa-f:.]{2,45}(?:%[A-Za-z0-9._~-]+)?\\])"
                    + "(?::[0-9]{1,5})?");

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
