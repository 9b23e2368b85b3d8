package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.patchtrack.api.text.TextWidth;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.Mbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Text for curl: the same resources, rendered as aligned tables and pages when text is asked for. */
@QuarkusTest
class TextFormatTest {

    static final String BOB = ReviewStatesTest.BOB;
    static final String LONG = "[PATCH] rust: 9p: " + "a very long subject that goes on and on ".repeat(4) + "end";
    static final String WIDE = "[PATCH] rust: net: 日本語の件名 🦀 phy";

    @Inject
    Database database;

    @BeforeEach
    void clean() {
        database.clear();
        ReviewStatesTest.upload(ReviewStatesTest.v1());
        ReviewStatesTest.upload(Mbox.create()
                .mail("b2@example.org", BOB, 40, "Re: [PATCH 0/2] rust: nvme: add queue helpers", "v1-0@example.com",
                        "For the series:\n\nReviewed-by: " + BOB + "\n")
                .patch("long-1@example.com", "Zed <zed@example.com>", 50, LONG, null, "fs/9p/rust.rs")
                .patch("wide-1@example.com", "Ünal Şahin <unal@example.com>", 55, WIDE, null, "drivers/net/phy/ax.rs")
                .patch("esc-1@example.com", "Mallory <m@example.com>", 56, "[PATCH] rust: \u001b[31mred\u001b[0m <b>", null,
                        "rust/kernel/esc.rs"));
    }

    static String text(String path, Object... args) {
        return given().header("Accept", "text/plain").get(path, args).then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
    }

    static List<String> lines(String text) {
        return Arrays.asList(text.split("\n"));
    }

    /** Every row's cell of a column starts where its header does. */
    static void assertColumn(List<String> table, String header) {
        int at = table.get(0).indexOf(header);
        assertThat(at).as(header).isGreaterThanOrEqualTo(0);
        int col = TextWidth.of(table.get(0).substring(0, at));
        for (String row : table.subList(1, table.size())) {
            if (row.isBlank()) {
                break;
            }
            String before = prefixOfWidth(row, col);
            assertThat(TextWidth.of(before)).as("row %s", row).isEqualTo(col);
            assertThat(row.substring(before.length())).as("row %s", row).doesNotStartWith(" ");
            assertThat(before).as("row %s", row).endsWith(" ");
        }
    }

    static String prefixOfWidth(String s, int width) {
        int i = 0;
        while (i < s.length() && TextWidth.of(s.substring(0, i)) < width) {
            i += Character.charCount(s.codePointAt(i));
        }
        return s.substring(0, i);
    }

    @Test
    void seriesListIsAnAlignedTableThatFitsTheTerminal() {
        String out = text("/api/series");
        List<String> table = lines(out);
        assertThat(table.get(0)).matches("ID +STATE +VER +LAST POST +TOPICS +AUTHOR +TITLE");
        assertThat(table.get(1)).matches("-+( +-+){6}");
        assertThat(table).filteredOn(l -> l.contains("nvme")).singleElement().asString()
                .contains("reviewed").contains("v1").contains("2024-06-03").contains("rust-nvme")
                .contains("Ana Lindqvist").endsWith("rust: nvme: add queue helpers");
        String longRow = table.stream().filter(l -> l.contains("rust: 9p")).findFirst().orElseThrow();
        assertThat(longRow).endsWith("…").doesNotContain("end");
        assertThat(table).anySatisfy(l -> assertThat(l).contains("日本語の件名 🦀 phy"));
        assertThat(out).doesNotContain("\u001b").contains("rust: \uFFFD[31mred\uFFFD[0m <b>");
        for (String l : table) {
            assertThat(TextWidth.of(l)).as(l).isLessThanOrEqualTo(100);
        }
        for (String h : List.of("STATE", "VER", "LAST POST", "TOPICS", "AUTHOR", "TITLE")) {
            assertColumn(table, h);
        }
        assertThat(out).endsWith("\n4 in all; page 1 of 1\n");

        List<String> narrow = lines(given().get("/api/series?format=text&width=60").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString());
        for (String l : narrow) {
            assertThat(TextWidth.of(l)).as(l).isLessThanOrEqualTo(60);
        }
        assertColumn(narrow, "TITLE");
    }

    @Test
    void jsonStaysTheDefaultAndQValuesDecide() {
        given().get("/api/series").then().statusCode(200).contentType(startsWith("application/json"));
        given().header("Accept", "*/*").get("/api/series").then().contentType(startsWith("application/json"));
        given().header("Accept", "text/plain;q=0.5, application/json").get("/api/series").then()
                .contentType(startsWith("application/json"));
        given().header("Accept", "application/json;q=0.5, text/plain").get("/api/series").then()
                .contentType(startsWith("text/plain"));
        given().header("Accept", "text/plain").get("/api/series?format=json").then()
                .contentType(startsWith("application/json")).body("total", equalTo(4));
        given().get("/api/series?format=xml").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("format"));
        assertThat(given().get("/api/series?format=text&width=10").then().statusCode(400)
                .contentType(startsWith("text/plain")).extract().asString())
                .isEqualTo("error 400 Bad parameter: width must be a number of columns from 40 to 400, not '10'"
                        + " (parameter width)\n");
        given().get("/api/series?width=10&format=json").then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void errorsAreOneLineOfText() {
        String out = given().header("Accept", "text/plain").get("/api/series/999999").then().statusCode(404)
                .contentType(startsWith("text/plain")).extract().asString();
        assertThat(out).isEqualTo("error 404 Not found: no series 999999\n");
        assertThat(given().get("/api/series?format=text&state=merged").then().statusCode(400).extract().asString())
                .startsWith("error 400 Bad parameter: unknown state 'merged'").endsWith("(parameter state)\n");
    }

    @Test
    void seriesPageShowsRevisionsPatchesTrailersAndWhy() {
        long id = given().get("/api/messages/{id}", "v1-0@example.com").jsonPath().getLong("seriesId");
        String out = text("/api/series/{id}", id);
        List<String> l = lines(out);
        assertThat(l.get(0)).isEqualTo("Series " + id + ": rust: nvme: add queue helpers");
        assertThat(l.get(1)).matches("=+");
        assertThat(out).contains("\nState:    reviewed - Reviewed-by: " + BOB + " <b2@example.org>\n")
                .contains("\nTopics:   rust-nvme (").containsPattern("\nMbox:     curl -s http://localhost:\\d+/api/series/" + id + "/mbox \\| git am\n")
                .contains("\nv1  2024-06-03 09:00  2/2 patches  reviewed\n")
                .contains("\n    cover <v1-0@example.com>\n")
                .contains("\n    why: Reviewed-by: " + BOB + "\n")
                .contains("\n  1/2  reviewed  [PATCH 1/2] rust: nvme: add queue setup\n       Reviewed-by: " + BOB + "\n")
                .contains("\n  2/2  reviewed  [PATCH 2/2] rust: nvme: add queue teardown\n");
        assertThat(out).doesNotContain("Signed-off-by");
        for (String line : l) {
            assertThat(TextWidth.of(line)).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void tagsTellRowsApartAndAFilteredTopicGivesTheTitleRoom() {
        ReviewStatesTest.upload(Mbox.create()
                .patch("autosel-180@example.org", "Sasha Lev <sasha@example.org>", 60,
                        "[PATCH AUTOSEL 5.7 180/274] rust: fix the thing", null, "rust/kernel/a.rs")
                .patch("autosel-181@example.org", "Sasha Lev <sasha@example.org>", 61,
                        "[PATCH AUTOSEL 5.7 181/274] rust: fix the thing", "autosel-180@example.org", "rust/kernel/b.rs")
                .patch("nn-4@example.org", "Nina Netdev <nina@example.org>", 62,
                        "[RFC PATCH net-next v11 4/4] rust: net: phy: add more", null, "drivers/net/phy/ax.rs")
                .mail("mix-0@example.org", "Max Mix <max@example.org>", 70, "[PATCH 0/2] rust: mix core and nvme", null,
                        "Both.\n")
                .patch("mix-1@example.org", "Max Mix <max@example.org>", 71, "[PATCH 1/2] rust: kernel: a core part",
                        "mix-0@example.org", "rust/kernel/mix.rs")
                .patch("mix-2@example.org", "Max Mix <max@example.org>", 72, "[PATCH 2/2] rust: nvme: a driver part",
                        "mix-0@example.org", "drivers/block/rnvme.rs"));
        List<String> autosel = lines(text("/api/patches?author=sasha"));
        assertThat(autosel.get(0)).matches("ID +STATE +R/A/T +DATE +AUTHOR +TAGS +TITLE");
        assertThat(autosel).anySatisfy(r -> assertThat(r).contains("AUTOSEL 5.7 180/274").endsWith("rust: fix the thing"));
        assertThat(autosel).anySatisfy(r -> assertThat(r).contains("AUTOSEL 5.7 181/274").endsWith("rust: fix the thing"));
        assertColumn(autosel, "TAGS");

        List<String> series = lines(text("/api/series"));
        assertThat(series.get(0)).matches("ID +STATE +VER +LAST POST +TOPICS +AUTHOR +TAGS +TITLE");
        assertThat(series).anySatisfy(r -> assertThat(r).contains(" v11 ").contains("RFC net-next").contains("Nina Netdev"));
        assertThat(lines(text("/api/series?author=nina"))).anySatisfy(r -> assertThat(r).contains("RFC net-next")
                .endsWith("rust: net: phy: add more"));
        assertThat(series).anySatisfy(r -> assertThat(r).contains("AUTOSEL 5.7  ").doesNotContain("180/274"));
        given().get("/api/series?author=nina").then().body("items[0].tags", org.hamcrest.Matchers.contains("RFC", "net-next"));

        // filtered on a topic, the column shows only the others, and goes when no row has any
        List<String> core = lines(text("/api/series?topic=rust-core"));
        assertThat(core.get(0)).doesNotContain("TOPICS").contains("ALSO");
        assertThat(core).anySatisfy(r -> assertThat(r).contains(" nvme ").endsWith("rust: mix core and nvme"));
        List<String> alone = lines(text("/api/series?author=sasha&topic=rust-core"));
        assertThat(alone.get(0)).matches("ID +STATE +VER +LAST POST +AUTHOR +TAGS +TITLE");
    }

    @Test
    void otherListsAreTablesToo() {
        List<String> patches = lines(text("/api/patches"));
        assertThat(patches.get(0)).matches("ID +STATE +R/A/T +DATE +AUTHOR +TAGS +TITLE");
        assertThat(patches).anySatisfy(r -> assertThat(r).contains("reviewed").contains("1/0/0")
                .contains(" 1/2 ").endsWith("rust: nvme: add queue setup"));
        assertColumn(patches, "TITLE");

        List<String> topics = lines(text("/api/topics"));
        assertThat(topics.get(0)).startsWith("TOPIC").contains("SERIES").contains("UNDER-REVIEW").contains("REVIEWED");
        assertThat(topics).anySatisfy(r -> assertThat(r).matches("rust-nvme +1 .*"));

        List<String> events = lines(text("/api/events"));
        assertThat(events.get(0)).matches("ID +AT +KIND +SERIES +SUMMARY");
        assertThat(events).anySatisfy(r -> assertThat(r).contains("series-created"));
        assertColumn(events, "SUMMARY");
    }

    @Test
    void messageAnswersWhatItIsInJsonAndText() {
        JsonPath patch = given().get("/api/messages/{id}", "<v1-1@example.com>").then().statusCode(200).extract().jsonPath();
        assertThat(patch.getString("kind")).isEqualTo("patch");
        assertThat(patch.getInt("patchNumber")).isEqualTo(1);
        assertThat(patch.getInt("version")).isEqualTo(1);
        assertThat(patch.getString("seriesTitle")).isEqualTo("rust: nvme: add queue helpers");
        assertThat(patch.getString("state.state")).isEqualTo("reviewed");
        assertThat(patch.getString("state.reason")).isEqualTo("Reviewed-by: " + BOB);
        assertThat(patch.getString("links.mbox")).isEqualTo("/api/series/" + patch.getLong("seriesId") + "/mbox?version=1");
        assertThat(patch.getString("links.lore")).isEqualTo("https://lore.kernel.org/r/v1-1@example.com");
        assertThat(patch.getString("links.feed")).isEqualTo("/feeds/series/" + patch.getLong("seriesId") + ".atom");

        given().urlEncodingEnabled(false).get("/api/messages/%3Cv1-0%40example.com%3E").then().statusCode(200)
                .body("patchNumber", equalTo(0)).body("state.state", equalTo("reviewed"));

        JsonPath reply = given().get("/api/messages/{id}", "b2@example.org").then().statusCode(200).extract().jsonPath();
        assertThat(reply.getString("kind")).isEqualTo("reply");
        assertThat(reply.getString("state")).isNull();
        assertThat(reply.getString("seriesTitle")).isEqualTo("rust: nvme: add queue helpers");
        assertThat(reply.getString("links.series")).isEqualTo("/api/series/" + patch.getLong("seriesId"));

        String out = given().header("Accept", "text/plain").get("/api/messages/{id}", "v1-1@example.com").then()
                .statusCode(200).contentType(startsWith("text/plain")).extract().asString();
        assertThat(out).startsWith("Message <v1-1@example.com>\nKind:     patch\n")
                .contains("\nSeries:   " + patch.getLong("seriesId") + ": rust: nvme: add queue helpers\n")
                .contains("\nRevision: v1 (revision ")
                .contains("\nPatch:    1 (patch " + patch.getLong("patchId") + ")\n")
                .contains("\nState:    reviewed - Reviewed-by: " + BOB + " <b2@example.org>\n")
                .contains("\nLinks:\n  self    /api/messages/v1-1@example.com\n");
        assertThat(given().header("Accept", "text/plain").get("/api/messages/{id}/raw", "v1-1@example.com").then()
                .statusCode(200).contentType(startsWith("message/rfc822")).extract().asString())
                .contains("Message-ID: <v1-1@example.com>");
    }
}
