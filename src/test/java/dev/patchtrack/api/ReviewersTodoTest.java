package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.GitTree;
import dev.patchtrack.support.Pipeline;
import dev.patchtrack.support.RealMail;
import dev.patchtrack.support.RealThreads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who still has to review, on a real thread of {@code linux-pci-rust}: Alistair Popple's "[PATCH] rust:
 * Update PCI resource_start()/len() to return ResourceSize" touches {@code rust/kernel/pci.rs}, which
 * the test tree's MAINTAINERS (a real-shaped excerpt) gives to the PCI [RUST] and RUST sections. Alice
 * Ryhl, a RUST reviewer, waits until her real Reviewed-by reply arrives.
 */
@QuarkusTest
class ReviewersTodoTest {

    static final String PATCH = "20250822041313.1410510-1-apopple@nvidia.com";
    static final String ALICE_REVIEW = "CAH5fLgiYy-9DfjL+0NoYzwD=8tTSBrFMhJveZktRncJE9czkrA@mail.gmail.com";
    static final String ALICE = "aliceryhl@google.com";
    static final String EXCERPT = "maintainers/0001-rust-excerpt.txt";

    @Inject
    Database database;

    @BeforeEach
    void treeWithMaintainers() throws IOException {
        database.clear();
        try (GitTree tree = GitTree.create(GitTree.TEST_LINUX)) {
            tree.write("MAINTAINERS", Pipeline.fixtureText(EXCERPT))
                    .write("rust/kernel/pci.rs", "// SPDX-License-Identifier: GPL-2.0\n")
                    .commit("Linus Torvalds <torvalds@example.org>", "Linux 6.17-rc2");
        }
    }

    /** Later tests of the run find test/linux as a fresh repository, without this MAINTAINERS to read. */
    @AfterEach
    void emptyTree() {
        GitTree.create(GitTree.TEST_LINUX).close();
    }

    @Test
    void aListedReviewerWaitsUntilTheirRealTrailerArrives() {
        ImportAndReadTest.upload(message(PATCH), "linux-pci");
        long seriesId = given().get("/api/messages/" + PATCH).then().statusCode(200).extract().jsonPath().getLong("seriesId");
        JsonPath series = given().get("/api/series/" + seriesId).then().statusCode(200).extract().jsonPath();
        long revisionId = series.getLong("revisions[0].id");
        assertThat(series.getString("revisions[0].reviewersNote")).startsWith("MAINTAINERS of test/linux master at ");
        assertThat(status(series)).containsExactly(
                "dakr@kernel.org maintainer PCI SUBSYSTEM [RUST] waiting",
                "bhelgaas@google.com reviewer PCI SUBSYSTEM [RUST] waiting",
                "kwilczynski@kernel.org reviewer PCI SUBSYSTEM [RUST] waiting",
                "ojeda@kernel.org maintainer RUST waiting",
                "boqun.feng@gmail.com reviewer RUST waiting",
                "gary@garyguo.net reviewer RUST waiting",
                "aliceryhl@google.com reviewer RUST waiting");

        JsonPath todo = todo(ALICE);
        assertThat(todo.getInt("total")).isEqualTo(1);
        assertThat(todo.getLong("items[0].revisionId")).isEqualTo(revisionId);
        assertThat(todo.getString("items[0].role")).isEqualTo("reviewer");
        assertThat(todo.getString("items[0].section")).isEqualTo("RUST");
        assertThat(todo.getString("items[0].title")).contains("ResourceSize");
        assertThat(todo("Alice Ryhl <AliceRyhl@google.com>").getLong("items[0].revisionId")).as("pasted with a name")
                .isEqualTo(revisionId);
        String text = given().accept("text/plain").queryParam("who", ALICE).get("/api/todo").then().statusCode(200)
                .extract().asString();
        assertThat(text).contains("Waiting on " + ALICE).contains("MAINTAINERS of test/linux").contains("RUST")
                .contains("1 in all; page 1 of 1");
        given().queryParam("who", ALICE).get("/feeds/todo.atom").then().statusCode(200)
                .body(containsString("<entry>")).body(containsString("ResourceSize"))
                .body(containsString("tag:patchtrack,2024:revision/" + revisionId));
        given().queryParam("who", ALICE).get("/feeds/todo.rss").then().statusCode(200).body(containsString("<item>"));
        String seriesText = given().accept("text/plain").get("/api/series/" + seriesId).then().statusCode(200)
                .extract().asString();
        assertThat(seriesText).contains("Review:   MAINTAINERS of test/linux").contains("    waiting: Danilo Krummrich (m), Bjorn Helgaas (r)");

        ImportAndReadTest.upload(message(ALICE_REVIEW), "linux-pci");
        JsonPath after = given().get("/api/series/" + seriesId).then().statusCode(200).extract().jsonPath();
        assertThat(status(after)).contains("aliceryhl@google.com reviewer RUST trailer", "dakr@kernel.org maintainer PCI SUBSYSTEM [RUST] waiting");
        assertThat(given().accept("text/plain").get("/api/series/" + seriesId).asString()).contains("    trailer: Alice Ryhl (r)");
        assertThat(todo(ALICE).getInt("total")).isZero();
        assertThat(todo(ALICE).getList("items")).isEmpty();
        assertThat(todo("dakr@kernel.org").getLong("items[0].revisionId")).isEqualTo(revisionId);
        given().queryParam("who", ALICE).get("/feeds/todo.atom").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("<entry>")));
    }

    @Test
    void aReplyWithoutTrailerCountsAsAnswered() {
        // "[PATCH v2] rust: pci: Use explicit types in FFI callbacks": Danilo Krummrich answers without a trailer
        String patch = "20250729102953.141412-1-abhinav.ogl@gmail.com";
        ImportAndReadTest.upload(message(patch), "linux-pci");
        assertThat(todo("dakr@kernel.org").getInt("total")).isEqualTo(1);
        ImportAndReadTest.upload(message("DBOMC68QGS76.2MYEXRE1I34VV@kernel.org"), "linux-pci");
        long seriesId = given().get("/api/messages/" + patch).then().statusCode(200).extract().jsonPath().getLong("seriesId");
        assertThat(status(given().get("/api/series/" + seriesId).then().statusCode(200).extract().jsonPath()))
                .contains("dakr@kernel.org maintainer PCI SUBSYSTEM [RUST] replied", "aliceryhl@google.com reviewer RUST waiting");
        assertThat(todo("dakr@kernel.org").getInt("total")).isZero();
        assertThat(todo(ALICE).getInt("total")).isEqualTo(1);
    }

    @Test
    void anAddressNobodyListsHasNothingAndBadOnesAreRefused() {
        ImportAndReadTest.upload(message(PATCH), "linux-pci");
        JsonPath none = todo("nobody@example.org");
        assertThat(none.getInt("total")).isZero();
        assertThat(none.getList("items")).isEmpty();
        given().get("/api/todo").then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("who"));
        given().queryParam("who", " ").get("/api/todo").then().statusCode(400).body("parameter", equalTo("who"));
        given().queryParam("who", "not an address").get("/api/todo").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("who"));
        given().queryParam("who", "a@b@c").get("/feeds/todo.atom").then().statusCode(400).body("parameter", equalTo("who"));
        given().queryParam("who", ALICE).queryParam("per_page", "0").get("/api/todo").then().statusCode(400)
                .body("parameter", equalTo("per_page"));
    }

    @Test
    void withoutMaintainersTheViewsSaySoInsteadOfGuessing() {
        try (GitTree tree = GitTree.create(GitTree.TEST_LINUX)) {
            tree.write("rust/kernel/pci.rs", "// SPDX-License-Identifier: GPL-2.0\n").commit("Linus Torvalds <torvalds@example.org>", "Linux 6.17-rc3");
        }
        ImportAndReadTest.upload(message(PATCH), "linux-pci");
        long seriesId = given().get("/api/messages/" + PATCH).then().statusCode(200).extract().jsonPath().getLong("seriesId");
        JsonPath series = given().get("/api/series/" + seriesId).then().statusCode(200).extract().jsonPath();
        assertThat(series.getList("revisions[0].reviewers")).isNull();
        assertThat(series.getString("revisions[0].reviewersNote")).startsWith("no MAINTAINERS in test/linux master at ");
        JsonPath todo = todo(ALICE);
        assertThat(todo.getList("items")).isNull();
        assertThat(todo.getString("reviewersNote")).startsWith("no MAINTAINERS");
    }

    private static JsonPath todo(String who) {
        return given().queryParam("who", who).get("/api/todo").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> status(JsonPath series) {
        List<Map<String, String>> list = series.getList("revisions[0].reviewers");
        return list.stream().map(r -> r.get("address") + " " + r.get("role") + " " + r.get("section") + " " + r.get("status")).toList();
    }

    /** One message of the real linux-pci file, as it stands there (mboxrd). */
    static byte[] message(String messageId) {
        return RealThreads.mbox(RealMail.Archive.PCI, List.of(messageId));
    }
}
