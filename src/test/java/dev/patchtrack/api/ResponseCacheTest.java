package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which answers are replayed from {@link ResponseCache}, told by its counters rather than by timing: a
 * second identical GET of a paged list or a detail is a hit with the same bytes and headers, and a
 * write makes the next one a miss that renders the new data.
 */
@QuarkusTest
class ResponseCacheTest {

    @Inject
    Database database;

    @Inject
    ResponseCache cache;

    @BeforeEach
    void corpus() {
        database.clear();
        ImportAndReadTest.upload(Pipeline.fixture("series/3005-applied-notices.mbox"), "rust-for-linux");
    }

    @Test
    void aSecondIdenticalGetIsServedFromTheCache() {
        // found through URLs the loop does not ask for, so that each of its first GETs is a miss
        long series = given().get("/api/series?per_page=2").jsonPath().getLong("items[0].id");
        long patchId = given().get("/api/patches?per_page=2").jsonPath().getLong("items[0].id");
        String patch = "/api/patches/" + patchId;
        String message = "/api/messages/" + given().get("/api/v1/patches/" + patchId).jsonPath().getString("messageId");
        for (String path : List.of("/api/series?topic=rust-core", "/api/series?per_page=1&order=title", "/api/patches",
                "/api/series/" + series, patch, message, "/api/v1/series", "/api/series?format=text",
                "/api/series/" + series + "/mbox", "/patch/" + patchId + "/mbox/")) {
            ResponseCache.Counts before = cache.counts();
            Response first = given().get(path);
            first.then().statusCode(200);
            ResponseCache.Counts rendered = cache.counts();
            assertThat(rendered.misses() - before.misses()).as(path + ": first GET looks up").isEqualTo(1);
            assertThat(rendered.stored() - before.stored()).as(path + ": first GET is kept").isEqualTo(1);
            assertThat(rendered.hits()).as(path).isEqualTo(before.hits());

            Response second = given().get(path);
            ResponseCache.Counts replayed = cache.counts();
            assertThat(replayed.hits() - rendered.hits()).as(path + ": second GET is a hit").isEqualTo(1);
            assertThat(replayed.stored()).as(path + ": nothing rendered again").isEqualTo(rendered.stored());
            second.then().statusCode(200).header("ETag", first.header("ETag"))
                    .header("Cache-Control", first.header("Cache-Control"));
            for (String h : List.of("Link", "X-Total-Count", "Content-Type", "Vary", "API-Version", "Content-Disposition",
                    "X-Next-After")) {
                assertThat(second.header(h)).as(path + " " + h).isEqualTo(first.header(h));
            }
            assertThat(second.asString()).as(path).isEqualTo(first.asString());
        }
    }

    @Test
    void aWriteMakesTheNextGetRenderTheNewData() {
        String path = "/api/series?topic=rust-core";
        Response first = given().get(path);
        given().get(path).then().header("ETag", first.header("ETag"));
        long id = first.jsonPath().getLong("items[0].id");
        String detail = "/api/series/" + id;
        given().get(detail);
        given().get(detail);

        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body("{\"state\":\"rejected\",\"by\":\"Maintainer <m@example.org>\",\"note\":\"not this way\"}")
                .put(detail + "/state").then().statusCode(200);

        ResponseCache.Counts before = cache.counts();
        Response after = given().get(path);
        after.then().statusCode(200).body("items.find { it.id == " + id + " }.state.state", equalTo("rejected"));
        given().get(detail).then().statusCode(200).body("state.state", equalTo("rejected"));
        ResponseCache.Counts now = cache.counts();
        assertThat(now.hits()).as("nothing kept from before the write is replayed").isEqualTo(before.hits());
        assertThat(now.stored() - before.stored()).isEqualTo(2);
        assertThat(after.header("ETag")).isNotEqualTo(first.header("ETag"));
        // and the new answer is the one replayed from now on
        assertThat(given().get(path).asString()).isEqualTo(after.asString());
        assertThat(cache.counts().hits()).isEqualTo(now.hits() + 1);
    }

    @Test
    void theCountersAreMetrics() {
        given().get("/api/series");
        given().get("/api/series");
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).contains("patchtrack_response_cache_total{result=\"hit\"}")
                .contains("patchtrack_response_cache_total{result=\"stored\"}")
                .contains("patchtrack_response_cache_total{result=\"miss\"}");
    }
}
