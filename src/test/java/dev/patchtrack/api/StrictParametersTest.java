package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.Mbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parameters are strict and helpful: a parameter an endpoint does not take, or a value outside a
 * closed set (topic, state, list, event kind), is a 400 problem that names it and the nearest known
 * one; dates take what people type; /api/events filters by kind, series, list, topic and date.
 */
@QuarkusTest
class StrictParametersTest {

    private static boolean imported;

    @Inject
    Database database;

    @BeforeEach
    void importOnce() {
        if (imported) {
            return;
        }
        database.clear();
        // an NVMe series at 09:00 and a 9p one at 13:30 (2024-06-03) on rust-for-linux, a block one on linux-block
        ImportAndReadTest.upload(Mbox.create()
                .patch("nvme-1@example.com", "Ana Lindqvist <ana@example.com>", 0, "[PATCH] rust: nvme: add a queue", null,
                        "drivers/nvme/host/rnvme.rs")
                .patch("9p-1@example.com", "Bob Reviewer <bob@example.org>", 270, "[PATCH] rust: 9p: add a client", null,
                        "fs/9p/client.rs")
                .bytes(), "rust-for-linux");
        ImportAndReadTest.upload(Mbox.create()
                .patch("blk-1@example.com", "Cat Maintainer <cat@example.net>", 30, "[PATCH] rust: block: add a tag set",
                        null, "rust/kernel/block/mq/tag_set.rs")
                .bytes(), "linux-block");
        imported = true;
    }

    static Response bad(String path, String parameter) {
        Response r = given().urlEncodingEnabled(false).get(path);
        r.then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo(parameter));
        return r;
    }

    @Test
    void anUnknownParameterIsNamedWithTheNearestKnownOne() {
        assertThat(bad("/api/series?topc=rust-nvme", "topc").jsonPath().getString("detail"))
                .startsWith("unknown parameter 'topc'; did you mean topic?").contains("this endpoint takes author, before");
        assertThat(bad("/api/v1/patches?per-page=5", "per-page").jsonPath().getString("detail")).contains("did you mean per_page?");
        assertThat(bad("/api/events?sinse=yesterday", "sinse").jsonPath().getString("detail")).contains("did you mean since?");
        assertThat(bad("/feeds/series.atom?limt=5", "limt").jsonPath().getString("detail")).contains("did you mean limit?");
        assertThat(bad("/api/stats?colour=red", "colour").jsonPath().getString("detail"))
                .isEqualTo("unknown parameter 'colour'; this endpoint takes before, format, since, topic, width");
        assertThat(bad("/api/series/1?verbose=1", "verbose").jsonPath().getString("detail")).contains("takes format, width");
        given().header("Accept", "text/plain").get("/api/series?topc=x").then().statusCode(400)
                .body(containsString("did you mean topic?"));
        given().header("Authorization", "Bearer test-token").contentType("application/mbox").body(new byte[0])
                .post("/api/import?lst=rust-for-linux").then().statusCode(400).body("parameter", equalTo("lst"));
        // what the endpoint takes, and the text view's format and width, pass
        given().get("/api/series?topic=rust-nvme&format=text&width=80").then().statusCode(200);
        given().get("/feeds/articles.atom?topic=rust-nvme&since=yesterday&limit=5").then().statusCode(200);
    }

    @Test
    void aValueOutsideAClosedSetListsTheValues() {
        assertThat(bad("/api/series?topic=rust-nvm", "topic").jsonPath().getString("detail"))
                .startsWith("unknown topic 'rust-nvm'; did you mean rust-nvme? topics are ")
                .contains("rust-9p, rust-arch, rust-block").endsWith("rust-other, rust-toolchain");
        bad("/api/patches?topic=rust-nvme,rust-gpu", "topic");
        assertThat(bad("/api/series?list=rust-for-linu", "list").jsonPath().getString("detail"))
                .contains("did you mean rust-for-linux?").contains("linux-block").contains("rust-for-linux");
        assertThat(bad("/api/series?state=reviewd", "state").jsonPath().getString("detail"))
                .contains("did you mean reviewed?").contains("new, under-review, reviewed");
        assertThat(bad("/api/events?kind=revison-posted", "kind").jsonPath().getString("detail"))
                .contains("did you mean revision-posted?");
        bad("/api/stats?topic=rust-nvm", "topic");
        bad("/api/articles?topic=rust-nvm", "topic");
        bad("/feeds/series.rss?list=nope", "list");
        // a list followed as a source counts though it holds no mail yet
        given().get("/api/series?list=linux-nvme").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/series?topic=rust-nvme&list=linux-block").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/series?list=linux-block").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void datesTakeWhatPeopleType() {
        // hours back to 12:00 that day: the cut falls between the 09:00 and the 13:30 posting
        long hours = ChronoUnit.HOURS.between(Instant.parse("2024-06-03T12:00:00Z"), Instant.now());
        for (String since : List.of(hours + "h", hours + ".hours.ago", hours + " hours ago")) {
            assertThat(given().queryParam("since", since).get("/api/patches").jsonPath().getList("items.messageId"))
                    .as(since).containsExactly("9p-1@example.com");
        }
        assertThat(given().get("/api/series?before=" + hours + ".hours.ago").jsonPath().getList("items.title"))
                .containsExactlyInAnyOrder("rust: nvme: add a queue", "rust: block: add a tag set");
        given().get("/api/series?since=yesterday").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/series?since=2024-06-03").then().statusCode(200).body("total", equalTo(3));
        assertThat(bad("/api/series?since=soon", "since").jsonPath().getString("detail"))
                .contains("'soon' is not a date").contains("2.weeks.ago");
        assertThat(bad("/api/stats?before=3m", "before").jsonPath().getString("detail")).contains("ambiguous");
    }

    @Test
    void eventsFilterByKindSeriesListTopicAndDate() {
        List<Integer> all = given().get("/api/events?limit=1000").jsonPath().getList("id");
        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        List<String> kinds = given().get("/api/events?kind=revision-posted").jsonPath().getList("kind");
        assertThat(kinds).hasSize(3).containsOnly("revision-posted");
        int nvme = given().get("/api/series?topic=rust-nvme").jsonPath().getInt("items[0].id");
        assertThat(given().get("/api/events?series=" + nvme).jsonPath().<Integer>getList("seriesId")).isNotEmpty().containsOnly(nvme);
        assertThat(given().get("/api/events?topic=rust-nvme").jsonPath().<Integer>getList("seriesId")).isNotEmpty().containsOnly(nvme);
        assertThat(given().get("/api/events?list=linux-block&kind=series-created").jsonPath().getList("summary"))
                .containsExactly("new series: rust: block: add a tag set (new)");
        given().get("/api/events?since=1.hour.ago").then().body("size()", equalTo(all.size()));
        given().get("/api/events?before=1.hour.ago").then().body("size()", equalTo(0));
        // the cursor is after; a bare id as since, as earlier clients send it, still means after
        int third = all.get(2);
        Response r = given().get("/api/events?after=" + third + "&limit=2");
        assertThat(r.jsonPath().<Integer>getList("id")).containsExactly(all.get(3), all.get(4));
        r.then().header("X-Next-After", String.valueOf(all.get(4)))
                .header("Link", allOf(containsString("after=" + all.get(4)), containsString("limit=2")));
        assertThat(given().get("/api/events?since=" + third + "&limit=2").jsonPath().<Integer>getList("id"))
                .containsExactly(all.get(3), all.get(4));
        given().get("/api/events?since=" + third).then().header("Link", allOf(containsString("after="),
                org.hamcrest.Matchers.not(containsString("since="))));
        bad("/api/events?after=x", "after");
        bad("/api/events?series=abc", "series");
        bad("/api/events?after=1&since=2", "since");
    }
}
