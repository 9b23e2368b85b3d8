package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.GitTree;
import dev.patchtrack.support.Mbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Patches become accepted because a tracked git tree carries them: by a Link: trailer, by patch-id, by
 * subject and author; with the first release tag, which a later tag does not change and a later release
 * gives to what it newly contains.
 */
@QuarkusTest
public class TreesTest {

    static final String ANA = ReviewStatesTest.ANA;
    static final String CAT = ReviewStatesTest.CAT;
    static final String DAN = "Dan Other <dan@example.org>";
    static final String TREE = "test/linux";

    @Inject
    Database database;

    @BeforeEach
    void clean() {
        database.clear();
    }

    /** Four patches: one linked from a commit, one with a commit's diff, one by subject and author, one in no commit. */
    public static Mbox mail() {
        return Mbox.create()
                .mail("q0@example.com", ANA, 0, "[PATCH 0/4] rust: nvme: queue helpers", null, "Queue helpers.\n")
                .patch("q1@example.com", ANA, 1, "[PATCH 1/4] rust: nvme: add queue setup", "q0@example.com",
                        "drivers/block/rnvme.rs")
                .patch("q2@example.com", ANA, 2, "[PATCH 2/4] rust: nvme: add queue mapping", "q0@example.com",
                        "drivers/block/rnvme2.rs")
                .patch("q3@example.com", ANA, 3, "[PATCH 3/4] rust: nvme: add queue teardown", "q0@example.com",
                        "drivers/block/rnvme3.rs")
                .patch("q4@example.com", ANA, 4, "[PATCH 4/4] rust: nvme: add queue stats", "q0@example.com",
                        "drivers/block/rnvme4.rs");
    }

    static final String BASE = "// SPDX-License-Identifier: GPL-2.0\nfn x() {}\n";

    /** The tree before its second release: q1 linked, q2 by its diff, v6.1-rc1 on top. */
    public static GitTree firstRelease() {
        GitTree g = GitTree.create(GitTree.TEST_LINUX);
        g.write("drivers/block/rnvme2.rs", BASE).write("drivers/block/rnvme4.rs", BASE).write("README", "Linux\n");
        g.commit(DAN, "Initial commit");
        g.write("drivers/block/rnvme.rs", "// something else entirely\n");
        g.commit(ANA, "rust: nvme: add queue setup\n\nSigned-off-by: " + ANA
                + "\nLink: https://lore.kernel.org/rust-for-linux/q1@example.com/\n");
        // the maintainer reworded the subject and it carries his name, but the change is q2's to the byte
        g.write("drivers/block/rnvme2.rs", "// SPDX-License-Identifier: GPL-2.0\n// more\n// lines\nfn x() {}\n");
        g.commit(CAT, "nvme: rust: queue mapping, reworded when applied");
        g.tag("v6.1-rc1");
        return g;
    }

    public static void upload(Mbox mbox) {
        given().header("Authorization", "Bearer test-token").body(mbox.bytes()).queryParam("list", "rust-for-linux")
                .post("/api/import").then().statusCode(200);
    }

    static JsonPath scan() {
        return given().header("Authorization", "Bearer test-token").post("/api/trees/" + TREE + "/scan")
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath patch(JsonPath series, int number) {
        long id = series.getLong("revisions[0].patches[" + (number - 1) + "].id");
        return given().get("/api/patches/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScannedTreeAcceptsThePatchesItCarriesWithTheFirstTag() {
        upload(mail());
        JsonPath s = ReviewStatesTest.seriesOf("q0@example.com");
        assertThat(s.getList("revisions[0].patches.state.state")).containsOnly("new");
        List<String> before = summaries();

        String linked;
        String byPatchId;
        String bySubject;
        try (GitTree g = firstRelease()) {
            JsonPath first = scan();
            assertThat(first.getInt("added")).isEqualTo(3);
            assertThat(first.getInt("matchesChanged")).isEqualTo(2);
            assertThat(first.getBoolean("rebuilt")).isTrue();

            s = ReviewStatesTest.seriesOf("q0@example.com");
            assertThat(s.getList("revisions[0].patches.state.state"))
                    .containsExactly("accepted", "accepted", "new", "new");
            JsonPath p1 = patch(s, 1);
            linked = p1.getString("inTree.commit");
            assertThat(p1.getString("state.reason")).isEqualTo("in test/linux as " + linked.substring(0, 12)
                    + ", first in v6.1-rc1 (matched by link)");
            assertThat(p1.getString("state.messageId")).isNull();
            assertThat(p1.getMap("inTree")).containsEntry("tree", TREE).containsEntry("firstTag", "v6.1-rc1")
                    .containsEntry("matchedBy", "link").containsEntry("subject", "rust: nvme: add queue setup");
            JsonPath p2 = patch(s, 2);
            byPatchId = p2.getString("inTree.commit");
            assertThat(p2.getString("inTree.matchedBy")).isEqualTo("patch-id");
            assertThat(p2.getString("inTree.subject")).isEqualTo("nvme: rust: queue mapping, reworded when applied");
            assertThat(p2.getString("state.reason")).endsWith(", first in v6.1-rc1 (matched by patch-id)");
            assertThat(patch(s, 3).getMap("inTree")).isNull();

            List<String> afterFirst = summaries();
            assertThat(afterFirst.subList(before.size(), afterFirst.size())).as("the acceptance is an event")
                    .anySatisfy(e -> assertThat(e).startsWith("state-changed ").contains("new -> "));

            // the same scan again: nothing read, nothing written, no event
            JsonPath again = scan();
            assertThat(again.getInt("walked")).isZero();
            assertThat(again.getInt("added")).isZero();
            assertThat(again.getInt("tagged")).isZero();
            assertThat(again.getBoolean("rebuilt")).isFalse();
            assertThat(summaries()).isEqualTo(afterFirst);

            // then: q3 applied by its author under the same subject (a different diff), and an unrelated commit
            g.write("drivers/block/rnvme3.rs", "// applied differently\n");
            bySubject = g.commit(ANA, "rust: nvme: add queue teardown");
            g.write("drivers/gpu/drm/x.c", "int x;\n");
            g.commit(DAN, "drm: unrelated fix");
            JsonPath second = scan();
            assertThat(second.getInt("added")).isEqualTo(2);
            assertThat(second.getInt("matchesChanged")).isEqualTo(1);
            s = ReviewStatesTest.seriesOf("q0@example.com");
            assertThat(s.getList("revisions[0].patches.state.state"))
                    .containsExactly("accepted", "accepted", "accepted", "new");
            JsonPath p3 = patch(s, 3);
            assertThat(p3.getString("inTree.commit")).isEqualTo(bySubject);
            assertThat(p3.getString("inTree.firstTag")).isNull();
            assertThat(p3.getString("state.reason")).isEqualTo("in test/linux as " + bySubject.substring(0, 12)
                    + ", in no release yet (matched by subject and author)");

            // later still: v6.1 is tagged, and the next merge window opens
            g.tag("v6.1");
            g.write("README", "Linux 6.2\n");
            g.commit(DAN, "Merge window opens");
            JsonPath third = scan();
            assertThat(third.getInt("added")).isEqualTo(1);
            assertThat(third.getInt("tagged")).as("v6.1 is the first release of the two commits under it").isEqualTo(2);
            assertThat(third.getBoolean("rebuilt")).isTrue();
            s = ReviewStatesTest.seriesOf("q0@example.com");
            p3 = patch(s, 3);
            assertThat(p3.getString("inTree.firstTag")).isEqualTo("v6.1");
            assertThat(p3.getString("state.reason")).isEqualTo("in test/linux as " + bySubject.substring(0, 12)
                    + ", first in v6.1 (matched by subject and author)");
            assertThat(patch(s, 1).getString("inTree.firstTag")).as("a later tag keeps the first one").isEqualTo("v6.1-rc1");
            assertThat(patch(s, 2).getString("inTree.commit")).isEqualTo(byPatchId);
            assertThat(patch(s, 4).getMap("inTree")).as("the unrelated commit accepts nothing").isNull();
        }

        JsonPath all = given().get("/api/trees").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("name")).contains("test/linux", "test/missing", "test/remote").isSorted();
        Map<String, Object> tree = all.getMap("find { it.name == 'test/linux' }");
        assertThat((Map<String, Object>) tree.get("branches")).containsOnlyKeys("master");
        assertThat(tree).containsEntry("commits", 6).containsEntry("released", 5).containsEntry("matches", 3)
                .containsEntry("latestTag", "v6.1").containsEntry("lastError", null).containsEntry("scanning", false)
                .containsEntry("lastAdded", 1);
    }

    /** Every event as {@code kind summary}, oldest first. */
    static List<String> summaries() {
        JsonPath j = given().get("/api/events?limit=1000").jsonPath();
        List<String> kinds = j.getList("kind");
        List<String> texts = j.getList("summary");
        return java.util.stream.IntStream.range(0, kinds.size()).mapToObj(i -> kinds.get(i) + " " + texts.get(i)).toList();
    }

    @Test
    void mailThatArrivesAfterTheScanIsMatchedToo() {
        try (GitTree g = firstRelease()) {
            scan();
        }
        upload(mail());
        JsonPath s = ReviewStatesTest.seriesOf("q0@example.com");
        assertThat(s.getList("revisions[0].patches.state.state")).containsExactly("accepted", "accepted", "new", "new");
    }

    @Test
    void badTreesAreClearErrors() {
        given().header("Authorization", "Bearer test-token").post("/api/trees/test/missing/scan").then()
                .statusCode(422).contentType(containsString("problem+json"))
                .body("detail", containsString("patchtrack.trees.test/missing.url"))
                .body("detail", containsString("does not exist"));
        given().get("/api/trees").then().statusCode(200)
                .body("find { it.name == 'test/missing' }.lastError", containsString("does not exist"));
        given().header("Authorization", "Bearer test-token").post("/api/trees/test/remote/scan").then()
                .statusCode(422).body("detail", containsString("https://git.example.org/pub/linux.git is not http(s) on"
                        + " an allowed host (patchtrack.http.allowed-hosts)"));
        java.nio.file.Path notARepo = java.nio.file.Path.of("target/test-trees/no-such-repository");
        try {
            java.nio.file.Files.createDirectories(notARepo);
            given().header("Authorization", "Bearer test-token").post("/api/trees/test/missing/scan").then()
                    .statusCode(422).body("detail", containsString("is not a git repository"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            notARepo.toFile().delete();
        }
        given().header("Authorization", "Bearer test-token").post("/api/trees/nope/scan").then().statusCode(404)
                .body("detail", containsString("no tree 'nope'"));
        given().post("/api/trees/test/linux/scan").then().statusCode(401);
    }
}
