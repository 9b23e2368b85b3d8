package dev.patchtrack.support;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A JDK HTTP server on 127.0.0.1 and a free port, for the fixture servers of the tests. */
final class LocalHttp {

    private LocalHttp() {
    }

    /** Started, with {@code handler} answering every path. */
    static HttpServer start(HttpHandler handler) {
        return start(handler, null);
    }

    /** Started, answering on {@code executor}'s threads (null: the server's own one thread). */
    static HttpServer start(HttpHandler handler, java.util.concurrent.Executor executor) {
        return start(handler, executor, 0);
    }

    /** On {@code port} (0: a free one). */
    static HttpServer start(HttpHandler handler, java.util.concurrent.Executor executor, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** http://127.0.0.1:PORT */
    static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
