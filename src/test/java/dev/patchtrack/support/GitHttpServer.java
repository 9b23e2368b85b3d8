package dev.patchtrack.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * git's "dumb" HTTP protocol on 127.0.0.1: the files of the repositories under target/test-trees
 * served as they are (after {@code git update-server-info}), as any static web server would. The tree
 * {@code remote/linux} points at the test repository {@code linux} through it.
 */
public class GitHttpServer implements QuarkusTestResourceLifecycleManager {

    private static final Path ROOT = GitTree.TEST_LINUX.getParent().toAbsolutePath().normalize();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** The paths asked for since start. */
    public static List<String> requests() {
        return REQUESTS;
    }

    @Override
    public Map<String, String> start() {
        server = LocalHttp.start(this::handle);
        return Map.of("patchtrack.trees.remote/linux.url", LocalHttp.base(server) + "/linux/.git");
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        REQUESTS.add(path);
        Path file = ROOT.resolve(path.substring(1)).normalize();
        if (!file.startsWith(ROOT) || !Files.isRegularFile(file) || !"GET".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] body = Files.readAllBytes(file);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
