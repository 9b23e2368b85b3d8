package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.patchtrack.ingest.SeriesRebuilder;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ETag, Last-Modified and 304 on every GET; what makes them change; Cache-Control; the versioned path;
 * and the refusals of writes without a good token.
 */
@QuarkusTest
class ConditionalGetTest {

    @Inject
    Database database;

    @Inject
    SeriesRebuilder rebuilder;

    @BeforeEach
    void corpus() {
        database.clear();
        ImportAndReadTest.upload(Pipeline.fixture("series/3005-applied-notices.mbox"), "rust-for-linux");
    }

    @Test
    void everyGetCarriesValidatorsAndAnswers304ToEither() {
        String firstSeries = "/api/series/" + given().get("/api/series").jsonPath().getLong("items[0].id");
        String firstPatch = "/api/patches/" + given().get("/api/patches").jsonPath().getLong("items[0].id");
        String message = "/api/messages/" + given().get(firstPatch).jsonPath().getString("messageId");
        for (String path : List.of("/api/series", "/api/series?state=new,reviewed&order=title", firstSeries, "/api/patches",
                firstPatch, message, "/api/topics", "/api/stats", "/api/events?since=0", "/api/v1/series")) {
            Response full = given().get(path);
            full.then().statusCode(200).header("API-Version", "1").header("Vary", startsWith("Accept"))
                    .header("Cache-Control", not(emptyString()));
            String etag = full.header("ETag");
            String modified = full.header("Last-Modified");
            assertThat(etag).as(path).matches("W/\"\\d+-[0-9a-f]{16}\"");
            ZonedDateTime.parse(modified, DateTimeFormatter.RFC_1123_DATE_TIME);

            given().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString())
                    .header("ETag", etag).header("Last-Modified", modified);
            given().header("If-None-Match", "\"other\", " + etag.substring(2)).get(path).then().statusCode(304);
            given().header("If-None-Match", "*").get(path).then().statusCode(304);
            given().header("If-None-Match", "W/\"1-0000000000000000\"").get(path).then().statusCode(200);

            given().header("If-Modified-Since", modified).get(path).then().statusCode(304).body(emptyString());
            String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.parse(modified, DateTimeFormatter.RFC_1123_DATE_TIME).minusSeconds(1));
            given().header("If-Modified-Since", earlier).get(path).then().statusCode(200);
            given().header("If-Modified-Since", "not a date").get(path).then().statusCode(200);
            // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
            given().header("If-None-Match", "\"other\"").header("If-Modified-Since", modified).get(path).then().statusCode(200);
        }
        // the validators depend on the URL and on what is accepted
        String a = given().get("/api/series?per_page=1").header("ETag");
        assertThat(given().get("/api/series?per_page=2").header("ETag")).isNotEqualTo(a);
        assertThat(given().get("/api/v1/series?per_page=1").header("ETag")).isNotEqualTo(a);
        assertThat(given().accept("application/json").get("/api/series?per_page=1").header("ETag")).isNotEqualTo(a);
        assertThat(given().get("/api/series?per_page=1").header("ETag")).isEqualTo(a);
    }

    @Test
    void aWriteChangesTheValidators() throws Exception {
        long id = given().get("/api/series").jsonPath().getLong("items[0].id");
        Response before = given().get("/api/series/" + id);
        String etag = before.header("ETag");
        Thread.sleep(1100); // Last-Modified has whole seconds
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body("{\"state\":\"accepted\",\"by\":\"Maintainer <m@example.org>\",\"note\":\"applied by hand\"}")
                .put("/api/series/" + id + "/state").then().statusCode(200).header("Cache-Control", "no-store")
                .header("ETag", nullValue());
        Response after = given().header("If-None-Match", etag).get("/api/series/" + id);
        after.then().statusCode(200).body("state.state", equalTo("accepted"));
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        given().header("If-Modified-Since", before.header("Last-Modified")).get("/api/series/" + id).then().statusCode(200);
        given().header("If-None-Match", after.header("ETag")).get("/api/series/" + id).then().statusCode(304);

        // an import moves them too
        String listed = given().get("/api/series").header("ETag");
        ImportAndReadTest.upload(Pipeline.fixture("series/3006-explicit-links.mbox"), "rust-for-linux");
        given().header("If-None-Match", listed).get("/api/series").then().statusCode(200);

        // but not the same mail again, which changes nothing; filed under one more list, it does
        String again = given().get("/api/series").header("ETag");
        assertThat(ImportAndReadTest.upload(Pipeline.fixture("series/3006-explicit-links.mbox"), "rust-for-linux")
                .getInt("stored")).isZero();
        given().header("If-None-Match", again).get("/api/series").then().statusCode(304);
        ImportAndReadTest.upload(Pipeline.fixture("series/3006-explicit-links.mbox"), "linux-nvme");
        given().header("If-None-Match", again).get("/api/series").then().statusCode(200);
    }

    @Test
    void aDerivationThatFindsEverythingAsStoredKeepsThem() {
        String listed = given().get("/api/series").header("ETag");
        String series = given().get("/api/series/{id}", given().get("/api/series").jsonPath().getLong("items[0].id"))
                .header("ETag");
        SeriesRebuilder.Summary full = rebuilder.rebuild();
        assertThat(full.seriesWritten() + full.revisionsWritten() + full.patchesWritten() + full.trailersWritten()
                + full.deleted() + full.events()).as("the full pass finds everything as stored").isZero();
        given().header("If-None-Match", listed).get("/api/series").then().statusCode(304);
        given().header("If-None-Match", series).get("/api/series/{id}", given().get("/api/series").jsonPath()
                .getLong("items[0].id")).then().statusCode(304);
    }

    @Test
    void aRepeatedGetReplaysTheSameAnswerUntilAWrite() {
        String path = "/api/series?per_page=1";
        Response first = given().get(path);
        Response second = given().get(path);
        second.then().statusCode(200).header("ETag", first.header("ETag")).header("Link", first.header("Link"))
                .header("X-Total-Count", first.header("X-Total-Count"))
                .header("Cache-Control", first.header("Cache-Control"));
        assertThat(second.contentType()).isEqualTo(first.contentType());
        assertThat(second.asString()).isEqualTo(first.asString());
        // what is kept is per Accept and format: text stays text
        String text = given().queryParam("format", "text").get(path).asString();
        assertThat(given().queryParam("format", "text").get(path).asString()).isEqualTo(text).doesNotStartWith("{");

        long id = first.jsonPath().getLong("items[0].id");
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body("{\"state\":\"rejected\",\"by\":\"Maintainer <m@example.org>\",\"note\":\"not this way\"}")
                .put("/api/series/" + id + "/state").then().statusCode(200);
        Response after = given().get(path);
        after.then().statusCode(200).body("items[0].state.state", equalTo("rejected"));
        assertThat(after.header("ETag")).isNotEqualTo(first.header("ETag"));
    }

    @Test
    void cacheControlFitsTheResource() {
        given().get("/api/series").then().header("Cache-Control", "public, max-age=5");
        given().get("/api/events").then().header("Cache-Control", "no-cache");
        given().get("/api/sources").then().header("Cache-Control", "no-cache");
        given().get("/api/series/999999999").then().statusCode(404).header("Cache-Control", "no-store")
                .header("ETag", nullValue());
        // "*" matches only what exists
        given().header("If-None-Match", "*").get("/api/series/999999999").then().statusCode(404);
        given().header("If-None-Match", "*").get("/api/series").then().statusCode(304).body(emptyString());
    }

    @Test
    void writesWithoutAGoodTokenAreProblems() {
        long id = given().get("/api/series").jsonPath().getLong("items[0].id");
        String body = "{\"state\":\"accepted\",\"by\":\"x\"}";
        for (String path : List.of("/api/series/" + id + "/state", "/api/v1/series/" + id + "/state")) {
            given().contentType("application/json").body(body).put(path).then().statusCode(401)
                    .contentType("application/problem+json").body("status", equalTo(401))
                    .body("detail", containsString("Bearer")).header("Cache-Control", "no-store");
            given().header("Authorization", "Basic dXNlcjpwYXNz").contentType("application/json").body(body).put(path)
                    .then().statusCode(401).contentType("application/problem+json");
            given().header("Authorization", "Bearer not-a-token").contentType("application/json").body(body).put(path)
                    .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403))
                    .body("detail", not(containsString("not-a-token")));
        }
        given().header("Authorization", "Bearer wrong").delete("/api/patches/1/state").then().statusCode(403);
        given().post("/api/import?list=x").then().statusCode(401).contentType("application/problem+json");
        given().post("/api/reclassify").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theVersionedPathAnswersLikeTheCurrentOne() {
        String mid = given().get("/api/patches").jsonPath().getString("items[0].messageId");
        assertThat(given().get("/api/v1/series").jsonPath().getList("items.id"))
                .isEqualTo(given().get("/api/series").jsonPath().getList("items.id"));
        given().urlEncodingEnabled(false).get("/api/v1/messages/%3C" + mid + "%3E").then().statusCode(200)
                .body("messageId", equalTo(mid)).header("API-Version", "1")
                .body("state.state", equalTo(given().get("/api/patches").jsonPath().getString("items[0].state.state")))
                .body("links.patch", equalTo("/api/patches/" + given().get("/api/patches").jsonPath().getLong("items[0].id")));
        given().get("/api/v1/messages/" + mid + "/raw").then().statusCode(200).contentType(startsWith("message/rfc822"));
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v2/series").then().statusCode(404);
    }

    @Test
    void conditionalRequestsAreCheaperThanFullOnes() {
        for (int i = 0; i < 50; i++) {
            given().get("/api/series?per_page=100");
        }
        String etag = given().get("/api/series?per_page=100").header("ETag");
        int n = 300;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            given().get("/api/series?per_page=100").then().statusCode(200);
        }
        long full = System.nanoTime() - t0;
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            given().header("If-None-Match", etag).get("/api/series?per_page=100").then().statusCode(304);
        }
        long conditional = System.nanoTime() - t0;
        System.out.printf("GET /api/series?per_page=100 x%d: full 200 %.2f ms/request, conditional 304 %.2f ms/request%n",
                n, full / 1e6 / n, conditional / 1e6 / n);
    }
}
