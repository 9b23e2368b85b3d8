package dev.patchtrack.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.LoreLocal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upstream trouble, served by a small local HTTP server: 500, 429 with Retry-After, a response
 * slower than the request timeout (5 s in tests), a refused connection and a redirect to a host that
 * is not allowed. Each is retried or refused, reported on /api/sources, and the worker goes on.
 */
@QuarkusTest
class UpstreamFaultsTest {

    private static final String MAIL = """
            From mboxrd@z Thu Jan  1 00:00:00 1970
            From: Ana Lindqvist <ana@example.com>
            To: rust-for-linux@vger.kernel.org
            Subject: [PATCH] rust: kernel: add a helper
            Date: Mon, 06 May 2024 07:14:03 +0000
            Message-ID: <fault-1@example.com>

            A helper.

            Signed-off-by: Ana Lindqvist <ana@example.com>
            ---
             rust/kernel/lib.rs | 1 +
             1 file changed, 1 insertion(+)

            diff --git a/rust/kernel/lib.rs b/rust/kernel/lib.rs
            --- a/rust/kernel/lib.rs
            +++ b/rust/kernel/lib.rs
            @@ -1,1 +1,2 @@
             // SPDX-License-Identifier: GPL-2.0
            +// helper
            """;

    @Inject
    Database database;

    @Inject
    SyncService sync;

    HttpServer server;
    final List<Long> attempts = new CopyOnWriteArrayList<>();
    final List<String> agents = new CopyOnWriteArrayList<>();
    final AtomicInteger forbiddenHits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        database.clear();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/flaky/", this::flaky);
        server.createContext("/moved/", ex -> {
            ex.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/elsewhere/new.atom");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/elsewhere/", ex -> {
            forbiddenHits.incrementAndGet();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void flaky(HttpExchange ex) throws IOException {
        attempts.add(System.nanoTime());
        agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
        int n = attempts.size();
        if (n == 1) {
            ex.sendResponseHeaders(500, -1);
        } else if (n == 2) {
            ex.getResponseHeaders().add("Retry-After", "2");
            ex.sendResponseHeaders(429, -1);
        } else if (n == 3) {
            try {
                Thread.sleep(7000); // longer than the 5 s request timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(500, -1);
        } else {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(MAIL.getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().add("Content-Type", "application/gzip");
            ex.sendResponseHeaders(200, buf.size());
            ex.getResponseBody().write(buf.toByteArray());
        }
        ex.close();
    }

    static void source(String name, String base, String mode, String inbox) {
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("baseUrl", base, "mode", mode, "inbox", inbox, "query", "s:rust", "schedule", "1h"))
                .put("/api/sources/{name}", name).then().statusCode(200);
    }

    @Test
    void faultsAreRetriedReportedAndNeverStopTheWorker() throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        source("a-refused", "http://127.0.0.1:" + LoreLocal.freePort() + "/", "git", "refused");
        source("b-moved", base, "atom", "moved");
        source("c-flaky", base, "query", "flaky");

        List<SyncService.Result> results = sync.runAll();
        assertThat(results).extracting(SyncService.Result::source).containsExactly("a-refused", "b-moved", "c-flaky");
        assertThat(results.get(0).error()).contains("ConnectException").contains("after 5 attempts");
        assertThat(results.get(1).error()).contains("host not allowed");
        assertThat(forbiddenHits).hasValue(0);
        assertThat(results.get(2).error()).isNull();
        assertThat(results.get(2).stored()).isEqualTo(1);

        // 500, 429, timeout, then the answer: four attempts, Retry-After honoured
        assertThat(attempts).hasSize(4);
        assertThat(attempts.get(2) - attempts.get(1)).isGreaterThanOrEqualTo(2_000_000_000L);
        assertThat(agents).allSatisfy(a -> assertThat(a).startsWith("patchtrack/"));

        JsonPath refused = given().get("/api/sources/a-refused").then().statusCode(200).extract().jsonPath();
        assertThat(refused.getString("lastError")).contains("ConnectException");
        assertThat(refused.getInt("failures")).isEqualTo(1);
        assertThat(refused.getString("lastSuccessAt")).isNull();
        JsonPath flaky = given().get("/api/sources/c-flaky").then().statusCode(200).extract().jsonPath();
        assertThat(flaky.getString("lastError")).isNull();
        assertThat(flaky.getLong("messagesStored")).isEqualTo(1);
        assertThat(flaky.getMap("cursor")).containsKey("query/date");
        given().get("/api/messages/{id}", "fault-1@example.com").then().statusCode(200);

        // the worker goes on: the next run tries the failing sources again
        assertThat(sync.runAll()).hasSize(3);
        assertThat(given().get("/api/sources/a-refused").then().extract().jsonPath().getInt("failures")).isEqualTo(2);
    }

    @Test
    void sourcesNeedATokenAndValidInput() {
        given().contentType("application/json").body(Map.of("baseUrl", "http://127.0.0.1/", "mode", "git"))
                .put("/api/sources/x").then().statusCode(401);
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("name", "x", "baseUrl", "https://evil.example/", "mode", "git"))
                .post("/api/sources").then().statusCode(400).body("parameter", org.hamcrest.Matchers.equalTo("baseUrl"));
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("name", "x", "baseUrl", "http://127.0.0.1/", "mode", "ftp"))
                .post("/api/sources").then().statusCode(400).body("parameter", org.hamcrest.Matchers.equalTo("mode"));
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("name", "x", "baseUrl", "http://127.0.0.1/", "mode", "atom", "schedule", "soon"))
                .post("/api/sources").then().statusCode(400).body("parameter", org.hamcrest.Matchers.equalTo("schedule"));
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("name", "x", "baseUrl", "http://127.0.0.1/", "mode", "atom", "staleAfter", "1s"))
                .post("/api/sources").then().statusCode(201);
        given().get("/api/sources/x").then().statusCode(200).body("stale", org.hamcrest.Matchers.equalTo(false));
        // never synced, created more than a second ago: stale, readiness DOWN
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> given().get("/q/health/ready").statusCode() == 503);
        given().get("/api/sources/x").then().statusCode(200).body("stale", org.hamcrest.Matchers.equalTo(true));
        given().header("Authorization", "Bearer test-token").delete("/api/sources/x").then().statusCode(204);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/api/sources/x").then().statusCode(404);
    }
}
