package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator edits the topic rules; one authenticated call re-derives topics for all history. */
@QuarkusTest
@TestProfile(ReclassifyTest.OwnRules.class)
class ReclassifyTest {

    static final Path RULES = Path.of("target", "reclassify-test.rules").toAbsolutePath();

    public static class OwnRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchtrack.topics.file", RULES.toString());
        }
    }

    @Inject
    Database database;

    @Test
    void editedRulesApplyToHistoryAfterReclassify() throws IOException {
        database.clear();
        Files.writeString(RULES, "rust path **/*.rs\n");
        given().header("Authorization", "Bearer test-token").queryParam("list", "rust-for-linux")
                .body(ReviewStatesTest.v1().bytes()).post("/api/import").then().statusCode(200);
        long id = given().get("/api/messages/{id}", "v1-0@example.com").jsonPath().getLong("seriesId");
        given().get("/api/series/{id}", id).then().body("topics.topic", org.hamcrest.Matchers.contains("rust-other"));

        Files.writeString(RULES, """
                rust       path  **/*.rs
                rust-nvme  path  drivers/block/rnvme*   # our NVMe driver
                this line is broken
                """);
        given().post("/api/reclassify").then().statusCode(401);
        given().header("Authorization", "Bearer test-token").post("/api/reclassify").then().statusCode(200)
                .body("series.series", equalTo(1)).body("articles", equalTo(0));
        JsonPath s = given().get("/api/series/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(s.getList("topics.topic")).containsExactly("rust-nvme");
        assertThat(s.getString("topics[0].reason")).contains("reclassify-test.rules:2");
        given().get("/api/series?topic=rust-other").then().body("total", equalTo(0));
        given().get("/api/series?topic=rust-nvme").then().body("total", equalTo(1));
    }
}
