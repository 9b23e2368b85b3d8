package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.HostileRemote;
import dev.patchtrack.support.Shell;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding, with the JVM's own resolver: the service resolves names through a hosts file
 * ({@code jdk.net.hosts.file}, no cache) that is a named pipe this test writes, so each lookup can
 * get another answer. {@code lore.test} is allowed and answers with a public address, but a lookup
 * that follows another at once gets 127.0.0.1 (where a server stands for an internal service). A
 * client that checks one answer and connects by a second lookup reaches the internal server; the
 * service connects only to the address it checked, so the internal server is never reached.
 */
class DnsRebindingIT {

    static final String PUBLIC = "192.0.2.1"; // TEST-NET-1: public by the policy, and nothing answers there

    @Test
    void aNameThatRebindsToAPrivateAddressIsNeverConnectedTo() throws Exception {
        Assumptions.assumeTrue(Shell.run("mkfifo", "--help") == 0, "needs mkfifo");
        Path dir = Path.of("target", "it", "rebinding-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        Path hosts = dir.resolve("hosts");
        assertThat(Shell.run("mkfifo", hosts.toString())).isZero();
        String self = InetAddress.getLocalHost().getHostName();
        AtomicBoolean rebinding = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger lookups = new AtomicInteger();
        Thread dns = new Thread(() -> {
            long last = 0;
            while (!done.get()) {
                try (OutputStream out = Files.newOutputStream(hosts)) {
                    // a lookup right after another (a check, then the connection) gets the inward answer;
                    // the JVM's own occasional lookups, spaced out, get the public one
                    long now = System.nanoTime();
                    boolean inward = rebinding.get() && now - last < 60_000_000L;
                    last = now;
                    if (rebinding.get()) {
                        lookups.incrementAndGet();
                    }
                    out.write(("127.0.0.1 localhost " + self + "\n" + (inward ? "127.0.0.1" : PUBLIC) + " lore.test\n")
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the reader went away early
                }
                try {
                    Thread.sleep(10); // the reader sees the end of this answer before the next one is written
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rebinding-dns");
        dns.setDaemon(true);
        dns.start();
        HostileRemote started;
        try {
            // on port 80, so that the allowlist names the host alone
            started = HostileRemote.start(80);
        } catch (RuntimeException e) {
            done.set(true);
            Assumptions.abort("port 80 of 127.0.0.1 is not free or not ours: " + e);
            return;
        }
        try (HostileRemote internal = started) {
            internal.serve("/", 200, "application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>");
            Map<String, String> props = new HashMap<>(Instance.database(dir, true));
            props.put("patchtrack.api-tokens", "it-token");
            props.put("patchtrack.lwn.enabled", "false");
            props.put("patchtrack.http.allowed-hosts", "lore.test");
            props.put("patchtrack.http.allow-private-addresses", "false");
            props.put("patchtrack.http.connect-timeout", "2s");
            props.put("patchtrack.http.max-attempts", "4");
            props.put("patchtrack.http.backoff", "100ms");
            props.put("patchtrack.sources.rebind.base-url", "http://lore.test/");
            props.put("patchtrack.sources.rebind.mode", "atom");
            props.put("patchtrack.sources.rebind.schedule", "1h");
            props.put("patchtrack.sources.rebind.enabled", "false");
            try (Instance svc = Instance.start("rebinding", dir, props,
                    List.of("-Djdk.net.hosts.file=" + hosts, "-Dsun.net.inetaddr.ttl=0", "-Dsun.net.inetaddr.negative.ttl=0"))) {
                svc.api().header("Authorization", "Bearer it-token").contentType("application/json").body("{\"enabled\": true}")
                        .put("/api/sources/rebind").then().statusCode(200);
                // from now on the answers alternate; no request to the service meanwhile (serving one looks names up too)
                rebinding.set(true);
                Thread.sleep(15_000);
                org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptions().until(() -> source(svc).getInt("runs") >= 1 && !source(svc).getBoolean("lastRun.running"));
                JsonPath s = source(svc);
                System.out.printf("rebinding: %d lookups answered, internal server reached %d times; last error: %s%n",
                        lookups.get(), internal.hits("/"), s.getString("lastError"));
                assertThat(lookups.get()).as("names were looked up while it rebound").isPositive();
                assertThat(internal.hits("/")).as("requests that reached the internal address").isZero();
                assertThat(s.getString("lastError")).isNotNull();
            }
        } finally {
            done.set(true);
            // let the writer's open return
            try (var in = Files.newInputStream(hosts)) {
                in.readAllBytes();
            } catch (IOException ignored) {
                // gone
            }
        }
    }

    static JsonPath source(Instance i) {
        return i.api().get("/api/sources/rebind").then().statusCode(200).extract().jsonPath();
    }
}
