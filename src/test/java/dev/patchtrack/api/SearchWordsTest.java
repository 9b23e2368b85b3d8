package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.core.patch.PatchId;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.Mbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * lore's search words in {@code q=}, on whichever database the tests run (H2, and PostgreSQL in
 * .ci/run): each prefix, the operators and quotes, for patches and for series (a series has a term
 * when one of its postings has it); plain words keep their meaning.
 */
@QuarkusTest
class SearchWordsTest {

    private static boolean imported;

    @Inject
    Database database;

    static String patch(String from, String message, String path, String removed, String added) {
        return message + "\n\nSigned-off-by: " + from + "\n---\n " + path + " | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\n"
                + "diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/" + path + "\n+++ b/" + path
                + "\n@@ -1,3 +1,3 @@\n // SPDX-License-Identifier: GPL-2.0\n-" + removed + "\n+" + added + "\n fn x() {}\n-- \n2.45.0\n";
    }

    @BeforeEach
    void importOnce() {
        if (imported) {
            return;
        }
        database.clear();
        String ana = "Ana Lindqvist <ana@example.com>";
        String bob = "Bob Reviewer <bob@example.org>";
        String cat = "Cat Maintainer <cat@example.net>";
        ImportAndReadTest.upload(Mbox.create()
                .mail("sw-a0@example.com", ana, 0, "[PATCH 0/2] rust: nvme: add queue helpers", null,
                        "This series moors the queue helpers like a zeppelin.\n\nAna Lindqvist (2):\n  rust: nvme: add queue setup\n")
                .mail("sw-a1@example.com", ana, 1, "[PATCH 1/2] rust: nvme: add queue setup", "sw-a0@example.com",
                        patch(ana, "Set the queue up with a deeper ring.", "drivers/nvme/host/rnvme/queue.rs",
                                "let depth = 32;", "let depth = 64;"))
                .mail("sw-a2@example.com", ana, 2, "[PATCH 2/2] rust: block: add a tag set", "sw-a0@example.com",
                        patch(ana, "Tag sets for the queue.", "rust/kernel/block/mq/tag_set.rs", "old_tags();", "new_tags();"))
                .mail("sw-b1@example.com", bob, 120, "[PATCH] rust: 9p: add a client", null,
                        patch(bob, "Uses the transport of the 9p code.", "fs/9p/client.rs", "todo!();", "attach(fid);"))
                .mail("sw-c1@example.com", cat, 300, "[RFC PATCH] docs: rust: describe the queue", null,
                        patch(cat, "Explain how a Depth is chosen.", "Documentation/rust/queue.rst", "TBD", "The depth is 64."))
                .bytes(), "rust-for-linux");
        imported = true;
    }

    static List<String> patches(String q) {
        return given().queryParam("q", q).queryParam("per_page", 100).get("/api/patches").then().statusCode(200)
                .extract().jsonPath().getList("items.messageId");
    }

    static List<String> series(String q) {
        return given().queryParam("q", q).queryParam("per_page", 100).get("/api/series").then().statusCode(200)
                .extract().jsonPath().getList("items.title");
    }

    static final String NVME = "rust: nvme: add queue helpers";
    static final String NINEP = "rust: 9p: add a client";
    static final String DOCS = "docs: rust: describe the queue";

    @Test
    void eachPrefixLooksInItsField() {
        assertThat(patches("s:queue")).containsExactlyInAnyOrder("sw-a1@example.com", "sw-c1@example.com");
        assertThat(patches("s:QUEUE")).as("case folded").hasSize(2);
        assertThat(patches("f:bob")).containsExactly("sw-b1@example.com");
        assertThat(patches("f:cat@example.net")).containsExactly("sw-c1@example.com");
        assertThat(patches("b:transport")).containsExactly("sw-b1@example.com");
        assertThat(patches("b:signed-off-by")).hasSize(4);
        assertThat(patches("b:attach")).as("the diff is not the body").isEmpty();
        assertThat(patches("bs:transport")).containsExactly("sw-b1@example.com");
        assertThat(patches("bs:describe")).containsExactly("sw-c1@example.com");
        assertThat(patches("dfn:rnvme/queue.rs")).containsExactly("sw-a1@example.com");
        assertThat(patches("dfn:rust/")).containsExactlyInAnyOrder("sw-a2@example.com", "sw-c1@example.com");
        assertThat(patches("dfa:\"depth = 32\"")).containsExactly("sw-a1@example.com");
        assertThat(patches("dfb:\"depth = 64\"")).containsExactly("sw-a1@example.com");
        assertThat(patches("dfb:\"depth = 32\"")).isEmpty();
        assertThat(patches("dfb:64")).containsExactlyInAnyOrder("sw-a1@example.com", "sw-c1@example.com");
        assertThat(patches("dfa:todo!")).containsExactly("sw-b1@example.com");
        assertThat(patches("m:<sw-a2@example.com>")).containsExactly("sw-a2@example.com");
        assertThat(patches("mid:sw-b1@example.com")).containsExactly("sw-b1@example.com");
        assertThat(patches("m:sw-b1")).as("a Message-ID is matched whole").isEmpty();
        String patchId = PatchId.of(patch("Bob Reviewer <bob@example.org>", "Other words.", "fs/9p/client.rs", "todo!();",
                "attach(fid);"));
        assertThat(patches("patchid:" + patchId.toUpperCase(java.util.Locale.ROOT))).containsExactly("sw-b1@example.com");
        assertThat(series("patchid:" + patchId)).containsExactly(NINEP);
        assertThat(patches("d:2024-06-03T11:00:00Z..")).containsExactlyInAnyOrder("sw-b1@example.com", "sw-c1@example.com");
        assertThat(patches("d:..2024-06-03T11:00:00Z")).containsExactlyInAnyOrder("sw-a1@example.com", "sw-a2@example.com");
        assertThat(patches("d:20240603")).hasSize(4);
        assertThat(patches("d:2024-06-04..")).isEmpty();
    }

    @Test
    void aSeriesHasATermWhenOneOfItsPostingsHasIt() {
        assertThat(series("b:zeppelin")).as("the cover letter's body").containsExactly(NVME);
        assertThat(series("dfn:tag_set.rs")).containsExactly(NVME);
        assertThat(series("s:\"tag set\"")).as("a patch's subject").containsExactly(NVME);
        assertThat(series("dfb:\"depth = 64\"")).containsExactly(NVME);
        assertThat(series("dfb:64")).containsExactlyInAnyOrder(NVME, DOCS);
        assertThat(series("m:sw-a0@example.com")).containsExactly(NVME);
        assertThat(series("m:sw-a1@example.com")).containsExactly(NVME);
        assertThat(series("f:bob")).containsExactly(NINEP);
        assertThat(series("d:2024-06-03T11:00:00Z..")).containsExactlyInAnyOrder(NINEP, DOCS);
    }

    @Test
    void operatorsAndQuotesCombineTerms() {
        assertThat(patches("s:queue AND f:ana")).containsExactly("sw-a1@example.com");
        assertThat(patches("s:queue f:ana")).as("AND is implied").containsExactly("sw-a1@example.com");
        assertThat(patches("f:bob OR f:cat")).containsExactlyInAnyOrder("sw-b1@example.com", "sw-c1@example.com");
        assertThat(patches("s:queue NOT f:ana")).containsExactly("sw-c1@example.com");
        assertThat(patches("s:queue AND NOT dfn:documentation")).containsExactly("sw-a1@example.com");
        assertThat(patches("-f:ana")).containsExactlyInAnyOrder("sw-b1@example.com", "sw-c1@example.com");
        assertThat(patches("NOT (f:ana OR f:bob)")).containsExactly("sw-c1@example.com");
        assertThat(patches("(s:client OR s:describe) AND dfb:64")).containsExactly("sw-c1@example.com");
        assertThat(patches("s:\"add a client\"")).containsExactly("sw-b1@example.com");
        assertThat(patches("s:\"a client add\"")).isEmpty();
        assertThat(series("s:nvme AND NOT dfn:block")).isEmpty();
        assertThat(series("s:queue -f:cat")).containsExactly(NVME);
    }

    @Test
    void plainWordsKeepTheirMeaning() {
        assertThat(patches("queue setup")).containsExactly("sw-a1@example.com");
        assertThat(patches("setup queue")).as("one piece of text, as always").isEmpty();
        assertThat(patches("LINDQVIST")).containsExactlyInAnyOrder("sw-a1@example.com", "sw-a2@example.com");
        assertThat(series("rust: 9p")).containsExactly(NINEP);
        assertThat(series("add a")).containsExactlyInAnyOrder(NINEP, NVME);
        // on the feed too
        given().queryParam("q", "dfn:fs/9p").get("/feeds/series.atom").then().statusCode(200)
                .body(containsString(NINEP)).body(org.hamcrest.Matchers.not(containsString(NVME)));
    }

    @Test
    void aQueryThatCannotBeReadSaysWhy() {
        given().queryParam("q", "t:someone@example.org").get("/api/patches").then().statusCode(400)
                .body("parameter", equalTo("q")).body("detail", containsString("t: is not supported"));
        given().queryParam("q", "(s:queue").get("/api/series").then().statusCode(400)
                .body("detail", containsString("'(' without its ')'"));
        given().queryParam("q", "d:soon..").get("/api/series").then().statusCode(400)
                .body("detail", containsString("not a date"));
    }
}
