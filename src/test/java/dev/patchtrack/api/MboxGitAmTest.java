package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.GitRepo;
import dev.patchtrack.support.Mbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A series exported as an mbox and applied with the real {@code git am}, trailers from replies included. */
@QuarkusTest
class MboxGitAmTest {

    static final String ANA = ReviewStatesTest.ANA;
    static final String SOREN = "Søren Ælund <soren@example.com>";
    static final String BOB = ReviewStatesTest.BOB;
    static final String CAT = ReviewStatesTest.CAT;
    static final String BASE = "// SPDX-License-Identifier: GPL-2.0\nfn x() {}\n";
    static final String DIR = "drivers/nvme/host/rnvme/";

    @Inject
    Database database;

    @TempDir
    Path tmp;

    @BeforeEach
    void clean() {
        database.clear();
    }

    /** A kernel-style patch body adding one line to {@code file}, with the trailers given after the message. */
    static String patch(String what, String file, String line, String... trailers) {
        return "Add " + what + " so that the driver can use it.\n\nThe line \"From here on\" below must survive.\n"
                + "From here on the queue is ready.\n\n"
                + String.join("\n", trailers) + "\n"
                + "---\n"
                + " " + DIR + file + " | 1 +\n"
                + " 1 file changed, 1 insertion(+)\n\n"
                + "diff --git a/" + DIR + file + " b/" + DIR + file + "\n"
                + "--- a/" + DIR + file + "\n"
                + "+++ b/" + DIR + file + "\n"
                + "@@ -1,2 +1,3 @@\n"
                + " // SPDX-License-Identifier: GPL-2.0\n"
                + "+" + line + "\n"
                + " fn x() {}\n"
                + "-- \n2.45.0\n";
    }

    static Mbox series() {
        return Mbox.create()
                .mail("v1-0@example.com", ANA, 0, "[PATCH 0/2] rust: nvme: add queue helpers", null,
                        "This adds queue helpers to the Rust NVMe driver.\n")
                .mail("v1-1@example.com", ANA, 1, "[PATCH 1/2] rust: nvme: add queue setup", "v1-0@example.com",
                        patch("queue setup", "queue.rs", "// queue v1", "Signed-off-by: " + ANA))
                .mail("v1-2@example.com", ANA, 2, "[PATCH 2/2] rust: nvme: add admin queue", "v1-0@example.com",
                        patch("the admin queue", "admin.rs", "// admin v1", "Signed-off-by: " + ANA))
                .mail("v1-r1@example.org", BOB, 20, "Re: [PATCH 1/2] rust: nvme: add queue setup", "v1-1@example.com",
                        "Looks right.\n\nReviewed-by: " + BOB + "\n")
                .mail("v2-0@example.com", ANA, 100, "[PATCH v2 0/3] rust: nvme: add queue helpers", null,
                        "This adds queue helpers to the Rust NVMe driver.\n\nChanges since v1: an I/O queue.\n")
                .mail("v2-1@example.com", ANA, 101, "[PATCH v2 1/3] rust: nvme: add queue setup", "v2-0@example.com",
                        patch("queue setup", "queue.rs", "// queue v2", "Signed-off-by: " + ANA, "Reviewed-by: " + BOB))
                .mail("v2-2@example.com", SOREN, 102, "[PATCH v2 2/3] rust: nvme: add admin queue", "v2-0@example.com",
                        patch("the admin queue", "admin.rs", "// admin v2", "Signed-off-by: " + SOREN,
                                "Signed-off-by: " + ANA))
                .mail("v2-3@example.com", ANA, 103, "[PATCH v2 3/3] rust: nvme: add I/O queue & <doorbell>",
                        "v2-0@example.com", patch("the I/O queue", "io.rs", "// io v2", "Signed-off-by: " + ANA))
                .mail("v2-r1@example.org", BOB, 120, "Re: [PATCH v2 1/3] rust: nvme: add queue setup", "v2-1@example.com",
                        "Still fine.\n\nReviewed-by: " + BOB + "\n")
                .mail("v2-r2@example.org", BOB, 121, "Re: [PATCH v2 2/3] rust: nvme: add admin queue", "v2-2@example.com",
                        "> Reviewed-by: Quoted Person <quoted@example.org>\n\nRan it on my box.\n\nTested-by: " + BOB + "\n")
                .mail("v2-r3@example.net", CAT, 130, "Re: [PATCH v2 0/3] rust: nvme: add queue helpers", "v2-0@example.com",
                        "For the series:\n\nAcked-by: " + CAT + "\n");
    }

    static long upload(Mbox mbox) {
        given().header("Authorization", "Bearer test-token").body(mbox.bytes()).queryParam("list", "rust-for-linux")
                .post("/api/import").then().statusCode(200);
        return given().get("/api/messages/{id}", "v2-1@example.com").then().statusCode(200).extract().jsonPath()
                .getLong("seriesId");
    }

    static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : List.of("queue.rs", "admin.rs", "io.rs")) {
            files.put(DIR + f, BASE);
        }
        return files;
    }

    @Test
    void latestRevisionAppliesWithGitAmWithTheTrailersOfItsReplies() throws Exception {
        long id = upload(series());
        byte[] mbox = given().get("/api/series/{id}/mbox", id).then().statusCode(200)
                .contentType("application/mbox").extract().asByteArray();
        Path file = tmp.resolve("v2.mbox");
        Files.write(file, mbox);
        GitRepo repo = GitRepo.init(tmp.resolve("repo"), files());
        repo.git("am", file.toString());

        String log = repo.git("log", "--reverse", "--format=%an <%ae>%x1f%s%x1f%B%x1e", "main", "--not", "main~3");
        List<String[]> commits = Arrays.stream(log.split("\u001e")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.split("\u001f")).toList();
        assertThat(commits).hasSize(3);
        assertThat(commits.get(0)[0]).isEqualTo(ANA);
        assertThat(commits.get(0)[1]).isEqualTo("rust: nvme: add queue setup");
        assertThat(commits.get(1)[0]).isEqualTo(SOREN);
        assertThat(commits.get(1)[1]).isEqualTo("rust: nvme: add admin queue");
        assertThat(commits.get(2)[1]).isEqualTo("rust: nvme: add I/O queue & <doorbell>");

        List<String> first = trailers(commits.get(0)[2]);
        assertThat(first).containsExactlyInAnyOrder("Signed-off-by: " + ANA, "Reviewed-by: " + BOB,
                "Acked-by: " + CAT, "Link: https://lore.kernel.org/r/v2-1@example.com");
        assertThat(first.get(0)).isEqualTo("Signed-off-by: " + ANA);
        assertThat(first.get(first.size() - 1)).startsWith("Link: ");

        List<String> second = trailers(commits.get(1)[2]);
        assertThat(second).containsExactlyInAnyOrder("Signed-off-by: " + SOREN, "Signed-off-by: " + ANA,
                "Tested-by: " + BOB, "Acked-by: " + CAT, "Link: https://lore.kernel.org/r/v2-2@example.com");
        assertThat(commits.get(1)[2]).doesNotContain("quoted@example.org");

        assertThat(trailers(commits.get(2)[2])).containsExactly("Signed-off-by: " + ANA, "Acked-by: " + CAT,
                "Link: https://lore.kernel.org/r/v2-3@example.com");
        for (String[] c : commits) {
            assertThat(c[2]).as("the message is kept, the diffstat is not")
                    .contains("so that the driver can use it.").contains("\nFrom here on the queue is ready.\n")
                    .doesNotContain("1 file changed").doesNotContain("2.45.0");
        }
        assertThat(Files.readString(repo.dir().resolve(DIR + "queue.rs"))).contains("// queue v2");
        assertThat(Files.readString(repo.dir().resolve(DIR + "io.rs"))).contains("// io v2");
    }

    @Test
    void onePatchAppliesAloneAndItsMboxNamesWhereEachAddedTrailerCameFrom() throws Exception {
        long id = upload(series());
        long patch = given().get("/api/messages/{id}", "v2-2@example.com").then().statusCode(200).extract().jsonPath()
                .getLong("patchId");
        String mbox = given().get("/api/patches/{id}/mbox", patch).then().statusCode(200).contentType("application/mbox")
                .header("Content-Disposition", containsString("patch-" + patch + ".mbox")).extract().asString();
        // what the series mbox added to patch 2/3, and from which reply: the Tested-by and the cover's Acked-by
        assertThat(mbox).contains("\nX-Patchtrack-Added: Tested-by: " + BOB + " (from <v2-r2@example.org>)\n")
                .contains("\nX-Patchtrack-Added: Acked-by: " + CAT + " (from <v2-r3@example.net>)\n")
                .doesNotContain("X-Patchtrack-Added: Signed-off-by").doesNotContain("X-Patchtrack-Added: Link");
        Path file = tmp.resolve("p.mbox");
        Files.writeString(file, mbox);
        GitRepo repo = GitRepo.init(tmp.resolve("repo"), files());
        repo.git("am", file.toString());
        String log = repo.git("log", "-1", "--format=%an <%ae>%n%s%n%b");
        assertThat(log).startsWith(SOREN + "\nrust: nvme: add admin queue\n").contains("Tested-by: " + BOB)
                .contains("Acked-by: " + CAT).contains("Link: https://lore.kernel.org/r/v2-2@example.com");
        assertThat(Files.readString(repo.dir().resolve(DIR + "admin.rs"))).contains("// admin v2");
        given().get("/api/patches/{id}/mbox", 999999).then().statusCode(404);
        given().get("/api/patches/{id}/mbox?link=false", patch).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("Link: https://lore")));
    }

    @Test
    void anEarlierVersionOnRequestAndWithoutTheLink() throws Exception {
        long id = upload(series());
        byte[] mbox = given().get("/api/series/{id}/mbox?version=1&link=false", id).then().statusCode(200)
                .extract().asByteArray();
        Path file = tmp.resolve("v1.mbox");
        Files.write(file, mbox);
        GitRepo repo = GitRepo.init(tmp.resolve("repo"), files());
        repo.git("am", file.toString());
        String log = repo.git("log", "--format=%s%n%b", "main~2..main");
        assertThat(log).contains("rust: nvme: add queue setup").contains("rust: nvme: add admin queue")
                .contains("Reviewed-by: " + BOB).doesNotContain("Link:").doesNotContain("Acked-by");
        assertThat(Files.readString(repo.dir().resolve(DIR + "admin.rs"))).contains("// admin v1");
    }

    @Test
    void missingVersionSeriesOrPatchIsAProblem() {
        long id = upload(series());
        given().get("/api/series/{id}/mbox?version=7", id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("v1, v2"));
        given().get("/api/series/{id}/mbox?version=x", id).then().statusCode(400).body("parameter", equalTo("version"));
        given().get("/api/series/999999/mbox").then().statusCode(404).contentType("application/problem+json");

        given().header("Authorization", "Bearer test-token").body(Mbox.create()
                        .mail("h-0@example.com", ANA, 300, "[PATCH 0/3] rust: block: half a series", null, "Cover.\n")
                        .mail("h-1@example.com", ANA, 301, "[PATCH 1/3] rust: block: first", "h-0@example.com",
                                patch("one", "queue.rs", "// one", "Signed-off-by: " + ANA))
                        .mail("h-3@example.com", ANA, 303, "[PATCH 3/3] rust: block: third", "h-0@example.com",
                                patch("three", "io.rs", "// three", "Signed-off-by: " + ANA)).bytes())
                .queryParam("list", "rust-for-linux").post("/api/import").then().statusCode(200);
        long half = given().get("/api/messages/{id}", "h-1@example.com").then().extract().jsonPath().getLong("seriesId");
        given().get("/api/series/{id}/mbox", half).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("lacks patch 2/3"));
    }

    /** The trailer lines at the end of a commit message. */
    static List<String> trailers(String message) {
        String[] paragraphs = message.strip().split("\n\n");
        return Arrays.stream(paragraphs[paragraphs.length - 1].split("\n")).map(String::strip).toList();
    }
}
