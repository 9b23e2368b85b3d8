package dev.patchtrack.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.LoreLocal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * gcc-patches as the GNU toolchain's public-inbox serves it (inbox.sourceware.org), here from lore-local
 * serving an inbox of that name: the default query takes the Rust front end's (gccrs) postings, with
 * their {@code [COMMITTED 01/02]} tags and paths under {@code gcc/rust/} and {@code gcc/testsuite/rust/},
 * and leaves the rest of GCC's work on the list.
 */
@QuarkusTest
class SourcewareSyncTest {

    static final String LIST = "gcc-patches";
    /** The query application.properties gives the gcc-patches source. */
    static final String QUERY = "s:gccrs OR dfn:gcc/rust/ OR dfn:gcc/testsuite/rust/ OR dfn:libgrust/";
    static LoreLocal lore;

    @Inject
    Database database;

    @Inject
    SyncService sync;

    @Inject
    PatchtrackConfig config;

    static String mail(String id, String from, String date, String subject, String inReplyTo, String body) {
        return "From mboxrd@z Thu Jan  1 00:00:00 1970\n"
                + "From: " + from + "\nTo: gcc-patches@gcc.gnu.org\nCc: gcc-rust@gcc.gnu.org\n"
                + "Date: " + date + "\nSubject: " + subject + "\nMessage-ID: <" + id + ">\n"
                + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\nReferences: <" + inReplyTo + ">\n")
                + "List-Id: <gcc-patches.gcc.gnu.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
                + body + "\n";
    }

    /** A gcc-style commit: ChangeLog entries in the message, then the diff of one file. */
    static String patch(String changelog, String path, String line) {
        return changelog + "\n---\n " + path + " | 1 +\n 1 file changed, 1 insertion(+)\n\n"
                + "diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/" + path + "\n+++ b/"
                + path + "\n@@ -1,2 +1,3 @@\n // context\n+" + line + "\n // more context\n-- \n2.45.0\n";
    }

    @BeforeAll
    static void startLore() throws IOException {
        String arthur = "arthur.cohen@example.com";
        String mbox = mail("20240801-gccrs-1@example.com", "Arthur Cohen <" + arthur + ">", "Thu, 1 Aug 2024 10:00:00 +0000",
                "[COMMITTED 01/02] gccrs: Fix ICE when resolving a missing lang item", null,
                patch("gcc/rust/ChangeLog:\n\n\t* resolve/rust-late-name-resolver.cc: Check the lang item exists.\n",
                        "gcc/rust/resolve/rust-late-name-resolver.cc", "if (!item) return;"))
                + mail("20240801-gccrs-2@example.com", "Arthur Cohen <" + arthur + ">", "Thu, 1 Aug 2024 10:00:01 +0000",
                "[COMMITTED 02/02] gccrs: Add a test for the missing lang item", "20240801-gccrs-1@example.com",
                patch("gcc/testsuite/ChangeLog:\n\n\t* rust/compile/issue-3000.rs: New test.\n",
                        "gcc/testsuite/rust/compile/issue-3000.rs", "fn main() {}"))
                + mail("20240802-vect@example.org", "Rita Vector <rita@example.org>", "Fri, 2 Aug 2024 09:00:00 +0000",
                "[PATCH] tree-optimization/116000 - fix vectorizer costing", null,
                patch("gcc/ChangeLog:\n\n\tPR tree-optimization/116000\n\t* tree-vect-loop.cc: Fix costing.\n",
                        "gcc/tree-vect-loop.cc", "cost += 1;"))
                + mail("20240802-vect-reply@example.org", "Richard Reviewer <richard@example.org>",
                "Fri, 2 Aug 2024 12:00:00 +0000", "Re: [PATCH] tree-optimization/116000 - fix vectorizer costing",
                "20240802-vect@example.org", "OK.\n");
        Path file = Path.of("target", "sourceware-gcc-patches.mbox").toAbsolutePath();
        Files.writeString(file, mbox);
        lore = LoreLocal.start("sourceware", Map.of(), Path.of(LIST + "=" + file));
    }

    @AfterAll
    static void stopLore() {
        if (lore != null) {
            lore.close();
        }
    }

    @BeforeEach
    void clean() {
        database.clear();
    }

    @Test
    void theDefaultQueryTakesTheRustFrontEndsPostingsOnly() {
        // the query tested here is the default one (the test profile only switches the source off)
        PatchtrackConfig.Source defaults = config.sources().get(LIST);
        assertThat(defaults.baseUrl()).isEqualTo("https://inbox.sourceware.org/");
        assertThat(defaults.mode()).isEqualTo("query");
        assertThat(defaults.query()).contains(QUERY);
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("baseUrl", lore.base(), "mode", "query", "query", QUERY, "schedule", "1h"))
                .put("/api/sources/{name}", LIST).then().statusCode(200);
        List<SyncService.Result> results = sync.runAll();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.error()).isNull();
            assertThat(r.stored()).isEqualTo(2);
        });

        JsonPath message = given().get("/api/messages/{id}", "20240801-gccrs-1@example.com").then().statusCode(200)
                .extract().jsonPath();
        assertThat(message.getList("lists")).contains(LIST);
        JsonPath series = given().get("/api/series/{id}", message.getLong("seriesId")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(series.getString("title")).isEqualTo("gccrs: Fix ICE when resolving a missing lang item");
        assertThat(series.getInt("revisions[0].total")).isEqualTo(2);
        assertThat(series.getList("revisions[0].patches.messageId")).containsExactly("20240801-gccrs-1@example.com",
                "20240801-gccrs-2@example.com");
        // [COMMITTED 01/02]: pushed before it was posted
        assertThat(series.getString("state.state")).isEqualTo("accepted");
        assertThat(series.getList("revisions[0].patches.state.reason")).containsOnly("posted as committed");
        assertThat(series.getList("revisions[0].patches.state.messageId")).containsExactly("20240801-gccrs-1@example.com",
                "20240801-gccrs-2@example.com");
        // C++ and a test in the GCC tree: Rust work, and the toolchain's
        assertThat(series.getList("topics.topic")).containsExactly("rust-toolchain");
        assertThat(series.getString("topics[0].reason")).contains("gcc/rust/resolve/rust-late-name-resolver.cc");
        // the rest of GCC's work stays on the list
        given().get("/api/messages/{id}", "20240802-vect@example.org").then().statusCode(404);

        // a second sync finds nothing new
        assertThat(sync.runAll()).singleElement().satisfies(r -> assertThat(r.stored()).isZero());
    }
}
