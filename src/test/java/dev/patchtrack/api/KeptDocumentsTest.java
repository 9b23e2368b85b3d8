package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static dev.patchtrack.store.KeptDocuments.Kind.MESSAGE;
import static dev.patchtrack.store.KeptDocuments.Kind.SERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.ingest.SeriesRebuilder;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.ArticleEntity;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.store.DataVersion;
import dev.patchtrack.store.KeptDocuments;
import dev.patchtrack.store.TreeRepository;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.RealMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
class KeptDocumentsTest {

    @Inject
    Database database;

    @Inject
    KeptDocuments documents;

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

    @Inject
    MessageResource messageResource;

    static final String COVER = ChecksApiTest.THREAD + "0-883a94599a97@redhat.com";

    long series;

    static final int PARTS = 4;

    @BeforeEach
    void importTheThread() {
        database.clear();
        ImportAndReadTest.upload(ChecksApiTest.thread(), "linux-pci");
        series = given().get("/api/messages/" + ChecksApiTest.PATCH_1).jsonPath().getLong("seriesId");
    }

    private Optional<byte[]> kept(long id) {
        return QuarkusTransaction.requiringNew().call(() -> documents.series(id));
    }

    private byte[] fresh(long id) throws Exception {
        return json.writeValueAsBytes(reads.call(() -> views.series(id)));
    }

    private Optional<byte[]> keptMessage(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> documents.message(messageId));
    }

    private byte[] freshMessage(String messageId) throws Exception {
        return json.writeValueAsBytes(messageResource.message(messageId));
    }

    /** Asks for the message so that its document is kept, and checks that it is. */
    private void keepMessage(String messageId) {
        given().get("/api/messages/" + messageId).then().statusCode(200);
        assertThat(keptMessage(messageId)).as("message %s kept", messageId).isPresent();
    }

    /** Asks for the series so that its document is kept, and checks that it is. */
    private void keep(long id) {
        given().get("/api/series/" + id).then().statusCode(200);
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
        QuarkusTransaction.requiringNew().run(() -> documents.keep(SERIES, series, null, documents.version(), Set.of(), marker));
        assertThat(given().get("/api/v1/series/" + series).asByteArray()).isEqualTo(marker);
        // text is rendered from the series, not from the document
        assertThat(given().queryParam("format", "text").get("/api/series/" + series).asString())
                .contains("rust: pci: add abstractions for SR-IOV capability");
        // an unknown series is still a 404 problem
        given().get("/api/series/999999999").then().statusCode(404).contentType(ProblemMappers.PROBLEM_JSON);
    }

    @Test
    void theMessageAnswerIsTheKeptDocumentByteForByte() throws Exception {
        String mid = ChecksApiTest.PATCH_3;
        assertThat(keptMessage(mid)).isEmpty();
        io.restassured.response.Response first = given().get("/api/messages/<" + mid + ">");
        first.then().statusCode(200);
        byte[] body = first.asByteArray();
        assertThat(keptMessage(mid)).hasValueSatisfying(d -> assertThat(d).isEqualTo(body));
        assertThat(body).isEqualTo(freshMessage(mid));
        long patch = ChecksApiTest.patchId(ChecksApiTest.PATCH_1);
        assertThat(first.contentType()).isEqualTo(given().get("/api/patches/" + patch).contentType());
        long pk = QuarkusTransaction.requiringNew().call(() -> messages.findByMessageId(mid).get().id);
        byte[] marker = "{\"kept\":true}".getBytes(StandardCharsets.UTF_8);
        QuarkusTransaction.requiringNew().run(() -> documents.keep(MESSAGE, pk, series, documents.version(), Set.of(), marker));
        assertThat(given().get("/api/v1/messages/" + mid).asByteArray()).isEqualTo(marker);
        assertThat(given().queryParam("format", "text").get("/api/messages/" + mid).asString())
                .contains("add {enable,disable}_sriov()");
        given().get("/api/messages/" + mid + "/raw").then().statusCode(200).contentType("message/rfc822");
        given().get("/api/messages/no-such@example.org").then().statusCode(404);
        given().get("/api/messages/no-such@example.org/raw").then().statusCode(404);
    }

    @Test
    void aMessageFiledUnderOneMoreListDropsIt() throws Exception {
        keepMessage(COVER);
        ImportAndReadTest.upload(ChecksApiTest.thread(), "rust-for-linux");
        assertThat(keptMessage(COVER)).isEmpty();
        assertThat(given().get("/api/messages/" + COVER).jsonPath().getList("lists")).contains("linux-pci", "rust-for-linux");
        assertThat(keptMessage(COVER)).hasValueSatisfying(d -> assertThat(d).isEqualTo(freshMessageUnchecked(COVER)));
    }

    private byte[] freshMessageUnchecked(String messageId) {
        try {
            return freshMessage(messageId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReplyKeptBeforeItsPatchArrivedIsDroppedWhenItDoes() {
        String reply = """
                From dakr@example.org Mon Dec  1 10:00:00 2025
                From: Danilo Example <dakr@example.org>
                To: linux-pci@vger.kernel.org
                Subject: Re: [PATCH] rust: pci: add a doc alias
                Date: Mon, 1 Dec 2025 10:00:00 +0000
                Message-ID: <early-reply@example.org>
                In-Reply-To: <late-patch@example.org>
                References: <late-patch@example.org>

                Applied, thanks.
                """;
        String patch = """
                From pc@example.org Mon Dec  1 09:00:00 2025
                From: Pat Example <pc@example.org>
                To: linux-pci@vger.kernel.org
                Subject: [PATCH] rust: pci: add a doc alias
                Date: Mon, 1 Dec 2025 09:00:00 +0000
                Message-ID: <late-patch@example.org>

                Add an alias.

                Signed-off-by: Pat Example <pc@example.org>
                ---
                 rust/kernel/pci.rs | 1 +
                 1 file changed, 1 insertion(+)

                diff --git a/rust/kernel/pci.rs b/rust/kernel/pci.rs
                index 1111111..2222222 100644
                --- a/rust/kernel/pci.rs
                +++ b/rust/kernel/pci.rs
                @@ -1 +1,2 @@
                 //! PCI
                +#[doc(alias = "pci")]
                --\s
                2.43.0
                """;
        ImportAndReadTest.upload(reply.getBytes(StandardCharsets.UTF_8), "linux-pci");
        keepMessage("early-reply@example.org");
        assertThat(given().get("/api/messages/early-reply@example.org").jsonPath().getString("links.series")).isNull();
        ImportAndReadTest.upload(patch.getBytes(StandardCharsets.UTF_8), "linux-pci");
        assertThat(keptMessage("early-reply@example.org")).isEmpty();
        long id = given().get("/api/messages/late-patch@example.org").jsonPath().getLong("seriesId");
        assertThat(given().get("/api/messages/early-reply@example.org").jsonPath().getString("links.series"))
                .isEqualTo("/api/series/" + id);
    }

    @Test
    void aReplyWithATrailerDropsItAndItIsRenderedAgain() throws Exception {
        keep(series);
        keepMessage(ChecksApiTest.PATCH_3);
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
        // dropped, and rendered again at once, since someone had asked for it: the kept document is the
        // series as it is now, with the new trailer
        await().atMost(Duration.ofSeconds(30)).until(() -> kept(series).isPresent());
        assertThat(new String(kept(series).get(), StandardCharsets.UTF_8)).contains("review-3@example.org")
                .isEqualTo(new String(fresh(series), StandardCharsets.UTF_8));
        JsonPath s = given().get("/api/series/" + series).jsonPath();
        assertThat(s.getList("revisions[0].patches[2].trailers.messageId", String.class)).contains("review-3@example.org");
        assertThat(keptMessage(ChecksApiTest.PATCH_3)).isEmpty();
        // the reply itself: in the thread of the series
        assertThat(given().get("/api/messages/review-3@example.org").jsonPath().getString("links.series"))
                .isEqualTo("/api/series/" + series);
        given().get("/api/messages/" + ChecksApiTest.PATCH_3).then().statusCode(200);
        assertThat(keptMessage(ChecksApiTest.PATCH_3)).hasValueSatisfying(d -> assertThat(d).isEqualTo(freshMessageUnchecked(ChecksApiTest.PATCH_3)));
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
        keepMessage(COVER);
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
        assertThat(keptMessage(COVER)).isEmpty();
        assertThat(given().get("/api/messages/" + COVER).jsonPath().getString("from.name")).isEqualTo("Peter C. Colberg");
    }

    @Test
    void forgettingPeopleDropsOnlyTheDocumentsThatNameThem() {
        keep(series);
        long other = QuarkusTransaction.requiringNew().call(() -> {
            documents.keep(SERIES, series + 1_000_000, null, documents.version(), Set.of(9_000_000_007L, 9_000_000_070L), "{}".getBytes(StandardCharsets.UTF_8));
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

    /**
     * Runs {@code inTransaction} in a transaction on another thread and, while that transaction is still
     * open (holding what it locked), {@code meanwhile} here; then lets it commit. Gives what
     * {@code meanwhile} gave.
     */
    private static <T> T whileHeld(Runnable inTransaction, java.util.concurrent.Callable<T> meanwhile) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            inTransaction.run();
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        other.start();
        try {
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            return meanwhile.call();
        } finally {
            release.countDown();
            other.join();
        }
    }

    @Test
    void aRenderingThatRacesAWriteIsNotKept() throws Exception {
        byte[] body = fresh(series);
        // the data moved on after the rendering began
        long before = QuarkusTransaction.requiringNew().call(documents::version);
        QuarkusTransaction.requiringNew().run(dataVersion::bump);
        assertThat(QuarkusTransaction.requiringNew().call(() -> documents.keep(SERIES, series, null, before, Set.of(), body))).isFalse();
        assertThat(kept(series)).isEmpty();
        // a writer is under way: it holds the version's row until it commits
        long[] waited = new long[1];
        boolean keptMeanwhile = whileHeld(dataVersion::bump, () -> {
            long now = QuarkusTransaction.requiringNew().call(documents::version);
            long t0 = System.nanoTime();
            boolean done = QuarkusTransaction.requiringNew().call(() -> documents.keep(SERIES, series, null, now, Set.of(), body));
            waited[0] = (System.nanoTime() - t0) / 1_000_000;
            return done;
        });
        assertThat(keptMeanwhile).as("not kept while a writer holds the version").isFalse();
        assertThat(waited[0]).as("without waiting for the writer").isLessThan(10_000);
        assertThat(kept(series)).isEmpty();
        long now = QuarkusTransaction.requiringNew().call(documents::version);
        assertThat(QuarkusTransaction.requiringNew().call(() -> documents.keep(SERIES, series, null, now, Set.of(), body))).isTrue();
    }

    @Test
    void keepersDoNotStopEachOtherOnPostgres() throws Exception {
        byte[] body = fresh(series);
        long now = QuarkusTransaction.requiringNew().call(documents::version);
        boolean[] first = new boolean[1];
        boolean second = whileHeld(() -> first[0] = documents.keep(SERIES, series + 2_000_000, null, now, Set.of(), body),
                () -> QuarkusTransaction.requiringNew().call(() -> documents.keep(SERIES, series, null, now, Set.of(), body)));
        assertThat(first[0]).isTrue();
        // PostgreSQL's share lock lets keepers side by side; H2 has only the exclusive one, so the second skips
        assertThat(second).isEqualTo(QuarkusTransaction.requiringNew().call(jdbc::onPostgres));
    }

    @Test
    void aSeriesThatIsGoneIsNotAnsweredFromItsDocument() {
        keep(series);
        keepMessage(ChecksApiTest.PATCH_1);
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
        assertThat(keptMessage(ChecksApiTest.PATCH_1)).isEmpty();
        JsonPath m = given().get("/api/messages/" + ChecksApiTest.PATCH_1).jsonPath();
        assertThat(m.getBoolean("deleted")).isTrue();
        assertThat(m.getString("seriesId")).isNull();
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
        int[] series = new int[2]; // compared, dropped
        int[] mail = new int[2];
        List<byte[]> pci = parts(RealMail.bytes(RealMail.Archive.PCI), PARTS);
        List<byte[]> kbuild = parts(RealMail.bytes(RealMail.Archive.KBUILD), PARTS);
        for (int p = 0; p < 2 * PARTS; p++) {
            RealMail.Archive archive = p % 2 == 0 ? RealMail.Archive.PCI : RealMail.Archive.KBUILD;
            ImportAndReadTest.upload((p % 2 == 0 ? pci : kbuild).get(p / 2), archive.list);
            List<Long> ids = seriesIds();
            // every tenth message: patches, cover letters, replies (some before what they answer)
            List<String> sample = QuarkusTransaction.requiringNew().call(() -> jdbc.list(
                    "SELECT message_id FROM message WHERE MOD(id, 10) = 0 ORDER BY id", List.of(), rs -> rs.getString("message_id")));
            if (p > 0) {
                for (long id : ids) {
                    compare(QuarkusTransaction.requiringNew().call(() -> documents.series(id)),
                            () -> json.writeValueAsBytes(reads.call(() -> views.series(id))), "series " + id, p, series);
                }
                for (String id : sample) {
                    compare(keptMessage(id), () -> freshMessage(id), "message " + id, p, mail);
                }
            }
            ids.forEach(id -> given().get("/api/series/" + id).then().statusCode(200));
            sample.forEach(id -> given().get("/api/messages/{id}", id).then().statusCode(200));
        }
        // the later parts leave most earlier series and mail alone: their documents stay and are compared
        assertThat(series[0]).as("series documents compared (%d dropped)", series[1]).isGreaterThan(300);
        assertThat(series[1]).as("series documents dropped by the later parts").isPositive();
        assertThat(mail[0]).as("message documents compared (%d dropped)", mail[1]).isGreaterThan(500);
        assertThat(mail[1]).as("message documents dropped by the later parts").isPositive();
    }

    /** What renders a detail now. */
    private interface Render {
        byte[] bytes() throws Exception;
    }

    /** A kept document, if any, against what rendering gives now; counts compared and dropped. */
    private static void compare(Optional<byte[]> kept, Render fresh, String what, int part, int[] counts) throws Exception {
        if (kept.isEmpty()) {
            counts[1]++;
            return;
        }
        assertThat(new String(kept.get(), StandardCharsets.UTF_8)).as("%s after part %d", what, part + 1)
                .isEqualTo(new String(fresh.bytes(), StandardCharsets.UTF_8));
        counts[0]++;
    }
}
