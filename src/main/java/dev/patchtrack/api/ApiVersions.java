package dev.patchtrack.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * {@code /api/v1/...} is the stable, documented path; {@code /api/...} names the current version (today
 * the same). A request to {@code /api/v1/x} is routed to {@code /api/x} before the REST layer sees it,
 * keeping what was asked for so that Link headers and validators speak of the path the client used.
 */
@ApplicationScoped
public class ApiVersions {

    static final String PREFIX = "/api/v1";
    private static final String ORIGINAL = "patchtrack.original-uri";
    private static final Pattern LINK_TARGET = Pattern.compile("(<[^>]*?)/api/(?!v1/)");

    void install(@Observes Router router) {
        // right after RequestLineGuard, so that a broken escape is refused first
        router.route().order(Integer.MIN_VALUE + 1).handler(this::route);
    }

    void route(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (ctx.get(ORIGINAL) == null && (uri.startsWith(PREFIX + "/") || uri.equals(PREFIX) || uri.startsWith(PREFIX + "?"))) {
            ctx.put(ORIGINAL, uri);
            String rest = uri.substring(PREFIX.length());
            ctx.reroute("/api" + (rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest));
            return;
        }
        ctx.next();
    }

    /** The path and query as the client sent them. */
    static String originalUri(ContainerRequestContext req) {
        RoutingContext rc = routing(req);
        if (rc == null) {
            return req.getUriInfo().getPath();
        }
        String original = rc.get(ORIGINAL);
        return original != null ? original : rc.request().uri();
    }

    /** Whether the client asked through {@code /api/v1}. */
    static boolean versioned(ContainerRequestContext req) {
        RoutingContext rc = routing(req);
        return rc != null && rc.get(ORIGINAL) != null;
    }

    /** Link targets as the client would write them: {@code /api/x} becomes {@code /api/v1/x}. */
    static String versionLinks(String link) {
        Matcher m = LINK_TARGET.matcher(link);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + PREFIX + "/"));
    }

    private static RoutingContext routing(ContainerRequestContext req) {
        if (req instanceof ResteasyReactiveContainerRequestContext r
                && r.getServerRequestContext() instanceof ResteasyReactiveRequestContext c) {
            return c.serverRequest().unwrap(RoutingContext.class);
        }
        return null;
    }
}
