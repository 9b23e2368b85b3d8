package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.HostileMail;
import dev.patchtrack.support.LoreLocal;
import dev.patchtrack.support.ThrowawayPostgres;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under a running service and started again: meanwhile the API answers 503
 * problem+json quickly, readiness is DOWN and the workers skip their ticks; afterwards everything
 * answers again, nothing stored is lost, and syncs and imports go on. The database is a cluster of
 * the test's own, so stopping it disturbs no one.
 */
class DatabaseRestartIT {

    static final String TOKEN = "it-token";

    @Test
    void theServiceRidesOutADatabaseRestart() throws Exception {
        Assumptions.assumeTrue(Instance.PG, "needs the PostgreSQL build (.ci/run's PostgreSQL pass)");
        ThrowawayPostgres.unavailable().ifPresent(why -> Assumptions.abort("no throwaway PostgreSQL: " + why));
        Corpus.Generated corpus = Corpus.fixture(5, 3);
        int total = corpus.messages();
        Path dir = Path.of("target", "it", "dbrestart-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        try (ThrowawayPostgres pg = ThrowawayPostgres.start();
             LoreLocal lore = LoreLocal.start("dbrestart", Map.of("LORE_LOCAL_ALL", "0"), corpus.mbox())) {
            pg.createDatabase("patchtrack");
            Map<String, String> props = new HashMap<>(Instance.database(dir, false));
            props.putAll(pg.settings("patchtrack"));
            props.put("patchtrack.api-tokens", TOKEN);
            props.put("patchtrack.sources.rust-for-linux.base-url", lore.base());
            props.put("patchtrack.sources.rust-for-linux.enabled", "true");
            props.put("patchtrack.sources.rust-for-linux.mode", "atom");
            props.put("patchtrack.sources.rust-for-linux.schedule", "1s");
            try (Instance svc = Instance.start("svc", dir, props)) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> source(svc).getLong("messagesOnList") == total && !source(svc).getBoolean("lastRun.running")
                                && svc.api().get("/api/series").then().extract().jsonPath().getLong("total") > 0);
                long seriesBefore = svc.api().get("/api/series").then().statusCode(200).extract().jsonPath().getLong("total");
                String sampleMid = corpus.truth().get(0).get("mid").asText();
                String sampleBefore = svc.api().get("/api/messages/{id}", sampleMid).then().statusCode(200).extract().asString();
                assertThat(seriesBefore).isPositive();

                pg.stop();
                Instant stopped = Instant.now();
                // an instance trusts the data version it read for patchtrack.api.version-check-interval (1 s),
                // and answers kept for it may be replayed that long; after it, every read needs the database
                Thread.sleep(1500);
                for (String path : List.of("/api/series", "/api/series?q=rust", "/api/messages/" + sampleMid, "/api/sources",
                        "/api/events", "/api/topics")) {
                    long t0 = System.nanoTime();
                    Response r = svc.api().get(path);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertThat(r.statusCode()).as(path + " " + r.asString()).isEqualTo(503);
                    assertThat(r.contentType()).as(path).startsWith("application/problem+json");
                    assertThat(r.header("Retry-After")).as(path).isNotBlank();
                    assertThat(r.asString()).doesNotContain("Exception", "jdbc:");
                    System.out.printf("database down: GET %s -> 503 in %d ms%n", path, ms);
                }
                Response write = svc.api().header("Authorization", "Bearer " + TOKEN).contentType("application/mbox")
                        .body(HostileMail.mbox()).post("/api/import?list=rust-for-linux");
                assertThat(write.statusCode()).isEqualTo(503);
                assertThat(svc.api().get("/q/health/ready").statusCode()).isEqualTo(503);
                assertThat(svc.api().get("/q/health/live").statusCode()).isEqualTo(200);
                Thread.sleep(5_000); // several worker ticks with the database away
                assertThat(svc.process.isAlive()).isTrue();

                pg.startAgain();
                Instant restarted = Instant.now();
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                        .until(() -> svc.api().get("/api/series").statusCode() == 200);
                System.out.printf("database back: API answering %d ms after the restart (down %d s)%n",
                        Duration.between(restarted, Instant.now()).toMillis(), Duration.between(stopped, restarted).toSeconds());
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> svc.api().get("/q/health/ready").statusCode() == 200);

                // nothing lost
                assertThat(svc.api().get("/api/series").then().extract().jsonPath().getLong("total")).isEqualTo(seriesBefore);
                assertThat(svc.api().get("/api/messages/{id}", sampleMid).then().statusCode(200).extract().asString())
                        .isEqualTo(sampleBefore);
                // the sync worker runs again, and succeeds
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    JsonPath s = source(svc);
                    String success = s.getString("lastSuccessAt");
                    return success != null && Instant.parse(success).isAfter(restarted);
                });
                assertThat(source(svc).getLong("messagesOnList")).isEqualTo(total);
                // and writes work
                JsonPath imported = svc.api().header("Authorization", "Bearer " + TOKEN).contentType("application/mbox")
                        .body(HostileMail.mbox()).post("/api/import?list=rust-for-linux").then().statusCode(200).extract().jsonPath();
                assertThat(imported.getInt("stored")).isEqualTo(3);
                assertThat(Files.readString(dir.resolve("svc.log"))).contains("database unavailable");
            }
        }
    }

    static JsonPath source(Instance i) {
        return i.api().get("/api/sources/rust-for-linux").then().statusCode(200).extract().jsonPath();
    }
}
