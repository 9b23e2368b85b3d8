package dev.patchtrack.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream that means harm, on 127.0.0.1: bodies that never end, bodies that arrive a byte at a
 * time, answers that are not what they claim. Each path (matched by its longest registered prefix)
 * has one behaviour; every request is counted by that prefix. Endless bodies stop when the client
 * goes away (or after 8 GiB, so that a stuck client cannot keep the server busy for ever).
 */
public final class HostileRemote implements AutoCloseable {

    private static final long GIVE_UP_BYTES = 8L << 30;

    /** What one path answers. */
    @FunctionalInterface
    public interface Behaviour {
        void answer(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-remote");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Behaviour> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private HostileRemote(int port) {
        server = LocalHttp.start(this::handle, threads, port);
    }

    public static HostileRemote start() {
        return new HostileRemote(0);
    }

    /** On this port of 127.0.0.1 (80 needs root). */
    public static HostileRemote start(int port) {
        return new HostileRemote(port);
    }

    /** http://127.0.0.1:PORT */
    public String base() {
        return LocalHttp.base(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests seen under {@code prefix} (as registered). */
    public int hits(String prefix) {
        AtomicInteger n = hits.get(prefix);
        return n == null ? 0 : n.get();
    }

    public HostileRemote on(String prefix, Behaviour b) {
        routes.put(prefix, b);
        hits.putIfAbsent(prefix, new AtomicInteger());
        return this;
    }

    /** 200 with {@code head}, then {@code repeat} again and again, chunked, never ending. */
    public HostileRemote endless(String prefix, String contentType, byte[] head, byte[] repeat) {
        return endless(prefix, contentType, head, n -> repeat);
    }

    /** 200 with {@code head}, then piece 0, 1, 2, ... chunked, never ending. */
    public HostileRemote endless(String prefix, String contentType, byte[] head, java.util.function.IntFunction<byte[]> piece) {
        return on(prefix, ex -> {
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(head);
                long sent = head.length;
                for (int n = 0; sent < GIVE_UP_BYTES; n++) {
                    byte[] p = piece.apply(n);
                    out.write(p);
                    sent += p.length;
                }
            } catch (IOException gone) {
                // the client stopped reading: what this server is for
            }
        });
    }

    /** 200 with {@code body}, one byte every {@code pause}, announced with its length. */
    public HostileRemote drip(String prefix, String contentType, byte[] body, Duration pause) {
        return on(prefix, ex -> {
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(pause.toMillis());
                }
            } catch (IOException | InterruptedException gone) {
                // the client gave up
            }
        });
    }

    /** A plain answer. */
    public HostileRemote serve(String prefix, int status, String contentType, byte[] body) {
        return on(prefix, ex -> {
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
    }

    public HostileRemote serve(String prefix, int status, String contentType, String body) {
        return serve(prefix, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String best = null;
        for (String prefix : routes.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        try {
            if (best == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            hits.get(best).incrementAndGet();
            ex.getRequestBody().readAllBytes();
            routes.get(best).answer(ex);
        } finally {
            ex.close();
        }
    }

    /** A git pkt-line: four hex digits of length, then the payload. */
    public static byte[] pktLine(String payload) {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return (String.format("%04x", p.length + 4) + payload).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
