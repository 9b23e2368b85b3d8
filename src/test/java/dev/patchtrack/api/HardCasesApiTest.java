package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hard cases through the real import and the read API: what a maintainer sees with curl. */
@QuarkusTest
class HardCasesApiTest {

    private static final String COVER = "20240520101500.77-1-dakr@example.org";

    @Inject
    Database database;

    @BeforeEach
    void clean() {
        database.clear();
    }

    private static JsonPath patchOf(String messageId) {
        long id = given().get("/api/messages/{id}", messageId).then().statusCode(200).extract().jsonPath().getLong("patchId");
        return given().get("/api/patches/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath seriesOf(String messageId) {
        long id = given().get("/api/messages/{id}", messageId).then().statusCode(200).extract().jsonPath().getLong("seriesId");
        return given().get("/api/series/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void crossPostedMailIsStoredOnceAndListedUnderEachList() {
        byte[] mbox = Pipeline.fixture("series/3004-trailer-attribution.mbox");
        JsonPath first = ImportAndReadTest.upload(mbox, "rust-for-linux");
        JsonPath second = ImportAndReadTest.upload(mbox, "linux-pci");
        assertThat(second.getInt("stored")).isZero();
        assertThat(second.getInt("duplicates")).isEqualTo(first.getInt("read"));
        given().get("/api/messages/{id}", COVER).then().body("lists", contains("linux-pci", "rust-for-linux"));
        given().get("/api/series?list=linux-pci").then().body("total", equalTo(1));
        given().get("/api/series?list=rust-for-linux").then().body("total", equalTo(1));
    }

    @Test
    void trailersReviewersNacksAndMergedIdentities() {
        ImportAndReadTest.upload(Pipeline.fixture("series/3004-trailer-attribution.mbox"), "rust-for-linux");

        JsonPath p1 = patchOf("20240520101500.77-2-dakr@example.org");
        assertThat(p1.getString("author.email")).isEqualTo("wedsonaf@example.com");
        assertThat(p1.getList("reviewers.Reviewed-by.email")).containsExactly("aliceryhl@example.com", "gary@example.net",
                "benno.lossin@example.org");

        // Gary wrote from two addresses; the mailmap makes him one person, shown once among the reviewers
        JsonPath p2 = patchOf("20240520101500.77-3-dakr@example.org");
        assertThat(p2.getInt("trailerCounts.Reviewed-by")).isEqualTo(3);
        assertThat(p2.getList("reviewers.Reviewed-by.email")).containsExactly("gary@example.net", "benno.lossin@example.org");
        assertThat(p2.getList("reviewers.Acked-by.email")).containsExactly("ojeda@example.org", "bhelgaas@example.com");
        assertThat(p2.getList("trailers.findAll { it.messageId == '20240521090000.gary-2@personal.example.com' }.person.name"))
                .containsExactly("Gary Guo");
        assertThat(p2.getList("nacks")).isEmpty();

        JsonPath p3 = patchOf("20240520101500.77-4-dakr@example.org");
        assertThat(p3.getList("reviewers.Tested-by.email")).containsExactly("boqun@example.com");

        JsonPath p4 = patchOf("20240520101500.77-5-dakr@example.org");
        assertThat(p4.getList("nacks")).singleElement().satisfies(n -> {
            Map<?, ?> nack = (Map<?, ?>) n;
            assertThat(nack.get("messageId")).isEqualTo("2024052108-nack-greg@gregkh");
            assertThat(((Map<?, ?>) nack.get("person")).get("email")).isEqualTo("gregkh@example.org");
        });
        assertThat(p4.getList("reviewers.Tested-by")).isEmpty();
    }

    @Test
    void appliedNoticesAreOnTheRevisionAndItsPatches() {
        ImportAndReadTest.upload(Pipeline.fixture("series/3005-applied-notices.mbox"), "rust-for-linux");
        JsonPath s = seriesOf("20240601-list-v1-0-cc33@example.com");
        assertThat(s.getString("revisions[0].applied[0].messageId")).isEqualTo("171801360000.9.ojeda@example.org");
        assertThat(s.getString("revisions[0].applied[0].by.email")).isEqualTo("ojeda@example.org");
        assertThat(s.getString("revisions[0].applied[0].branch")).isEqualTo("rust-next");
        assertThat(s.getList("revisions[0].applied[0].commits.commit")).containsExactly("5a3c1b2d9e8f", "0b1c2d3e4f5a");
        assertThat(s.getList("revisions[0].patches[1].applied[0].commits.commit")).containsExactly("0b1c2d3e4f5a");

        JsonPath net = seriesOf("20240602.093000.1.fujita@example.com");
        assertThat(net.getString("revisions[0].applied[0].tree")).isEqualTo("netdev/net-next.git");
        assertThat(net.getString("revisions[0].applied[0].by.email")).isEqualTo("kuba@example.org");

        JsonPath single = seriesOf("20240603120000.5-1-dakr@example.org");
        assertThat(single.getList("revisions[0].applied.messageId")).containsExactly("CANiq72kApplied@mail.gmail.com");

        ImportAndReadTest.upload(Pipeline.fixture("series/3007-merged-by-pull.mbox"), "rust-for-linux");
        JsonPath pulled = seriesOf("20240304-arc-v1-0-ee1@example.com");
        assertThat(pulled.getList("revisions.superseded")).containsExactly(true, false);
        assertThat(pulled.getString("revisions[1].applied[0].messageId")).isEqualTo("20240317170000.GITPULL.ojeda@example.org");
        assertThat(pulled.getString("revisions[1].applied[0].branch")).isEqualTo("tags/rust-6.9");
        assertThat(pulled.getList("revisions[1].applied[0].commits.title")).containsExactly(
                "rust: sync: add `Arc::into_unique_or_drop`", "rust: sync: add `ArcBorrow::from_raw`");
        assertThat(pulled.getList("revisions[1].applied[0].commits.commit")).containsExactly(null, null);
    }

    @Test
    void explicitLinksAndDependenciesAreReported() {
        ImportAndReadTest.upload(Pipeline.fixture("series/3006-explicit-links.mbox"), "rust-for-linux");
        JsonPath s = seriesOf("20240201-cstr-v1-0-111@example.com");
        assertThat(s.getList("revisions.version")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(s.getList("revisions.linkedBy")).containsExactly(null, "explicit-link", "explicit-link",
                "explicit-link", "explicit-link", "explicit-link");
        assertThat(s.getList("revisions.superseded")).containsExactly(true, true, true, true, true, false);

        ImportAndReadTest.upload(Pipeline.patchwork("series/dependency-base-patch.mbox"), "test");
        ImportAndReadTest.upload(Pipeline.template("series/dependency-one-cover.mbox.template",
                Map.of("depends_token", "<20240610210912.161735-1-ahassick@iol.unh.edu>")), "test");
        long base = given().get("/api/messages/{id}", "20240610210912.161735-1-ahassick@iol.unh.edu").then()
                .extract().jsonPath().getLong("revisionId");
        JsonPath dependent = seriesOf("20240611160854.192806-1-ahassick@iol.unh.edu");
        assertThat(dependent.getList("revisions[0].dependsOn", Long.class)).containsExactly(base);
    }

    @Test
    void pullRequestsShowRepositoryBranchCommitsAndShortlog() {
        ImportAndReadTest.upload(Pipeline.patchwork("mail/0024-git-pull-request-trailing-space.mbox"), "linux-arm-kernel");
        JsonPath m = given().get("/api/messages/{id}", "043eb5b2-a302-4de6-a3e8-8238e49483b1@ti.com").then()
                .statusCode(200).extract().jsonPath();
        assertThat(m.getString("kind")).isEqualTo("pull");
        assertThat(m.getString("pull.repository"))
                .isEqualTo("git://git.kernel.org/pub/scm/linux/kernel/git/nsekhar/linux-davinci.git");
        assertThat(m.getString("pull.branch")).isEqualTo("tags/davinci-for-v5.6/soc");
        assertThat(m.getString("pull.baseCommit")).isEqualTo("e42617b825f8073569da76dc4510bfa019b1c35a");
        assertThat(m.getString("pull.headCommit")).isEqualTo("5e06d19694a463a012c2589e29078196eb209448");
        assertThat(m.getList("pull.commits")).hasSize(5)
                .startsWith("clocksource: davinci: only enable clockevents once tim34 is initialized");

        // the oldest request-pull format has no head commit; the shortlog is still read
        ImportAndReadTest.upload(Pipeline.patchwork("mail/0001-git-pull-request.mbox"), "linuxppc-dev");
        JsonPath old = given().get("/api/messages/{id}", "1287719462.2198.37.camel@pasglop").then().extract().jsonPath();
        assertThat(old.getString("pull.branch")).isEqualTo("next");
        assertThat(old.getString("pull.headCommit")).isNull();
        assertThat(old.getList("pull.commits")).hasSize(73).contains("powerpc: Optimise 64bit csum_partial");
        given().get("/api/messages/{id}", "20240520101500.77-1-dakr@example.org").then().statusCode(404);
    }

    @Test
    void everyPatchworkFuzzFileIsStoredParsedOrWithItsReason() {
        List<String> fuzz = List.of("base64err", "charset", "codec-null", "date-oserror", "date-too-long", "date",
                "dateheader", "email-len", "msgid-len", "msgid-len2", "msgidheader", "name-len", "refshdr",
                "unknown-encoding", "value2", "x-face", "year-out-of-range");
        int messages = 0;
        for (String name : fuzz) {
            JsonPath r = ImportAndReadTest.upload(Pipeline.patchwork("fuzz/" + name + ".mbox"), "fuzz");
            int read = r.getInt("read");
            assertThat(read).as(name).isPositive();
            assertThat(r.getInt("stored") + r.getInt("duplicates")).as(name).isEqualTo(read);
            if (r.getInt("unparseable") > 0) {
                assertThat(r.getList("problems.reason")).as(name).isNotEmpty();
            }
            for (Object id : r.getList("problems.messageId")) {
                if (id != null) {
                    JsonPath m = given().get("/api/messages/{id}", id).then().statusCode(200).extract().jsonPath();
                    assertThat(m.getBoolean("readable") || !m.getList("problems").isEmpty()).as(name).isTrue();
                }
            }
            messages += read;
        }
        assertThat(messages).isGreaterThanOrEqualTo(fuzz.size());
        given().get("/api/series").then().statusCode(200);
    }
}
