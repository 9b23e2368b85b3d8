package dev.patchtrack.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real public-inbox on 127.0.0.1 through ../shared/tools/lore-local: started and stopped by tests. */
public final class LoreLocal implements AutoCloseable {

    private final Path dir;
    private final String base;

    private LoreLocal(Path dir, String base) {
        this.dir = dir;
        this.base = base;
    }

    /** Starts a server in a fresh directory under target/ on a free port. */
    public static LoreLocal start(String name, Map<String, String> env, Path... mboxes) {
        try {
            Path dir = Path.of("target", "lore-local", name + "-" + System.nanoTime()).toAbsolutePath();
            Files.createDirectories(dir.getParent());
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of(tool(), "start", dir.toString(), String.valueOf(port)));
            for (Path m : mboxes) {
                cmd.add(m.toString());
            }
            String out = run(cmd, env);
            String base = out.lines().filter(l -> l.startsWith("http://")).reduce((a, b) -> b).orElseThrow(
                    () -> new IllegalStateException("lore-local start printed no URL: " + out));
            return new LoreLocal(dir, base.strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code lore-local add}: new mail, visible at once. */
    public void add(Path mbox) {
        run(List.of(tool(), "add", dir.toString(), mbox.toString()), Map.of());
    }

    /** Removes a message from every inbox as lore's admins do: {@code public-inbox-learn rm}. */
    public void remove(byte[] rawMessage) {
        try {
            Path msg = Files.createTempFile(dir, "rm", ".eml");
            Files.write(msg, rawMessage);
            run(List.of("sh", "-c", "public-inbox-learn rm < '" + msg + "'"), Map.of("PI_CONFIG", dir.resolve("config").toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** http://127.0.0.1:PORT/ */
    public String base() {
        return base;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        run(List.of(tool(), "stop", dir.toString()), Map.of());
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tool() {
        return Corpus.SHARED.resolve("tools/lore-local").toString();
    }

    private static String run(List<String> cmd, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
