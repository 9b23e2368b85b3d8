package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.GitRepo;
import dev.patchtrack.support.Preimage;
import dev.patchtrack.support.RealMail;
import dev.patchtrack.support.RealThreads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mboxes as lore and b4 give them, on real linux-pci threads: a thread as {@code t.mbox(.gz)}, byte for
 * byte what lore wrote; the series and patch mboxes with {@code ?base=1}, applied with the real
 * {@code git am}; the patch's commit message, diff and hash, the hash checked against the real
 * {@code git patch-id --stable}; and the patch list found by Message-ID, hash and series.
 */
@QuarkusTest
class RealMboxTest {

    static final RealMail.Archive PCI = RealMail.Archive.PCI;

    /** try_access_with() v3: a b4 series whose cover names its base; Benno Lossin reviewed both patches. */
    static final String COVER = "20250406-try_with-v3-0-c0947842e768@nvidia.com";
    static final String PATCH1 = "20250406-try_with-v3-1-c0947842e768@nvidia.com";
    static final String PATCH2 = "20250406-try_with-v3-2-c0947842e768@nvidia.com";
    static final String REVIEW1 = "D8ZVBUTCJXYZ.1X3I8HOSTXIA7@proton.me";
    static final String REVIEW2 = "D8ZVCB2BC5L7.2FK9GSCBCEGMO@proton.me";
    static final String ANSWER = "D908W8AWVRHW.30H6WLUHQ7QZL@nvidia.com";
    static final List<String> TRY_WITH = List.of(COVER, PATCH1, PATCH2, REVIEW1, REVIEW2, ANSWER);
    static final String BASE = "7eb172143d5508b4da468ed59ee857c6e5e01da6";
    static final String BENNO = "Reviewed-by: Benno Lossin <benno.lossin@proton.me>";

    /** INTx v1, a series that names no base, and its v2, posted as a thread of its own. */
    static final List<String> INTX_V1 = List.of("20251019045620.2080-1-pcolberg@redhat.com",
            "20251019045620.2080-2-pcolberg@redhat.com", "20251019045620.2080-3-pcolberg@redhat.com",
            "DDN4FLSD09W9.30I0BJXFAU5YB@kernel.org", "DDPYRSBQZ74E.QTPGVTXJDTVC@kernel.org");
    static final List<String> INTX_V2 = List.of("20251020170223.573769-1-pcolberg@redhat.com",
            "20251020170223.573769-2-pcolberg@redhat.com", "20251020170223.573769-3-pcolberg@redhat.com");

    @Inject
    Database database;

    @TempDir
    Path tmp;

    @BeforeEach
    void importThreads() {
        database.clear();
        ImportAndReadTest.upload(RealThreads.mbox(PCI, TRY_WITH), PCI.list);
        ImportAndReadTest.upload(RealThreads.mbox(PCI, INTX_V1), PCI.list);
        ImportAndReadTest.upload(RealThreads.mbox(PCI, INTX_V2), PCI.list);
    }

    static long patchId(String messageId) {
        return given().get("/api/messages/{id}", messageId).then().statusCode(200).extract().jsonPath().getLong("patchId");
    }

    static long seriesId(String messageId) {
        return given().get("/api/messages/{id}", messageId).then().statusCode(200).extract().jsonPath().getLong("seriesId");
    }

    @Test
    void threadMboxIsTheThreadAsLoreWroteIt() throws IOException {
        byte[] lore = RealThreads.mbox(PCI, TRY_WITH);
        for (String from : List.of(COVER, ANSWER, "<" + REVIEW2 + ">")) {
            byte[] mbox = given().get("/api/messages/{id}/thread.mbox", from).then().statusCode(200)
                    .contentType("application/mbox").header("Content-Disposition", containsString(".mbox"))
                    .extract().asByteArray();
            assertThat(new String(mbox, StandardCharsets.ISO_8859_1)).as("from " + from)
                    .isEqualTo(new String(lore, StandardCharsets.ISO_8859_1));
        }
        byte[] gz = given().get("/api/messages/{id}/thread.mbox.gz", PATCH2).then().statusCode(200)
                .contentType("application/gzip").header("Content-Disposition", containsString(".mbox.gz"))
                .extract().asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(lore);
        }
        // v2 of the INTx series is a thread of its own: v1's thread does not hold it
        String v1 = given().get("/api/messages/{id}/thread.mbox", INTX_V1.get(4)).then().statusCode(200).extract().asString();
        assertThat(v1).isEqualTo(new String(RealThreads.mbox(PCI, INTX_V1), StandardCharsets.ISO_8859_1))
                .doesNotContain(INTX_V2.get(0));
    }

    @Test
    void threadMboxOfAnUnknownMessageIsA404Problem() {
        for (String path : List.of("thread.mbox", "thread.mbox.gz")) {
            given().get("/api/messages/{id}/" + path, "no-such-message@example.org").then().statusCode(404)
                    .contentType("application/problem+json").body("detail", containsString("no-such-message@example.org"));
        }
        given().get("/api/messages/{id}/thread.mbox?base=1", COVER).then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("base"));
    }

    @Test
    void seriesMboxWithBaseAppliesWithGitAmAndNamesWhatItAdded() throws Exception {
        String mbox = given().get("/api/series/{id}/mbox?base=1", seriesId(PATCH1)).then().statusCode(200)
                .header("X-Patchtrack-Base", BASE).extract().asString();
        assertThat(mbox).contains("\nX-Patchtrack-Added: " + BENNO + " (from <" + REVIEW1 + ">)\n")
                .contains("\nX-Patchtrack-Added: " + BENNO + " (from <" + REVIEW2 + ">)\n");
        String[] mails = mbox.split("\nFrom git@z ");
        assertThat(mails).hasSize(2);
        assertThat(mails[0]).contains("\nX-Patchtrack-Base: " + BASE + "\n").contains("\nbase-commit: " + BASE + "\n");
        assertThat(mails[0].indexOf("\nbase-commit: ")).as("after the diff, as git format-patch --base writes it")
                .isGreaterThan(mails[0].lastIndexOf("\n@@ "));
        assertThat(mails[1]).contains("\nX-Patchtrack-Base: " + BASE + "\n").doesNotContain("base-commit:");

        Path file = tmp.resolve("series.mbox");
        Files.writeString(file, mbox);
        GitRepo repo = GitRepo.init(tmp.resolve("repo"), Preimage.of(mbox));
        repo.git("am", file.toString());
        String log = repo.git("log", "--reverse", "--format=%s%n%b%x1e", "main~2..main");
        String[] commits = log.split("\u001e");
        assertThat(commits[0]).startsWith("rust/revocable: add try_access_with() convenience method")
                .contains(BENNO + "\n").contains("Link: https://lore.kernel.org/r/" + PATCH1).doesNotContain("base-commit");
        assertThat(commits[1].strip()).startsWith("samples: rust: convert PCI rust sample driver")
                .contains(BENNO + "\n").contains("Link: https://lore.kernel.org/r/" + PATCH2);

        // without ?base the mbox says nothing of it
        given().get("/api/series/{id}/mbox", seriesId(PATCH1)).then().statusCode(200)
                .header("X-Patchtrack-Base", nullValue()).body(not(containsString("base-commit:")))
                .body(not(containsString("X-Patchtrack-Base")));
    }

    @Test
    void patchMboxTakesTheBaseFromTheCoverAndAppliesAlone() throws Exception {
        String mbox = given().get("/api/patches/{id}/mbox?base=true", patchId(PATCH2)).then().statusCode(200)
                .header("X-Patchtrack-Base", BASE).extract().asString();
        assertThat(mbox).contains("\nbase-commit: " + BASE + "\n-- \n")
                .contains("\nX-Patchtrack-Added: " + BENNO + " (from <" + REVIEW2 + ">)\n");
        Path file = tmp.resolve("p.mbox");
        Files.writeString(file, mbox);
        GitRepo repo = GitRepo.init(tmp.resolve("repo"), Preimage.of(mbox));
        repo.git("am", file.toString());
        assertThat(repo.git("log", "-1", "--format=%b")).contains(BENNO);
    }

    @Test
    void aSeriesThatNamesNoBaseSaysUnknownAndInventsNone() {
        String mbox = given().get("/api/series/{id}/mbox?base=1", seriesId(INTX_V1.get(1))).then().statusCode(200)
                .header("X-Patchtrack-Base", "unknown").extract().asString();
        assertThat(mbox).contains("\nX-Patchtrack-Base: unknown\n").doesNotContain("base-commit:");
        given().get("/api/patches/{id}/mbox?base=1", patchId(INTX_V1.get(2))).then().statusCode(200)
                .header("X-Patchtrack-Base", "unknown");
        given().get("/api/patches/{id}/mbox?base=maybe", patchId(PATCH1)).then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("base"));
        given().get("/api/series/{id}/mbox?bsae=1", seriesId(PATCH1)).then().statusCode(400)
                .body("parameter", equalTo("bsae")).body("detail", containsString("did you mean base?"));
    }

    @Test
    void patchCarriesItsCommitMessageDiffAndTheHashGitGives() throws Exception {
        long id = patchId(PATCH1);
        JsonPath p = given().get("/api/patches/{id}", id).then().statusCode(200).extract().jsonPath();
        String content = p.getString("content");
        String diff = p.getString("diff");
        assertThat(content).startsWith("Revocable::try_access() returns a guard")
                .endsWith("Signed-off-by: Alexandre Courbot <acourbot@nvidia.com>\n").doesNotContain("\n---")
                .doesNotContain("diff --git");
        assertThat(diff).startsWith("diff --git a/rust/kernel/revocable.rs b/rust/kernel/revocable.rs\n")
                .doesNotContain("\n-- \n").doesNotContain("base-commit");

        String raw = given().get("/api/messages/{id}/raw", PATCH1).then().statusCode(200).extract().asString();
        String git = patchIdOf(raw);
        assertThat(p.getString("hash")).isEqualTo(git);
        // one rule for both APIs
        given().get("/api/1.3/patches/{id}/", id).then().statusCode(200).body("hash", equalTo(git));

        given().get("/api/patches").then().statusCode(200).body("items.find { it.id == " + id + " }.hash", equalTo(git))
                .body("items.find { it.id == " + id + " }.content", nullValue())
                .body("items.find { it.id == " + id + " }.diff", nullValue());
    }

    @Test
    void patchListFindsByMessageIdHashAndSeries() {
        long id = patchId(PATCH1);
        String hash = given().get("/api/patches/{id}", id).then().extract().jsonPath().getString("hash");
        given().queryParam("msgid", "<" + PATCH1 + ">").get("/api/patches").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) id));
        given().queryParam("hash", hash.toUpperCase()).get("/api/patches").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].messageId", equalTo(PATCH1));
        given().queryParam("series", seriesId(INTX_V1.get(1))).get("/api/patches").then()
                .statusCode(200).body("items.messageId", hasSize(4))
                .body("items.messageId", org.hamcrest.Matchers.containsInAnyOrder(INTX_V1.get(1), INTX_V1.get(2),
                        INTX_V2.get(1), INTX_V2.get(2)));
        given().queryParam("series", seriesId(PATCH1)).queryParam("msgid", PATCH2).get("/api/patches").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].messageId", equalTo(PATCH2));
        given().queryParam("msgid", "no-such@example.org").get("/api/patches").then().statusCode(200)
                .body("total", equalTo(0));

        for (String[] bad : List.of(new String[] {"hash", "abc123"}, new String[] {"hash", hash + "0"},
                new String[] {"series", "x1"}, new String[] {"series", "999999"}, new String[] {"msgid", "a b@c"})) {
            given().queryParam(bad[0], bad[1]).get("/api/patches").then().statusCode(400)
                    .contentType("application/problem+json").body("parameter", equalTo(bad[0]));
        }
        // the series list takes none of them
        given().queryParam("hash", hash).get("/api/series").then().statusCode(400).body("parameter", equalTo("hash"));
    }

    /** What the real {@code git patch-id --stable} says of a mail. */
    static String patchIdOf(String mail) throws IOException, InterruptedException {
        Path in = Files.createTempFile("patch", ".mbox");
        try {
            Files.writeString(in, mail);
            Process p = new ProcessBuilder("git", "patch-id", "--stable").redirectInput(in.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).matches("[0-9a-f]{40} [0-9a-f]{40}\\n");
            return out.substring(0, 40);
        } finally {
            Files.delete(in);
        }
    }
}
