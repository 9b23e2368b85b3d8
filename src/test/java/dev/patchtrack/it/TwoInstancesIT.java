package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.LoreLocal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL (the pg build of .ci/run): every scheduled sync runs on one of
 * them only, never two at once, and when one is killed the other carries on.
 */
class TwoInstancesIT {

    static final List<String> SOURCES = List.of("rust-for-linux", "v9fs");

    @Test
    void eachSyncRunsOnOneInstanceAndTheSurvivorCarriesOn() throws Exception {
        Assumptions.assumeTrue(Instance.PG, "needs the PostgreSQL build (.ci/run's PostgreSQL pass)");
        Corpus.Generated corpus = Corpus.fixture(5, 3);
        Path dir = Path.of("target", "it", "two-" + System.nanoTime()).toAbsolutePath();
        try (LoreLocal lore = LoreLocal.start("two", Map.of("LORE_LOCAL_ALL", "0"), corpus.mbox())) {
            Map<String, String> props = new HashMap<>();
            for (String s : SOURCES) {
                props.put("patchtrack.sources." + s + ".base-url", lore.base());
                props.put("patchtrack.sources." + s + ".inbox", "rust-for-linux");
                props.put("patchtrack.sources." + s + ".enabled", "true");
                props.put("patchtrack.sources." + s + ".schedule", "1s");
            }
            props.put("patchtrack.sources.v9fs.mode", "atom");
            Map<String, String> a = new HashMap<>(props);
            a.putAll(Instance.database(dir, true));
            Map<String, String> b = new HashMap<>(props);
            b.putAll(Instance.database(dir, false));
            try (Instance one = Instance.start("one", dir, a); Instance two = Instance.start("two", dir, b)) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> SOURCES.stream().allMatch(s -> finished(runs(two, s)).size() >= 5));
                for (String s : SOURCES) {
                    assertNoOverlap(s, runs(two, s));
                }
                one.kill();
                Instant killed = Instant.now();
                // the survivor goes on syncing every source, including any tick that was running on the dead one
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> SOURCES.stream()
                        .allMatch(s -> finished(runs(two, s)).stream().filter(r -> "two".equals(r.get("instance"))
                                && Instant.parse((String) r.get("startedAt")).isAfter(killed)).count() >= 3));
                for (String s : SOURCES) {
                    List<Map<String, Object>> runs = runs(two, s);
                    assertNoOverlap(s, runs.stream().filter(r -> r.get("finishedAt") != null
                            || "two".equals(r.get("instance"))).toList());
                    assertThat(two.api().get("/api/sources/" + s).then().extract().jsonPath().getLong("messagesOnList"))
                            .isEqualTo(corpus.messages());
                }
            }
        }
    }

    static List<Map<String, Object>> runs(Instance i, String source) {
        return i.api().get("/api/sources/{s}/runs", source).then().statusCode(200).extract().jsonPath().getList("$");
    }

    static List<Map<String, Object>> finished(List<Map<String, Object>> runs) {
        return runs.stream().filter(r -> r.get("finishedAt") != null).toList();
    }

    /** Runs of one source, oldest first: each ends before the next begins. */
    static void assertNoOverlap(String source, List<Map<String, Object>> runs) {
        for (int k = 1; k < runs.size(); k++) {
            Object end = runs.get(k - 1).get("finishedAt");
            if (end == null) {
                continue; // a run on the killed instance
            }
            assertThat(Instant.parse((String) end)).as(source + " run " + k + " " + runs.get(k))
                    .isBeforeOrEqualTo(Instant.parse((String) runs.get(k).get("startedAt")));
        }
    }
}
