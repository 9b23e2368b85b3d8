package dev.patchtrack.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for lwn.net on 127.0.0.1, serving the fixtures under fixtures/lwn: the headlines feed
 * with an ETag (answering If-None-Match with 304), the kernel index with Last-Modified, and article
 * pages by number. Links to {@code https://lwn.net/Articles/} in what it serves point at itself; other
 * lwn.net links (its mail archive) stay as they are. Tests change what a path serves and read what
 * was asked.
 */
public class LwnFixtureServer implements QuarkusTestResourceLifecycleManager {

    /** One request: its path and the conditional headers it carried. */
    public record Request(String path, String ifNoneMatch, String ifModifiedSince) {
    }

    private static final String INDEX_MODIFIED = "Thu, 16 May 2024 16:00:00 GMT";
    private static volatile LwnFixtureServer current;

    private HttpServer server;
    private String base;
    private final Map<String, String> served = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public static LwnFixtureServer current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        server = LocalHttp.start(this::handle);
        base = LocalHttp.base(server);
        reset();
        current = this;
        return Map.of("patchtrack.lwn.feed-url", base + "/headlines/rss",
                "patchtrack.lwn.index-url", base + "/Kernel/Index/");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Back to the first state: the RDF feed, the index, three articles and one brief. */
    public void reset() {
        served.clear();
        requests.clear();
        served.put("/headlines/rss", "0001-headlines.rdf");
        served.put("/Kernel/Index/", "0005-kernel-index.html");
        served.put("/Articles/970001/", "0002-article-free.html");
        served.put("/Articles/970002/", "0003-article-subscription-required.html");
        served.put("/Articles/970003/", "0007-not-an-article.html");
        served.put("/Articles/960001/", "0006-brief-posted.html");
    }

    /** From now on {@code path} serves the fixture {@code name}. */
    public void serve(String path, String name) {
        served.put(path, name);
    }

    /** From now on {@code path} answers 404. */
    public void gone(String path) {
        served.remove(path);
    }

    public String base() {
        return base;
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = ex.getRequestHeaders().getFirst("If-Modified-Since");
            requests.add(new Request(path, ifNoneMatch, ifModifiedSince));
            String name = served.get(path);
            if (name == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = fixture(name);
            if (path.equals("/headlines/rss")) {
                String etag = "\"" + name + "-" + body.length + "\"";
                ex.getResponseHeaders().add("ETag", etag);
                if (etag.equals(ifNoneMatch)) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                ex.getResponseHeaders().add("Content-Type", "application/rdf+xml");
            } else {
                if (path.equals("/Kernel/Index/")) {
                    ex.getResponseHeaders().add("Last-Modified", INDEX_MODIFIED);
                    if (INDEX_MODIFIED.equals(ifModifiedSince)) {
                        ex.sendResponseHeaders(304, -1);
                        return;
                    }
                }
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    private byte[] fixture(String name) {
        return Pipeline.fixtureText("lwn/" + name).replace("https://lwn.net/Articles/", base + "/Articles/")
                .getBytes(StandardCharsets.UTF_8);
    }
}
