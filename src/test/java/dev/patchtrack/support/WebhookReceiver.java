package dev.patchtrack.support;

import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A webhook receiver on 127.0.0.1: keeps every request it gets (path, headers, body, arrival) and answers with
 * the status {@code answer} gives for it (200, 500, ...), as a subscriber's endpoint would.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Hit(String path, Map<String, List<String>> headers, byte[] body, int answered, long nanos) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    private WebhookReceiver(ToIntFunction<Hit> answer) {
        server = LocalHttp.start(exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Hit seen = new Hit(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body, 0,
                    System.nanoTime());
            int status = answer.applyAsInt(seen);
            hits.add(new Hit(seen.path(), seen.headers(), body, status, seen.nanos()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        }, Executors.newFixedThreadPool(4));
    }

    /** Answers each request with {@code answer}'s status. */
    public static WebhookReceiver start(ToIntFunction<Hit> answer) {
        return new WebhookReceiver(answer);
    }

    /** http://127.0.0.1:PORT/PATH */
    public String url(String path) {
        return LocalHttp.base(server) + path;
    }

    /** Every request so far, in the order they were answered. */
    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** The requests to one path. */
    public List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
