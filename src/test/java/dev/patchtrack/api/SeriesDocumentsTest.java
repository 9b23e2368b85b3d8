package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.ingest.SeriesRebuilder;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.ArticleEntity;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.store.DataVersion;
import dev.patchtrack.store.SeriesDocuments;
import dev.patchtrack.store.TreeRepository;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.RealMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The series detail kept as a ready document: served byte for byte as rendered, and dropped by every
 * write that changes what it shows, on real mail (the SR-IOV thread of linux-pci, as
 * {@link ChecksApiTest} reads it). A kept document that outlived such a write would answer with stale
 * facts until the next start; each write path has its test here.
 */
@QuarkusTest
class SeriesDocumentsTest {

    @Inject
    Database database;

    @Inject
    SeriesDocuments documents;

    @Inject
    SeriesDetails details;

    @Inject
    Views views;

    @Inject
    Reads reads;

    @Inject
    ObjectMapper json;

    @Inject
    SeriesRebuilder rebuilder;

    @Inject
    ArticleRepository articles;

    @Inject
    TreeRepository trees;

    @Inject
    DataVersion dataVersion;

    @Inject
    dev.patchtrack.store.MessageRepository messages;

    @Inject
    dev.patchtrack.store.Jdbc jdbc;

    long series;

    static final int PARTS = 4;

    @BeforeEach
    void importTheThread() {
        database.clear();
        ImportAndReadTest.upload(ChecksApiTest.thread(), "linux-pci");
        series = given().get("/api/messages/" + ChecksApiTest.PATCH_1).jsonPath().getLong("seriesId");
    }

    private Optional<byte[]> kept(long id) {
        return QuarkusTransaction.requiringNew().call(() -> documents.body(id));
    }

    private byte[] fresh(long id) throws Exception {
        return json.writeValueAsBytes(reads.call(() -> views.series(id)));
    }

    /** Asks for the series so that its document is kept, and checks that it is. */
    private void keep(long id) {
        details.json(id);
        assertThat(kept(id)).as("series %d kept", id).isPresent();
    }

    @Test
    void theAnswerIsTheKeptDocumentByteForByte() throws Exception {
        assertThat(kept(series)).isEmpty();
        io.restassured.response.Response first = given().get("/api/series/" + series);
        first.then().statusCode(200);
        byte[] body = first.asByteArray();
        assertThat(kept(series)).hasValueSatisfying(d -> assertThat(d).isEqualTo(body));
        assertThat(body).isEqualTo(fresh(series));
        // the same Content-Type as an answer written from a record
        long patch = ChecksApiTest.patchId(ChecksApiTest.PATCH_1);
        assertThat(first.contentType()).isEqualTo(given().get("/api/patches/" + patch).contentType());
        // the next answer is the document: shown by changing the document behind the service's back
        byte[] marker = "{\"kept\":true}".getBytes(StandardCharsets.UTF_8);
        QuarkusTransaction.requiringNew().run(() -> documents.keep(series, documents.version(), Set.of(), marker));
        assertThat(details.json(series)).isEqualTo(marker);
        // text is rendered from the series, not from the document
        assertThat(given().queryParam("format", "text").get("/api/series/" + series).asString())
                .contains("rust: pci: add abstractions for SR-IOV capability");
        // an unknown series is still a 404 problem
        given().get("/api/series/999999999").then().statusCode(404).contentType(ProblemMappers.PROBLEM_JSON);
    }

    @Test
    void aReplyWithATrailerDropsIt() {
        keep(series);
        String reply = """
                From kees@example.org Mon Dec  1 10:00:00 2025
                From: Kees Example <kees@example.org>
                To: linux-pci@vger.kernel.org
                Subject: Re: [PATCH 3/8] rust: pci: add {enable,disable}_sriov(), to control SR-IOV capability
                Date: Mon, 1 Dec 2025 10:00:00 +0000
                Message-ID: <review-3@example.org>
                In-Reply-To: <%s>
                References: <%s>

                Looks right to me.

                Reviewed-by: Kees Example <kees@example.org>
                """.formatted(ChecksApiTest.PATCH_3, ChecksApiTest.PATCH_3);
        ImportAndReadTest.upload(reply.getBytes(StandardCharsets.UTF_8), "linux-pci");
        assertThat(kept(series)).isEmpty();
        JsonPath s = given().get("/api/series/" + series).jsonPath();
        assertThat(s.getList("revisions[0].patches[2].trailers.messageId", String.class)).contains("review-3@example.org");
    }

    @Test
    void aFullPassThatChangesNothingKeepsItAndOneThatChangesSomethingDropsIt() {
        keep(series);
        rebuilder.rebuild();
        assertThat(kept(series)).as("nothing changed").isPresent();
        given().header("Authorization", ChecksApiTest.TOKEN).post("/api/reclassify").then().statusCode(200);
        assertThat(kept(series)).as("nothing changed either").isPresent();
    }

    @Test
    void aCheckPostedThroughTheApiDropsIt() {
        keep(series);
        long p3 = ChecksApiTest.patchId(ChecksApiTest.PATCH_3);
        given().header("Authorization", ChecksApiTest.TOKEN).contentType("application/json")
                .body("{\"state\": \"fail\", \"context\": \"kunit\", \"description\": \"3 of 412 tests failed\"}")
                .post("/api/patches/" + p3 + "/checks").then().statusCode(201);
        assertThat(kept(series)).isEmpty();
        assertThat(given().get("/api/series/" + series).jsonPath().getList("revisions[0].patches[2].checks.context"))
                .contains("kunit");
    }

    @Test
    void anOverrideAndItsClearingDropIt() {
        keep(series);
        given().header("Authorization", ChecksApiTest.TOKEN).contentType("application/json")
                .body("{\"state\":\"accepted\",\"by\":\"Maintainer <m@example.org>\"}")
                .put("/api/series/" + series + "/state").then().statusCode(200);
        assertThat(kept(series)).isEmpty();
        assertThat(given().get("/api/series/" + series).jsonPath().getBoolean("state.overridden")).isTrue();
        keep(series);
        given().header("Authorization", ChecksApiTest.TOKEN).queryParam("by", "Maintainer <m@example.org>")
                .delete("/api/series/" + series + "/state").then().statusCode(200);
        assertThat(kept(series)).isEmpty();
        assertThat(given().get("/api/series/" + series).jsonPath().getBoolean("state.overridden")).isFalse();
    }

    @Test
    void aNewNameForAPersonItNamesDropsIt() {
        keep(series);
        // the author posts again, later and elsewhere (a series of its own), under another name: the
        // newest name a person signs their postings with is shown
        String unrelated = """
                From pcolberg@redhat.com Thu Jan  1 00:00:00 2026
                From: "Peter C. Colberg" <pcolberg@redhat.com>
                To: linux-pci@vger.kernel.org
                Subject: [PATCH] docs: fix a typo
                Date: Thu, 1 Jan 2026 00:00:00 +0000
                Message-ID: <elsewhere-1@example.org>

                Fix a typo.

                Signed-off-by: Peter C. Colberg <pcolberg@redhat.com>
                ---
                 Documentation/typo.txt | 2 +-
                 1 file changed, 1 insertion(+), 1 deletion(-)

                diff --git a/Documentation/typo.txt b/Documentation/typo.txt
                index 1111111..2222222 100644
                --- a/Documentation/typo.txt
                +++ b/Documentation/typo.txt
                @@ -1 +1 @@
                -teh
                +the
                --\s
                2.43.0
                """;
        ImportAndReadTest.upload(unrelated.getBytes(StandardCharsets.UTF_8), "linux-pci");
        assertThat(kept(series)).isEmpty();
        assertThat(given().get("/api/series/" + series).jsonPath().getString("author.name")).isEqualTo("Peter C. Colberg");
    }

    @Test
    void forgettingPeopleDropsOnlyTheDocumentsThatNameThem() {
        keep(series);
        long other = QuarkusTransaction.requiringNew().call(() -> {
            documents.keep(series + 1_000_000, documents.version(), Set.of(9_000_000_007L, 9_000_000_070L), "{}".getBytes(StandardCharsets.UTF_8));
            return series + 1_000_000;
        });
        assertThat(kept(other)).isPresent();
        QuarkusTransaction.requiringNew().run(() -> documents.forgetPeople(List.of(9_000_000_007L)));
        assertThat(kept(other)).isEmpty();
        assertThat(kept(series)).as("names none of them").isPresent();
    }

    @Test
    void anArticleThatMentionsItDropsIt() {
        keep(series);
        QuarkusTransaction.requiringNew().run(() -> {
            articles.persist(dev.patchtrack.support.Articles.fetched("https://lwn.net/Articles/3001/",
                    "SR-IOV for Rust PCI drivers", Instant.parse("2025-12-01T00:00:00Z")));
        });
        assertThat(kept(series)).as("an article that names no message").isPresent();
        long article = QuarkusTransaction.requiringNew().call(() -> articles.findByUrl("https://lwn.net/Articles/3001/").get().id);
        QuarkusTransaction.requiringNew().run(() -> articles.replaceRefs(article, List.of(new ArticleRepository.RefRow(
                "message", ChecksApiTest.PATCH_1, "https://lore.kernel.org/linux-pci/" + ChecksApiTest.PATCH_1 + "/"))));
        assertThat(kept(series)).isEmpty();
        assertThat(given().get("/api/series/" + series).jsonPath().getList("articles.title"))
                .containsExactly("SR-IOV for Rust PCI drivers");
        // a new title of the article reaches the series too
        keep(series);
        QuarkusTransaction.requiringNew().run(() -> {
            ArticleEntity a = articles.find(article).get();
            a.title = "SR-IOV for Rust PCI drivers, merged";
            articles.persist(a);
        });
        assertThat(kept(series)).isEmpty();
        // and the refs taken away
        keep(series);
        QuarkusTransaction.requiringNew().run(() -> articles.replaceRefs(article, List.of()));
        assertThat(kept(series)).isEmpty();
        assertThat(given().get("/api/series/" + series).jsonPath().getList("articles")).isEmpty();
    }

    @Test
    void aTreeBranchThatMovesDropsThemAll() {
        keep(series);
        long tree = QuarkusTransaction.requiringNew().call(() -> trees.ensure("docs-test", "https://example.org/linux.git").id());
        String sha = "0123456789abcdef0123456789abcdef01234567";
        QuarkusTransaction.requiringNew().run(() -> trees.saveRefs(tree, "branch", Map.of("master", sha)));
        assertThat(kept(series)).as("the MAINTAINERS file may have changed").isEmpty();
        keep(series);
        QuarkusTransaction.requiringNew().run(() -> trees.saveRefs(tree, "branch", Map.of("master", sha)));
        assertThat(kept(series)).as("the same branch again").isPresent();
    }

    @Test
    void aRenderingThatRacesAWriteIsNotKept() throws Exception {
        byte[] body = fresh(series);
        // the data moved on after the rendering began
        long before = QuarkusTransaction.requiringNew().call(documents::version);
        QuarkusTransaction.requiringNew().run(dataVersion::bump);
        assertThat(QuarkusTransaction.requiringNew().call(() -> documents.keep(series, before, Set.of(), body))).isFalse();
        assertThat(kept(series)).isEmpty();
        // a writer is under way: it holds the version's row until it commits
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            dataVersion.bump();
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        writer.start();
        try {
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            long now = QuarkusTransaction.requiringNew().call(documents::version);
            long t0 = System.nanoTime();
            assertThat(QuarkusTransaction.requiringNew().call(() -> documents.keep(series, now, Set.of(), body)))
                    .as("not kept while a writer holds the version").isFalse();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("without waiting for the writer").isLessThan(10_000);
        } finally {
            release.countDown();
            writer.join();
        }
        assertThat(kept(series)).isEmpty();
        long now = QuarkusTransaction.requiringNew().call(documents::version);
        assertThat(QuarkusTransaction.requiringNew().call(() -> documents.keep(series, now, Set.of(), body))).isTrue();
    }

    @Test
    void aSeriesThatIsGoneIsNotAnsweredFromItsDocument() {
        keep(series);
        JsonPath s = given().get("/api/series/" + series).jsonPath();
        List<String> ids = new java.util.ArrayList<>(s.getList("revisions[0].patches.messageId", String.class));
        ids.add(s.getString("revisions[0].coverLetter.messageId"));
        // the patches and the cover letter deleted from the archive (public-inbox's d blobs)
        for (String id : ids) {
            byte[] raw = given().get("/api/messages/" + id + "/raw").asByteArray();
            assertThat(QuarkusTransaction.requiringNew().call(() -> messages.markDeleted(id, raw))).isEqualTo(1);
        }
        rebuilder.rebuildAffected(ids);
        assertThat(kept(series)).isEmpty();
        given().get("/api/series/" + series).then().statusCode(404);
    }

    /** The file's messages in {@code parts} consecutive mboxes, each message byte for byte. */
    static List<byte[]> parts(byte[] mbox, int parts) {
        String text = new String(mbox, StandardCharsets.ISO_8859_1);
        String[] entries = text.split("\n(?=From )");
        List<byte[]> out = new ArrayList<>();
        int per = (entries.length + parts - 1) / parts;
        for (int p = 0; p < parts; p++) {
            StringBuilder b = new StringBuilder();
            for (int i = p * per; i < Math.min(entries.length, (p + 1) * per); i++) {
                b.append(entries[i]).append('\n');
            }
            out.add(b.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private List<Long> seriesIds() {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.list("SELECT id FROM series ORDER BY id", List.of(),
                rs -> rs.getLong("id")));
    }

    /**
     * Kept series documents never go stale as real mail arrives: the linux-pci and linux-kbuild files
     * each cut in four consecutive parts and imported by turns, every series asked for after each part
     * (so each has its document), and after the next part every document still kept is byte for byte
     * what rendering the series now gives. A write path that forgot to drop a document shows here as a
     * difference.
     */
    @Test
    void keptDocumentsAreWhatRenderingGivesAfterEveryPart() throws Exception {
        database.clear();
        int checked = 0;
        int dropped = 0;
        List<byte[]> pci = parts(RealMail.bytes(RealMail.Archive.PCI), PARTS);
        List<byte[]> kbuild = parts(RealMail.bytes(RealMail.Archive.KBUILD), PARTS);
        for (int p = 0; p < 2 * PARTS; p++) {
            RealMail.Archive archive = p % 2 == 0 ? RealMail.Archive.PCI : RealMail.Archive.KBUILD;
            ImportAndReadTest.upload((p % 2 == 0 ? pci : kbuild).get(p / 2), archive.list);
            List<Long> ids = seriesIds();
            if (p > 0) {
                for (long id : ids) {
                    Optional<byte[]> kept = QuarkusTransaction.requiringNew().call(() -> documents.body(id));
                    if (kept.isEmpty()) {
                        dropped++;
                        continue;
                    }
                    byte[] fresh = json.writeValueAsBytes(reads.call(() -> views.series(id)));
                    assertThat(new String(kept.get(), StandardCharsets.UTF_8)).as("series %d after part %d", id, p + 1)
                            .isEqualTo(new String(fresh, StandardCharsets.UTF_8));
                    checked++;
                }
            }
            ids.forEach(details::json);
        }
        // the later parts leave most earlier series alone: their documents stay and are compared
        assertThat(checked).as("documents compared (%d dropped)", dropped).isGreaterThan(300);
        assertThat(dropped).as("documents dropped by the later parts").isPositive();
    }
}
