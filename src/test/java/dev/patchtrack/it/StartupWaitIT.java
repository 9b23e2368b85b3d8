package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.SlowProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The database slow to give connections at start (each one held 3 s by a proxy, longer than the
 * 2 s a request waits for one here), as on a loaded machine: the service and a command wait for it,
 * saying so, and start; once started, requests are answered as usual. H2 is reached through its TCP
 * server here (the embedded file cannot be slowed down from outside), PostgreSQL directly.
 */
class StartupWaitIT {

    static final Duration DELAY = Duration.ofSeconds(3);
    /** How long a request waits for a connection in this test (5 s by default): shorter than {@link #DELAY}. */
    static final String ACQUISITION = "2S";

    @Test
    void startUpWaitsForASlowDatabaseAndSaysSo() throws Exception {
        Path dir = Path.of("target", "it", "startup-wait-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        org.h2.tools.Server h2 = null;
        Map<String, String> props = new LinkedHashMap<>(Instance.database(dir, true));
        String host = "127.0.0.1";
        int port = 5432;
        if (!Instance.PG) {
            h2 = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
            port = h2.getPort();
        }
        try (SlowProxy proxy = SlowProxy.start(host, port, DELAY, Duration.ofMinutes(3))) {
            String url = Instance.PG ? "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/patchtrack_it"
                    : "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/db";
            props.put("quarkus.datasource.jdbc.url", url);
            props.put("quarkus.datasource.jdbc.acquisition-timeout", ACQUISITION);
            try (Instance svc = Instance.start("slow-db", dir, props)) {
                svc.api().get("/api/series").then().statusCode(200);
                svc.api().get("/q/health/ready").then().statusCode(200);
            }
            String log = Files.readString(dir.resolve("slow-db.log"));
            assertThat(log).contains("waiting for the database at " + url.split("[;?]")[0]).contains("answered after");

            props.remove("quarkus.flyway.clean-at-start");
            Process p = Instance.java(dir, "import-slow-db", props, "import", "--list", "rust-for-linux",
                    Corpus.fixture(2, 3).mbox().toString());
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as("see import-slow-db.log").isZero();
            System.out.printf("slow database: %d connections through the proxy, each held %d s while it was slow%n",
                    proxy.connections(), DELAY.toSeconds());
        } finally {
            if (h2 != null) {
                h2.stop();
            }
        }
    }
}
