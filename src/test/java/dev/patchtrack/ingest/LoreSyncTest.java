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
