package dev.patchtrack.api;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.store.DataVersion;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * Conditional GET for every read. The validators come from the data version (one counter that every
 * write moves), not from the body: ETag is a hash of that version, the request's path and query, and
 * what it accepts; Last-Modified is when the version last moved. A request whose If-None-Match or
 * If-Modified-Since still holds is answered 304 here, before the resource runs, so polling costs
 * neither a query (the version is cached for about a second) nor a rendered body. A request without
 * validators whose answer was rendered already for the same ETag gets those bytes again
 * ({@link ResponseCache}).
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class ConditionalGet implements ContainerRequestFilter, ContainerResponseFilter {

    static final String API_VERSION = "1";
    private static final String ETAG_PROPERTY = ConditionalGet.class.getName() + ".etag";
    private static final String MODIFIED_PROPERTY = ConditionalGet.class.getName() + ".modified";
    /** Set on a 200 whose bytes {@link ResponseCacheWriter} keeps under this ETag. */
    static final String CACHE_KEY = ConditionalGet.class.getName() + ".cache";
    private static final String REPLAYED = ConditionalGet.class.getName() + ".replayed";
    /**
     * What an answer depends on besides its URL: with CORS for listed origins (patchtrack.cors.origins)
     * the Access-Control-Allow-Origin it carries too, so no cache hands one origin's answer to another.
     */
    private static volatile String vary;

    /** Read at the first request: the filter is built before the runtime configuration exists. */
    static String vary() {
        if (vary == null) {
            var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            boolean listed = config.getOptionalValue("quarkus.http.cors.enabled", Boolean.class).orElse(false)
                    && !config.getOptionalValue("quarkus.http.cors.origins", String.class).orElse("*").strip().equals("*");
            vary = listed ? "Accept, Origin" : "Accept";
        }
        return vary;
    }

    // Filters are built at static init, before runtime configuration exists: look beans up per request.
    @Inject
    Instance<DataVersion> dataVersion;

    @Inject
    Instance<PatchtrackConfig> config;

    @Inject
    Instance<ResponseCache> cache;

    @Override
    public void filter(ContainerRequestContext req) {
        if (!reading(req.getMethod()) || unversioned(req.getUriInfo().getPath())) {
            return; // never 304 nor replayed: see unversioned
        }
        DataVersion.Snapshot v = dataVersion.get().current();
        String etag = etag(v.version(), ApiVersions.originalUri(req), req.getHeaderString(HttpHeaders.ACCEPT));
        req.setProperty(ETAG_PROPERTY, etag);
        req.setProperty(MODIFIED_PROPERTY, v.changedAt());
        String inm = req.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean notModified = inm != null ? matches(inm, etag)
                : notModifiedSince(req.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), v.changedAt());
        if (notModified) {
            Response.ResponseBuilder rb = Response.notModified();
            validators(rb, etag, v.changedAt(), cacheControl(req.getUriInfo().getPath()));
            req.abortWith(rb.build());
            return;
        }
        ResponseCache.Entry hit = "GET".equals(req.getMethod()) && inm == null ? cache.get().get(etag) : null;
        if (hit != null) {
            // the same data, URL and Accept were rendered already: the same bytes again
            Response.ResponseBuilder rb = Response.ok(hit.body(), hit.contentType());
            hit.headers().forEach(rb::header);
            req.setProperty(REPLAYED, Boolean.TRUE);
            req.abortWith(rb.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        MultivaluedMap<String, Object> h = res.getHeaders();
        String path = req.getUriInfo().getPath();
        if (path.startsWith("/api")) {
            h.putSingle("API-Version", API_VERSION);
            if (ApiVersions.versioned(req) && h.containsKey("Link")) {
                h.putSingle("Link", ApiVersions.versionLinks(String.valueOf(h.getFirst("Link"))));
            }
        }
        if (res.getStatus() == 304) {
            return;
        }
        Object etag = req.getProperty(ETAG_PROPERTY);
        if (!reading(req.getMethod()) || res.getStatus() >= 300 || etag == null) {
            h.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            return;
        }
        if (anyTag(req.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
            // "*" holds only if there is something: known only now, after the resource answered 200
            res.setStatus(304);
            res.setEntity(null);
        }
        h.putSingle(HttpHeaders.ETAG, etag);
        h.putSingle(HttpHeaders.LAST_MODIFIED, httpDate((Instant) req.getProperty(MODIFIED_PROPERTY)));
        h.putSingle(HttpHeaders.VARY, vary());
        if (!h.containsKey(HttpHeaders.CACHE_CONTROL)) {
            h.putSingle(HttpHeaders.CACHE_CONTROL, cacheControl(path));
        }
        if (res.getStatus() == 200 && "GET".equals(req.getMethod()) && req.getProperty(REPLAYED) == null
                && String.valueOf(h.getFirst(HttpHeaders.CACHE_CONTROL)).startsWith("public")) {
            req.setProperty(CACHE_KEY, etag);
        }
    }

    /**
     * What the data version does not describe: a stream (it has no version), and webhook subscriptions
     * (they change without new mail, and each token sees its own: an answer for one token must never be
     * replayed to another).
     */
    static boolean unversioned(String path) {
        return path.endsWith("/events/stream") || path.startsWith("/api/webhooks");
    }

    private static boolean reading(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static void validators(Response.ResponseBuilder rb, String etag, Instant modified, String cacheControl) {
        rb.header(HttpHeaders.ETAG, etag).header(HttpHeaders.LAST_MODIFIED, httpDate(modified))
                .header(HttpHeaders.VARY, vary()).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header("API-Version", API_VERSION);
    }

    /**
     * Lists and details may be reused for a few seconds; the event log and what reports on the workers
     * are always revalidated (cheaply: that is what the validators are for).
     */
    String cacheControl(String path) {
        if (path.startsWith("/api/events") || path.startsWith("/api/sources") || path.startsWith("/api/lwn")
                || path.startsWith("/api/trees")) {
            return "no-cache";
        }
        return "public, max-age=" + config.get().api().cacheMaxAge().toSeconds();
    }

    /** A weak validator: equal for the same data, URL and Accept, whatever the encoding. */
    static String etag(long version, String uri, String accept) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((version + "\n" + uri + "\n" + (accept == null ? "" : accept)).getBytes(StandardCharsets.UTF_8));
            return "W/\"" + version + "-" + HexFormat.of().formatHex(md.digest(), 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * If-None-Match: a list of (weak or strong) tags, compared weakly (RFC 9110 13.1.2). {@code *} is
     * left to the response, since it holds only when the resource exists.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        String mine = opaque(etag);
        for (String t : ifNoneMatch.split(",")) {
            if (opaque(t.strip()).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyTag(String ifNoneMatch) {
        return ifNoneMatch != null && ifNoneMatch.strip().equals("*");
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    static boolean notModifiedSince(String ifModifiedSince, Instant modified) {
        if (ifModifiedSince == null || ifModifiedSince.isBlank()) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !modified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // RFC 9110: an invalid date is ignored
        }
    }

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);

    static String httpDate(Instant t) {
        return HTTP_DATE.format(t.atOffset(ZoneOffset.UTC));
    }
}
