package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.Mbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Topics and review states, followed through a series' life one mail at a time. */
@QuarkusTest
class ReviewStatesTest {

    static final String ANA = "Ana Lindqvist <ana@example.com>";
    static final String BOB = "Bob Reviewer <bob@example.org>";
    static final String CAT = "Cat Maintainer <cat@example.net>";

    @Inject
    Database database;

    @BeforeEach
    void clean() {
        database.clear();
    }

    static void upload(Mbox mbox) {
        given().header("Authorization", "Bearer test-token").body(mbox.bytes()).queryParam("list", "rust-for-linux")
                .post("/api/import").then().statusCode(200);
    }

    static JsonPath seriesOf(String messageId) {
        long id = given().get("/api/messages/{id}", messageId).then().statusCode(200).extract().jsonPath().getLong("seriesId");
        return given().get("/api/series/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    static Mbox v1() {
        return Mbox.create()
                .mail("v1-0@example.com", ANA, 0, "[PATCH 0/2] rust: nvme: add queue helpers", null,
                        "This adds queue helpers to the Rust NVMe driver.\n")
                .patch("v1-1@example.com", ANA, 1, "[PATCH 1/2] rust: nvme: add queue setup", "v1-0@example.com",
                        "drivers/block/rnvme.rs")
                .patch("v1-2@example.com", ANA, 2, "[PATCH 2/2] rust: nvme: add queue teardown", "v1-0@example.com",
                        "drivers/block/rnvme.rs");
    }

    @Test
    void newUnderReviewReviewedChangesRequestedSuperseded() {
        upload(v1());
        JsonPath s = seriesOf("v1-0@example.com");
        assertThat(s.getString("state.state")).isEqualTo("new");
        assertThat(s.getString("state.reason")).contains("no reply");
        assertThat(s.getList("topics.topic")).containsExactly("rust-nvme");
        assertThat(s.getString("topics[0].reason")).contains("drivers/block/rnvme.rs");

        upload(Mbox.create().mail("b1@example.org", BOB, 30, "Re: [PATCH 1/2] rust: nvme: add queue setup",
                "v1-1@example.com", "> +// more\n\nWhy is this needed?\n"));
        s = seriesOf("v1-0@example.com");
        assertThat(s.getString("revisions[0].patches[0].state.state")).isEqualTo("under-review");
        assertThat(s.getString("revisions[0].patches[0].state.messageId")).isEqualTo("b1@example.org");
        assertThat(s.getString("revisions[0].patches[1].state.state")).isEqualTo("new");
        assertThat(s.getString("state.state")).isEqualTo("under-review");

        upload(Mbox.create().mail("b2@example.org", BOB, 40, "Re: [PATCH 0/2] rust: nvme: add queue helpers",
                "v1-0@example.com", "For the series:\n\nReviewed-by: " + BOB + "\n"));
        s = seriesOf("v1-0@example.com");
        assertThat(s.getString("state.state")).isEqualTo("reviewed");
        assertThat(s.getString("state.messageId")).isEqualTo("b2@example.org");
        assertThat(s.getString("state.person.email")).isEqualTo("bob@example.org");
        assertThat(s.getString("state.reason")).isEqualTo("Reviewed-by: " + BOB);

        upload(Mbox.create().mail("c1@example.net", CAT, 50, "Re: [PATCH 2/2] rust: nvme: add queue teardown",
                "v1-2@example.com", "Please split the teardown into its own helper.\n"));
        s = seriesOf("v1-0@example.com");
        assertThat(s.getString("revisions[0].patches[1].state.state")).isEqualTo("changes-requested");
        assertThat(s.getString("revisions[0].patches[0].state.state")).isEqualTo("reviewed");
        assertThat(s.getString("state.state")).isEqualTo("changes-requested");
        assertThat(s.getString("state.person.email")).isEqualTo("cat@example.net");

        upload(Mbox.create()
                .mail("v2-0@example.com", ANA, 120, "[PATCH v2 0/2] rust: nvme: add queue helpers", null,
                        "Changes in v2:\n- split the teardown\n")
                .patch("v2-1@example.com", ANA, 121, "[PATCH v2 1/2] rust: nvme: add queue setup", "v2-0@example.com",
                        "drivers/block/rnvme.rs")
                .patch("v2-2@example.com", ANA, 122, "[PATCH v2 2/2] rust: nvme: add queue teardown", "v2-0@example.com",
                        "drivers/block/rnvme.rs"));
        s = seriesOf("v1-0@example.com");
        assertThat(s.getList("revisions")).hasSize(2);
        assertThat(s.getString("revisions[0].state.state")).isEqualTo("superseded");
        assertThat(s.getString("revisions[0].state.messageId")).isEqualTo("v2-0@example.com");
        assertThat(s.getString("revisions[1].state.state")).isEqualTo("new");
        assertThat(s.getString("state.state")).isEqualTo("new");

        List<String> kinds = given().get("/api/events?limit=1000").jsonPath().getList("kind");
        assertThat(kinds).contains("series-created", "revision-posted", "trailer-added", "state-changed");
        List<Long> ids = given().get("/api/events?limit=1000").jsonPath().getList("id", Long.class);
        assertThat(ids).isSorted();
        long last = ids.get(ids.size() - 3);
        given().get("/api/events?since=" + last).then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void aNackRejectsAndFiltersFindIt() {
        upload(v1().mail("n1@example.net", CAT, 30, "Re: [PATCH 2/2] rust: nvme: add queue teardown", "v1-2@example.com",
                "This breaks the driver model.\n\nNacked-by: " + CAT + "\n"));
        JsonPath s = seriesOf("v1-0@example.com");
        assertThat(s.getString("revisions[0].patches[1].state.state")).isEqualTo("rejected");
        assertThat(s.getString("state.state")).isEqualTo("rejected");
        assertThat(s.getString("state.reason")).startsWith("Nacked-by:");

        given().get("/api/series?state=rejected").then().statusCode(200).body("total", equalTo(1));
        given().get("/api/series?state=new,reviewed").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/series?topic=rust-nvme&state=rejected").then().body("total", equalTo(1));
        given().get("/api/series?topic=rust-9p").then().body("total", equalTo(0));
        given().get("/api/patches?state=rejected").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].messageId", equalTo("v1-2@example.com"));
        given().get("/api/patches?topic=rust-nvme").then().body("total", equalTo(2));
        given().get("/api/topics").then().statusCode(200)
                .body("find { it.topic == 'rust-nvme' }.byState.rejected", equalTo(1));
        given().get("/api/series?state=merged").then().statusCode(400).body("parameter", equalTo("state"));
        given().get("/api/series?topic=Bad!").then().statusCode(400).body("parameter", equalTo("topic"));
    }

    @Test
    void anOverrideBeatsDerivationUntilCleared() {
        upload(v1());
        long id = given().get("/api/messages/{id}", "v1-0@example.com").jsonPath().getLong("seriesId");
        String body = "{\"state\": \"accepted\", \"by\": \"Cat Maintainer\", \"note\": \"applied by hand\"}";
        given().contentType("application/json").body(body).put("/api/series/{id}/state", id).then().statusCode(401);
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body("{\"state\": \"merged\", \"by\": \"x\"}").put("/api/series/{id}/state", id)
                .then().statusCode(400).body("parameter", equalTo("state"));

        given().header("Authorization", "Bearer test-token").contentType("application/json").body(body)
                .put("/api/series/{id}/state", id).then().statusCode(200)
                .body("state.state", equalTo("accepted"))
                .body("state.overridden", equalTo(true))
                .body("state.reason", equalTo("set by Cat Maintainer: applied by hand"));
        // A new reply does not undo it.
        upload(Mbox.create().mail("b1@example.org", BOB, 30, "Re: [PATCH 1/2] rust: nvme: add queue setup",
                "v1-1@example.com", "Reviewed-by: " + BOB + "\n"));
        assertThat(seriesOf("v1-0@example.com").getString("state.state")).isEqualTo("accepted");

        given().header("Authorization", "Bearer test-token").delete("/api/series/{id}/state?by=Cat", id)
                .then().statusCode(200).body("state.state", equalTo("under-review")).body("state.overridden", equalTo(false));
        given().header("Authorization", "Bearer test-token").delete("/api/series/{id}/state", id).then().statusCode(404);
        given().get("/api/events?limit=1000").then().body("kind", hasItem("override-set")).body("kind", hasItem("override-cleared"));

        long patch = given().get("/api/messages/{id}", "v1-2@example.com").jsonPath().getLong("patchId");
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body("{\"state\": \"rejected\", \"by\": \"Cat\"}").put("/api/patches/{id}/state", patch)
                .then().statusCode(200).body("revisions[0].patches[1].state.state", equalTo("rejected"))
                .body("revisions[0].patches[1].state.overridden", equalTo(true))
                .body("state.state", equalTo("rejected"));
    }
}
