package dev.patchtrack.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.LoreLocal;
import dev.patchtrack.support.SeriesSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Sources against the real public-inbox (lore-local): git, atom and query give what an mbox import gives. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoreSyncTest {

    static final String LIST = "rust-for-linux";
    static Corpus.Generated corpus;
    static LoreLocal lore;

    @Inject
    Database database;

    @Inject
    ImportService importer;

    @Inject
    SyncService sync;

    @Inject
    MailLimits limits;

    @Inject
    javax.sql.DataSource dataSource;

    @BeforeAll
    static void startLore() {
        corpus = Corpus.fixture(40, 5);
        lore = LoreLocal.start("sync", Map.of(), corpus.mbox());
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

    static void source(String base, String mode, String query) {
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("baseUrl", base, "mode", mode, "query", query == null ? "" : query, "schedule", "1h"))
                .put("/api/sources/{name}", LIST).then().statusCode(200);
    }

    static JsonPath status() {
        return given().get("/api/sources/{name}", LIST).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void firstSyncInEachModeGivesTheSeriesOfAPlainImport() throws Exception {
        try (InputStream in = Files.newInputStream(corpus.mbox())) {
            ImportSummary plain = importer.importStream(in, LIST, ImportService.Progress.NONE);
            assertThat(plain.read()).isEqualTo(corpus.truth().size());
        }
        TreeSet<String> expected = SeriesSnapshot.take();
        long expectedMessages = status0();
        assertThat(expected).hasSizeGreaterThan(30);

        for (String mode : List.of("git", "atom", "query")) {
            database.clear();
            source(lore.base(), mode, mode.equals("query") ? "d:20000101.." : null);
            List<SyncService.Result> results = sync.runAll();
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.error()).as(mode).isNull();
                assertThat(r.stored()).as(mode).isPositive();
            });
            SeriesSnapshot.assertSame(mode, SeriesSnapshot.take(), expected);
            JsonPath s = status();
            assertThat(s.getLong("messagesOnList")).as(mode).isEqualTo(expectedMessages);
            assertThat(s.getString("lastError")).isNull();
            assertThat(s.getMap("cursor")).as(mode).isNotEmpty();

            // a second sync finds nothing new and changes nothing
            assertThat(sync.runAll()).singleElement().satisfies(r -> {
                assertThat(r.error()).isNull();
                assertThat(r.stored()).as(mode).isZero();
            });
            assertThat(status().getLong("messagesOnList")).isEqualTo(expectedMessages);
        }
    }

    private long status0() {
        return given().get("/api/series").then().statusCode(200).extract().jsonPath().getLong("total") >= 0
                ? countOnList() : 0;
    }

    private long countOnList() {
        // the same number the sources endpoint reports, through a source that never ran
        source("http://127.0.0.1:1/", "git", null);
        long n = status().getLong("messagesOnList");
        given().header("Authorization", "Bearer test-token").delete("/api/sources/{name}", LIST).then().statusCode(204);
        return n;
    }

    static void source(String base, String mode, String query, String history) {
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("baseUrl", base, "mode", mode, "query", query == null ? "" : query, "schedule", "1h",
                        "history", history))
                .put("/api/sources/{name}", LIST).then().statusCode(200);
    }

    /** Message-ID to date of what the store holds. */
    Map<String, Instant> stored() throws Exception {
        Map<String, Instant> out = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT message_id, sent_at FROM message")) {
            while (rs.next()) {
                java.sql.Timestamp t = rs.getTimestamp(2);
                out.put(rs.getString(1), t == null ? null : t.toInstant());
            }
        }
        return out;
    }

    @Test
    @Order(2)
    void aFirstSyncReadsOnlyItsHistoryInEachModeAndLaterSyncsStayThere() throws Exception {
        List<Instant> dates = corpus.truth().stream().filter(r -> r.get("malformed").isNull() && r.hasNonNull("date"))
                .map(r -> Instant.parse(r.get("date").asText())).sorted().toList();
        Instant cut = dates.get(dates.size() * 6 / 10).truncatedTo(ChronoUnit.DAYS);
        String day = cut.toString().substring(0, 10);
        // well-formed mail at least a day after the cut must come; nothing dated before it may
        TreeSet<String> mustCome = new TreeSet<>();
        for (var r : corpus.truth()) {
            if (r.get("malformed").isNull() && r.hasNonNull("date")
                    && Instant.parse(r.get("date").asText()).isAfter(cut.plus(1, ChronoUnit.DAYS))) {
                mustCome.add(r.get("mid").asText());
            }
        }
        assertThat(mustCome).isNotEmpty().hasSizeLessThan(corpus.messages() / 2);

        for (String mode : List.of("git", "atom", "query")) {
            database.clear();
            source(lore.base(), mode, mode.equals("query") ? "d:20000101.." : null, day);
            assertThat(status().getString("history")).isEqualTo("since " + day);
            SyncService.Result r = sync.runAll().get(0);
            assertThat(r.error()).as(mode).isNull();
            Map<String, Instant> got = stored();
            assertThat(got.keySet()).as(mode).containsAll(mustCome);
            assertThat(got.size()).as(mode).isLessThan(corpus.messages());
            assertThat(got.values().stream().filter(d -> d != null && d.isBefore(cut))).as(mode).isEmpty();

            // the next sync reads what is new, not the history left out
            SyncService.Result again = sync.runAll().get(0);
            assertThat(again.error()).as(mode).isNull();
            assertThat(again.stored()).as(mode).isZero();
            assertThat(stored()).as(mode).hasSameSizeAs(got);
        }
    }

    @Test
    @Order(2)
    void aFirstGitSyncWithAWindowFetchesOnlyTheNewestEpoch() throws Exception {
        try (LoreLocal epochs = LoreLocal.start("window", Map.of("LORE_LOCAL_EPOCH_BYTES", "150000",
                "LORE_LOCAL_INDEXLEVEL", "basic", "LORE_LOCAL_ALL", "0"), corpus.mbox())) {
            source(epochs.base(), "git", null, "30d");
            assertThat(status().getString("history")).isEqualTo("the last 30 days");
            SyncService.Result r = sync.runAll().get(0);
            assertThat(r.error()).isNull();
            assertThat(r.stored()).isZero(); // the corpus is older than 30 days
            Map<String, Object> cursor = status().getMap("cursor");
            List<String> read = cursor.keySet().stream().filter(k -> k.startsWith("epoch/")).toList();
            assertThat(read).hasSize(1);
            String newest = read.get(0).substring("epoch/".length());
            assertThat(cursor).containsEntry("history/epoch", newest);
            assertThat(Integer.parseInt(newest)).isGreaterThan(1);

            assertThat(sync.runAll().get(0).stored()).isZero();
            assertThat(status().<String, Object>getMap("cursor").keySet().stream().filter(k -> k.startsWith("epoch/"))).hasSize(1);
            assertThat(status().getString("status")).isEqualTo("ok");
        }
    }

    @Test
    @Order(2)
    void aSourceThatNeverSucceededSaysSoAtOnceAndReadinessIsDown() {
        source("http://127.0.0.1:1/", "atom", null, "full");
        assertThat(status().getString("status")).isEqualTo("waiting");
        given().get("/q/health/ready").then().statusCode(200);
        SyncService.Result r = sync.runAll().get(0);
        assertThat(r.error()).isNotNull();
        JsonPath s = status();
        assertThat(s.getString("status")).isEqualTo("never-succeeded");
        assertThat(s.getString("statusDetail")).contains("never succeeded in 1 run(s)");
        assertThat(s.getBoolean("stale")).isFalse(); // stale-after has not passed: that alone said "ok" before
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'lore sources' }.data.'" + LIST + "'", org.hamcrest.Matchers.startsWith("never succeeded"));
        given().header("Authorization", "Bearer test-token").delete("/api/sources/{name}", LIST).then().statusCode(204);
    }

    @Test
    @Order(2)
    void aHistoryThatIsNoneIsRefusedNamingTheForms() {
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("baseUrl", lore.base(), "mode", "git", "history", "lots"))
                .put("/api/sources/{name}", LIST).then().statusCode(400)
                .body("parameter", org.hamcrest.Matchers.equalTo("history"))
                .body("detail", org.hamcrest.Matchers.containsString("90d"));
    }

    @Test
    @Order(3) // changes the shared inbox
    void addedMailAppearsOnceAndADeletionIsReflected() throws Exception {
        source(lore.base(), "git", null);
        assertThat(sync.runAll().get(0).error()).isNull();
        long before = status().getLong("messagesOnList");

        Corpus.Generated more = Corpus.generate(2, 99);
        lore.add(more.mbox());
        SyncService.Result r = sync.runAll().get(0);
        assertThat(r.error()).isNull();
        assertThat(r.read()).isEqualTo(more.truth().size());
        assertThat(status().getLong("messagesOnList")).isEqualTo(before + more.truth().size());
        String someId = more.truth().get(0).get("mid").asText();
        given().get("/api/messages/{id}", someId).then().statusCode(200);

        assertThat(sync.runAll().get(0).read()).isZero();

        byte[] first;
        try (MboxReader reader = MboxReader.open(Files.newInputStream(more.mbox()), limits)) {
            first = reader.next().raw();
        }
        lore.remove(first);
        SyncService.Result del = sync.runAll().get(0);
        assertThat(del.error()).isNull();
        assertThat(del.deleted()).isEqualTo(1);
        assertThat(given().get("/api/messages/{id}", someId).then().statusCode(200).extract().jsonPath()
                .getBoolean("deleted")).isTrue();
        assertThat(status().getLong("messagesDeleted")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aMultiEpochInboxSyncsCompletely() throws Exception {
        try (LoreLocal epochs = LoreLocal.start("epochs", Map.of("LORE_LOCAL_EPOCH_BYTES", "150000",
                "LORE_LOCAL_INDEXLEVEL", "basic", "LORE_LOCAL_ALL", "0"), corpus.mbox())) {
            source(epochs.base(), "git", null);
            SyncService.Result r = sync.runAll().get(0);
            assertThat(r.error()).isNull();
            assertThat(r.read()).isEqualTo(corpus.truth().size());
            Map<String, Object> cursor = status().getMap("cursor");
            assertThat(cursor.keySet().stream().filter(k -> k.startsWith("epoch/"))).hasSizeGreaterThan(2);
            TreeSet<String> synced = SeriesSnapshot.take();

            database.clear();
            try (InputStream in = Files.newInputStream(corpus.mbox())) {
                importer.importStream(in, LIST, ImportService.Progress.NONE);
            }
            SeriesSnapshot.assertSame("epochs", synced, SeriesSnapshot.take());
        }
    }
}
