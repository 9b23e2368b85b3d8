package dev.patchtrack.api.text;

import dev.patchtrack.api.ProblemMappers;
import dev.patchtrack.api.dto.ProblemInfo;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Text for curl users, for every {@code /api} resource at once. A request that prefers {@code text/plain}
 * (alone, or by q-value over JSON) or says {@code ?format=text} is marked before matching and asks the
 * resource for JSON as usual; the response's record is then rendered by {@link TextRenderer}. Errors come
 * out as one line. Mail (a message's raw, a series' mbox) with {@code ?format=text} is shown with its
 * control and bidi characters made visible; otherwise (Accept included) it stays byte for byte, for
 * {@code git am}. {@code ?format=json} forces JSON; any other format is refused. {@code ?width=N}
 * (40 to 400, default 100) sets the terminal width.
 */
@Provider
@PreMatching
public class TextFormat implements ContainerRequestFilter, ContainerResponseFilter {

    static final String WIDTH = TextFormat.class.getName() + ".width";
    /** Set when {@code ?format=text} asked for text by name (not only by Accept). */
    static final String NAMED = TextFormat.class.getName() + ".named";
    static final MediaType TEXT = new MediaType("text", "plain", "UTF-8");

    /** The query parameters the text view reads, on every path it {@link #covers}. */
    public static final java.util.Set<String> PARAMETERS = java.util.Set.of("format", "width");

    /** Whether a path gets the text view: every {@code /api} endpoint but the Patchwork-compatible ones. */
    public static boolean covers(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith("api/") && !p.startsWith("api/1.3/") && !p.equals("api/1.3");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!covers(path)) {
            return;
        }
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        boolean text;
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (!f.equals("text") && !f.equals("json")) {
                request.abortWith(ProblemMappers.problem(400, "Bad parameter",
                        "format must be text or json, not '" + clip(format) + "'", "format", path));
                return;
            }
            text = f.equals("text");
            request.setProperty(NAMED, text);
            if (!text) {
                request.getHeaders().putSingle(HttpHeaders.ACCEPT, "application/json, */*;q=0.1");
                return;
            }
        } else {
            text = prefersText(request.getHeaders().get(HttpHeaders.ACCEPT));
        }
        if (!text) {
            return;
        }
        int width = TextRenderer.DEFAULT_WIDTH;
        String w = request.getUriInfo().getQueryParameters().getFirst("width");
        if (w != null && !w.isBlank()) {
            try {
                width = Integer.parseInt(w.strip());
            } catch (NumberFormatException e) {
                width = -1;
            }
            if (width < 40 || width > 400) {
                request.setProperty(WIDTH, TextRenderer.DEFAULT_WIDTH);
                request.abortWith(ProblemMappers.problem(400, "Bad parameter",
                        "width must be a number of columns from 40 to 400, not '" + clip(w) + "'", "width", path));
                return;
            }
        }
        request.setProperty(WIDTH, width);
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, "application/json, */*;q=0.1");
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object width = request.getProperty(WIDTH);
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        if (width instanceof Integer && Boolean.TRUE.equals(request.getProperty(NAMED)) && mail(type)
                && (entity instanceof byte[] || entity instanceof String)) {
            // the raw mail or an mbox, asked for as text: for reading, with what could rewrite the terminal shown
            String mail = entity instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : (String) entity;
            response.setEntity(TextWidth.visible(mail), null, TEXT);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, TEXT.toString());
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            return;
        }
        if (width instanceof Integer && entity instanceof dev.patchtrack.api.JsonDocument d) {
            entity = d.record().get(); // a kept document: text renders the record it was written from
        }
        if (!(width instanceof Integer w) || entity == null || entity instanceof String || entity instanceof byte[]
                || entity instanceof InputStream) {
            return;
        }
        if (type != null && !type.getSubtype().endsWith("json")) {
            return;
        }
        java.util.Set<String> topics = new java.util.HashSet<>();
        for (String v : request.getUriInfo().getQueryParameters().getOrDefault("topic", List.of())) {
            for (String t : v.split(",")) {
                if (!t.isBlank()) {
                    topics.add(t.strip());
                }
            }
        }
        String base = dev.patchtrack.api.RequestUris.base(request.getUriInfo()).toString();
        response.setEntity(new TextRenderer(w, base, topics).render(entity), null, TEXT);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, TEXT.toString());
        if (entity instanceof ProblemInfo) {
            response.setStatus(((ProblemInfo) entity).status());
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /** Mail bytes: a message as received, or an mbox for git am. */
    static boolean mail(MediaType type) {
        return type != null && (type.isCompatible(MediaType.valueOf("message/rfc822"))
                || type.isCompatible(MediaType.valueOf("application/mbox")));
    }

    /** True when {@code text/plain} (or {@code text/*}) is acceptable and beats every JSON media range. */
    static boolean prefersText(List<String> accept) {
        if (accept == null) {
            return false;
        }
        double textQ = 0;
        double jsonQ = 0;
        for (String header : accept) {
            for (String range : header.split(",")) {
                String[] parts = range.split(";");
                String type = parts[0].strip().toLowerCase(Locale.ROOT);
                double q = 1;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].strip();
                    if (p.startsWith("q=") || p.startsWith("Q=")) {
                        try {
                            q = Double.parseDouble(p.substring(2).strip());
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
                if (type.equals("text/plain") || type.equals("text/*")) {
                    textQ = Math.max(textQ, q);
                } else if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")
                        || type.equals("application/problem+json")) {
                    jsonQ = Math.max(jsonQ, q);
                }
            }
        }
        return textQ > 0 && textQ > jsonQ;
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
