package dev.patchtrack.api;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.stream.Collectors;

/**
 * The request's URI and the service's base for links in answers. An HTTP/1.0 request may come without
 * a Host header; then the server cannot name itself and the framework's absolute URIs are missing, so
 * links are written relative to this server ({@code /api/series?page=2}) instead of failing.
 */
public final class RequestUris {

    private RequestUris() {
    }

    /** A builder on the request's URI, query included. */
    public static UriBuilder request(UriInfo uri) {
        try {
            return uri.getRequestUriBuilder();
        } catch (RuntimeException noHost) {
            String query = uri.getQueryParameters().entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                    .collect(Collectors.joining("&"));
            return UriBuilder.fromPath("").replacePath(uri.getPath()).replaceQuery(query.isEmpty() ? null : query);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The request's URI. */
    public static URI requestUri(UriInfo uri) {
        return request(uri).build();
    }

    /** The service's base URI ({@code http://host:port/}, or {@code /} when the request named no host). */
    public static URI base(UriInfo uri) {
        try {
            return uri.getBaseUri();
        } catch (RuntimeException noHost) {
            return URI.create("/");
        }
    }
}
