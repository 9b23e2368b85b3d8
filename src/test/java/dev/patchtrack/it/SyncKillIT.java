package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.LoreLocal;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The service killed with SIGKILL in the middle of a git sync, then restarted: nothing lost, nothing twice. */
class SyncKillIT {

    @Test
    void aSyncKilledMidwayResumesWithoutLossOrDuplicates() throws Exception {
        Corpus.Generated corpus = Corpus.generate(120, 11);
        Path dir = Path.of("target", "it", "kill-" + System.nanoTime()).toAbsolutePath();
        try (LoreLocal lore = LoreLocal.start("kill", Map.of("LORE_LOCAL_INDEXLEVEL", "basic", "LORE_LOCAL_ALL", "0"),
                corpus.mbox())) {
            Map<String, String> props = new HashMap<>(Instance.database(dir, true));
            props.put("patchtrack.sources.rust-for-linux.base-url", lore.base());
            props.put("patchtrack.sources.rust-for-linux.enabled", "true");
            props.put("patchtrack.sources.rust-for-linux.schedule", "1s");
            props.put("patchtrack.import.batch-size", "20");
            int total = corpus.messages();

            try (Instance first = Instance.start("first", dir, props)) {
                // part way: some batches committed, the sync still running
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    long stored = status(first).getLong("messagesStored");
                    return stored > 0 && stored < total / 2;
                });
                first.kill();
            }
            // the start said what it would sync, from where, and how far back
            assertThat(java.nio.file.Files.readString(dir.resolve("first.log")))
                    .contains("following 1 list(s)")
                    .contains("rust-for-linux: git mode from " + lore.base())
                    .contains("first sync reads full history");
            props.putAll(Instance.database(dir, false));
            props.remove("quarkus.flyway.clean-at-start");
            props.remove("quarkus.flyway.clean-disabled");
            try (Instance second = Instance.start("second", dir, props)) {
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                        .until(() -> status(second).getLong("messagesOnList") >= total && !status(second).getBoolean("lastRun.running"));
                JsonPath s = status(second);
                assertThat(s.getLong("messagesOnList")).isEqualTo(total);
                assertThat(s.getLong("messagesStored")).as("each message stored once").isEqualTo(total);
                assertThat(s.getString("lastError")).isNull();

                // every message of the archive is there, under its own id
                Set<String> mids = corpus.truth().stream().map(r -> r.get("mid"))
                        .filter(m -> m != null && !m.isNull()).map(JsonNode::asText).collect(Collectors.toSet());
                for (String mid : mids) {
                    second.api().get("/api/messages/{id}", mid).then().statusCode(200);
                }
                // the killed run never finished; the next one carried on from its cursor
                List<Map<String, Object>> runs = second.api().get("/api/sources/rust-for-linux/runs").then().statusCode(200)
                        .extract().jsonPath().getList("$");
                assertThat(runs.get(0).get("instance")).isEqualTo("first");
                assertThat(runs.get(0).get("finishedAt")).isNull();
                // and read only what the killed one had not committed
                int readAfter = runs.stream().filter(r -> "second".equals(r.get("instance")))
                        .mapToInt(r -> ((Number) r.get("messagesRead")).intValue()).sum();
                assertThat(readAfter).isPositive().isLessThan(total);
            }
        }
    }

    static JsonPath status(Instance i) {
        return i.api().get("/api/sources/rust-for-linux").then().statusCode(200).extract().jsonPath();
    }
}
