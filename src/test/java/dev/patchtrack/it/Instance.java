package dev.patchtrack.it;

import static org.awaitility.Awaitility.await;

import dev.patchtrack.support.LoreLocal;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The packaged service as a separate process (java -jar target/quarkus-app/quarkus-run.jar). */
final class Instance implements AutoCloseable {

    static final String JAR = System.getProperty("patchtrack.it.jar", "target/quarkus-app/quarkus-run.jar");
    static final boolean PG = "pg".equals(System.getProperty("patchtrack.it.profile"));
    /**
     * The flags of the default H2 URL (application.properties): WRITE_DELAY=0 puts what committed on
     * disk when SIGKILL comes (H2 otherwise writes up to 500 ms later: the batch and its cursor would
     * then be lost together, and read again).
     */
    static final String H2_FLAGS = ";AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0;WRITE_DELAY=0";
    static final String[] OTHER_SOURCES = {"rust-for-linux", "linux-nvme", "v9fs", "linux-block", "netdev", "linux-kernel",
        "gcc-patches", "gcc-rust"};

    final String name;
    final int port;
    final Process process;

    private Instance(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** The database settings every instance of one test shares: an H2 file (AUTO_SERVER) or PostgreSQL. */
    static Map<String, String> database(Path dir, boolean clean) {
        Map<String, String> p = new LinkedHashMap<>();
        if (PG) {
            p.put("quarkus.profile", "pg");
            p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/patchtrack_it");
            p.put("quarkus.datasource.username", "patchtrack");
            p.put("quarkus.datasource.password", "patchtrack");
        } else {
            p.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + H2_FLAGS);
        }
        if (clean) {
            p.put("quarkus.flyway.clean-disabled", "false");
            p.put("quarkus.flyway.clean-at-start", "true");
        }
        return p;
    }

    static Instance start(String name, Path dir, Map<String, String> props) throws IOException {
        return start(name, dir, props, List.of());
    }

    /** The service with these JVM options too ({@code -Xmx192m}, ...). */
    static Instance start(String name, Path dir, Map<String, String> props, List<String> jvm) throws IOException {
        return start(name, dir, props, jvm, Map.of());
    }

    /** ... and these environment variables (settings an older build would not know as -D: it ignores them there). */
    static Instance start(String name, Path dir, Map<String, String> props, List<String> jvm, Map<String, String> env)
            throws IOException {
        Files.createDirectories(dir);
        for (int attempt = 1; ; attempt++) {
            int port = LoreLocal.freePort();
            Process p = java(dir, name, jvm, env, settings(name, dir, port, props));
            Instance i = new Instance(name, port, p);
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!p.isAlive()) {
                        throw new IllegalStateException(name + " died at start; see " + dir.resolve(name + ".log"));
                    }
                    try {
                        return i.api().get("/q/health/live").statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
                return i;
            } catch (RuntimeException e) {
                // the port was free when picked, and another process (the other half of .ci/run) took it
                // before this one bound it: the only start failure a second port mends
                if (attempt < 3 && !p.isAlive()
                        && Files.readString(dir.resolve(name + ".log")).contains("seems to be in use by another process")) {
                    continue;
                }
                throw e;
            }
        }
    }

    /** The settings of an instance on this port: the test sources off, fast syncs, and {@code props} over them. */
    private static Map<String, String> settings(String name, Path dir, int port, Map<String, String> props) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String s : OTHER_SOURCES) {
            all.put("patchtrack.sources." + s + ".enabled", "false");
        }
        all.put("quarkus.http.port", String.valueOf(port));
        all.put("patchtrack.http.allowed-hosts", "127.0.0.1:*");
        all.put("patchtrack.http.allow-private-addresses", "true"); // the archive server is on 127.0.0.1
        all.put("patchtrack.http.per-host-interval", "0s");
        all.put("patchtrack.sync.tick", "1s");
        all.put("patchtrack.sync.first-delay", "1s");
        all.put("patchtrack.sync.lease", "10s"); // a killed instance's sources are taken over after this
        all.put("patchtrack.sync.instance", name);
        all.put("patchtrack.sync.history", "full"); // the test archives are years old
        all.put("patchtrack.sync.git-dir", dir.resolve("git-" + name).toAbsolutePath().toString());
        all.put("patchtrack.sync.download-dir", dir.resolve("downloads-" + name).toAbsolutePath().toString());
        all.putAll(props);
        return all;
    }

    /** The jar run with these settings and arguments (a command such as {@code import}, or the service); output in NAME.log. */
    static Process java(Path dir, String name, Map<String, String> props, String... args) throws IOException {
        return java(dir, name, List.of(), props, args);
    }

    /** {@link #java(Path, String, Map, String...)} with JVM options first. */
    static Process java(Path dir, String name, List<String> jvm, Map<String, String> props, String... args) throws IOException {
        return java(dir, name, jvm, Map.of(), props, args);
    }

    static Process java(Path dir, String name, List<String> jvm, Map<String, String> env, Map<String, String> props,
                        String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // C1 only, as for the test JVM (surefire's argLine): these processes live seconds to a minute,
        // and C2's compiles cost them more CPU than they win back
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(jvm);
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", Path.of(JAR).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    RequestSpecification api() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port);
    }

    /** SIGKILL: no shutdown hook, no clean-up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
            }
        }
    }
}
