package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.MboxUpload;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Topics and verdicts of a generated corpus, against its truth file. */
@QuarkusTest
class TruthTopicsAndVerdictsTest {

    /**
     * gen-mbox's subsystem keys and the topics of which each series must carry at least one (a series
     * may carry more: a block driver series touching rust/kernel/pci.rs is also core work).
     */
    static final Map<String, Set<String>> EXPECTED = Map.of(
            "rust-core", Set.of("rust-core"),
            // "kbuild: rust" work on scripts/Makefile.build and rust/Makefile is the toolchain's
            "kbuild", Set.of("rust-toolchain"),
            "rust-block", Set.of("rust-block", "rust-nvme"),
            "rust-net", Set.of("rust-net"),
            "9p", Set.of("rust-9p", "not-rust"));

    @Inject
    Database database;

    @Test
    void topicsNaksAndAppliedMatchTheTruthFile() throws IOException {
        database.clear();
        Corpus.Generated corpus = Corpus.fixture(60, 13);
        MboxUpload.post(Files.readAllBytes(corpus.mbox()), "rust-for-linux");

        Map<String, String> topicOfSeries = new LinkedHashMap<>();
        Map<String, String> headOfSeries = new HashMap<>();
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode row : corpus.truth()) {
            if (!row.get("mid").isNull()) {
                byId.put(row.get("mid").asText(), row);
            }
            String kind = row.get("kind").asText();
            if (kind.equals("patch") || kind.equals("cover")) {
                topicOfSeries.putIfAbsent(row.get("series").asText(), row.get("topic").asText());
                headOfSeries.putIfAbsent(row.get("series").asText(), row.get("mid").asText());
            }
        }
        Set<String> seen9p = new HashSet<>();
        for (Map.Entry<String, String> e : topicOfSeries.entrySet()) {
            long id = given().get("/api/messages/{id}", headOfSeries.get(e.getKey())).jsonPath().getLong("seriesId");
            List<String> topics = given().get("/api/series/{id}", id).jsonPath().getList("topics.topic");
            assertThat(topics).as("%s (%s)", e.getKey(), e.getValue()).containsAnyElementsOf(EXPECTED.get(e.getValue()));
            if (topics.contains("not-rust")) {
                assertThat(topics).as("%s: not-rust stands alone", e.getKey()).containsExactly("not-rust");
            }
            if (e.getValue().equals("9p")) {
                seen9p.addAll(topics);
            }
        }
        assertThat(seen9p).as("Rust and C 9p work are told apart").contains("rust-9p", "not-rust");

        int naks = 0;
        for (JsonNode row : corpus.truth()) {
            if (!"nak".equals(row.path("verdict").asText(null))) {
                continue;
            }
            String target = row.get("in_reply_to").asText();
            JsonPath msg = given().get("/api/messages/{id}", target).then().statusCode(200).extract().jsonPath();
            JsonPath patch = given().get("/api/patches/{id}", msg.getLong("patchId")).jsonPath();
            JsonPath series = given().get("/api/series/{id}", msg.getLong("seriesId")).jsonPath();
            List<Integer> versions = series.getList("revisions.version");
            boolean latest = versions.get(versions.size() - 1).equals(msg.getInt("version"));
            String expected = latest ? "rejected" : "superseded";
            assertThat(patch.getString("state.state")).as("nak on %s", target).isIn(expected, "accepted");
            if (patch.getString("state.state").equals("rejected")) {
                // the reason names a Nacked-by reply to this patch (there may be more than one)
                JsonNode cause = byId.get(patch.getString("state.messageId"));
                assertThat(cause).as("reason of %s", target).isNotNull();
                assertThat(cause.get("verdict").asText()).isEqualTo("nak");
                assertThat(cause.get("in_reply_to").asText()).isEqualTo(target);
            }
            naks++;
        }
        assertThat(naks).isPositive();

        int applied = 0;
        for (JsonNode row : corpus.truth()) {
            if (!"applied".equals(row.path("verdict").asText(null))) {
                continue;
            }
            JsonPath head = given().get("/api/messages/{id}", row.get("in_reply_to").asText()).then().statusCode(200)
                    .extract().jsonPath();
            JsonPath series = given().get("/api/series/{id}", head.getLong("seriesId")).jsonPath();
            assertThat(series.getString("state.state")).as("applied: %s", row.get("mid").asText()).isEqualTo("accepted");
            assertThat(series.getString("state.messageId")).isEqualTo(row.get("mid").asText());
            applied++;
        }
        assertThat(applied).isPositive();
        System.out.printf("compared topics of %d series, %d naks and %d applied notices with the truth file%n",
                topicOfSeries.size(), naks, applied);
    }
}
