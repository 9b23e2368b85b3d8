package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.core.audit.AuditKind;
import dev.patchtrack.ingest.PatchtrackMain;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.RealArchives;
import dev.patchtrack.support.RealMail;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit over the real kbuild and pci mail, through GET /api/audit and the audit command. */
@QuarkusTest
@Order(5) // shares its import of the real archives: support.RealArchives
class AuditApiTest {

    @Inject
    Database database;

    @Inject
    PatchtrackMain main;

    private static void importReal(String file, String list) throws IOException {
        ImportAndReadTest.upload(Files.readAllBytes(Corpus.SHARED.resolve("corpus/real/" + file)), list);
    }

    private static Map<String, Integer> counts() {
        return given().get("/api/audit?per_page=1").then().statusCode(200).extract().jsonPath().getMap("counts");
    }

    @Test
    void theRealMailIsAuditedThroughTheApiAndTheCommand() throws IOException {
        RealArchives.hold(database, RealMail.Archive.KBUILD);
        Map<String, Integer> kbuild = counts();
        System.out.println("audit counts, linux-kbuild-rust: " + kbuild);
        assertThat(kbuild.get("duplicate-message-id")).isEqualTo(4);
        JsonPath dups = given().get("/api/audit?kind=duplicate-message-id").then().statusCode(200).extract().jsonPath();
        assertThat(dups.getList("findings.messageIds.flatten()", String.class)).containsExactlyInAnyOrderElementsOf(
                DuplicateDeliveryTest.DELIVERED_TWICE);
        // the re-sent cover letter's finding points at its one series and revision
        Map<String, Object> cover = dups.getList("findings", Map.class).stream()
                .filter(f -> ((List<?>) f.get("messageIds")).contains(DuplicateDeliveryTest.COVER)).findFirst().orElseThrow();
        long seriesId = given().get("/api/messages/{id}", DuplicateDeliveryTest.COVER).then().extract().jsonPath()
                .getLong("seriesId");
        assertThat(((Number) cover.get("seriesId")).longValue()).isEqualTo(seriesId);
        assertThat(cover.get("revisionId")).isNotNull();

        database.clear();
        importReal("linux-pci-rust.mbox.gz", "linux-pci");
        Map<String, Integer> pci = counts();
        System.out.println("audit counts, linux-pci-rust: " + pci);
        assertThat(pci.get("duplicate-message-id")).isZero();
        importReal("linux-kbuild-rust.mbox.gz", "linux-kbuild");
        Map<String, Integer> both = counts();
        System.out.println("audit counts, both: " + both);
        assertThat(both.keySet()).containsExactlyElementsOf(AuditKind.wireNames());
        // mail on both lists reaches each with its own footers and Received headers: the second list's
        // bytes are a copy of the message the first stored, on top of kbuild's own four
        List<String> copied = given().get("/api/audit?kind=duplicate-message-id&per_page=500").then().statusCode(200)
                .extract().jsonPath().getList("findings.messageIds.flatten()", String.class);
        assertThat(copied).containsAll(DuplicateDeliveryTest.DELIVERED_TWICE).doesNotHaveDuplicates();
        int dupTotal = both.get("duplicate-message-id");

        // every kind asked for alone: its findings, in their shape, and counts of every kind still
        for (String kind : AuditKind.wireNames()) {
            JsonPath page = given().get("/api/audit?kind={k}&per_page=500", kind).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(page.getMap("counts")).isEqualTo(both);
            assertThat(page.getInt("total")).as(kind).isEqualTo(both.get(kind));
            List<Map<String, Object>> findings = page.getList("findings");
            assertThat(findings).as(kind).hasSize(Math.min(500, both.get(kind)));
            for (Map<String, Object> f : findings) {
                assertThat(f.get("kind")).isEqualTo(kind);
                assertThat((String) f.get("summary")).isNotBlank();
                assertThat((List<?>) f.get("messageIds")).as(kind).isNotEmpty();
                assertThat(f).containsKeys("seriesId", "revisionId", "url");
                switch (kind) {
                    case "revision-without-patches", "version-disagrees", "long-heuristic-gap" -> {
                        assertThat(f.get("seriesId")).as(kind).isNotNull();
                        assertThat(f.get("revisionId")).as(kind).isNotNull();
                    }
                    case "several-authors" -> {
                        assertThat(f.get("seriesId")).isNotNull();
                        assertThat(f.get("revisionId")).isNull();
                        assertThat((List<?>) f.get("messageIds")).hasSizeGreaterThan(1);
                    }
                    case "patch-without-revision" -> assertThat(f.get("seriesId")).isNull();
                    default -> {
                    }
                }
            }
        }
        // two kinds: repeated or comma-separated alike
        int two = both.get("duplicate-message-id") + both.get("several-authors");
        given().get("/api/audit?kind=duplicate-message-id&kind=several-authors").then().statusCode(200)
                .body("total", equalTo(two));
        given().get("/api/audit?kind=duplicate-message-id,several-authors").then().statusCode(200)
                .body("total", equalTo(two));
        // paging like the other lists
        given().get("/api/audit?kind=duplicate-message-id&per_page=3&page=2").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(dupTotal)).header("Link", containsString("rel=\"prev\""))
                .header("Link", containsString("rel=\"next\""))
                .body("findings.size()", equalTo(3)).body("page", equalTo(2)).body("perPage", equalTo(3));

        // a typo: 400 naming the valid kinds
        given().get("/api/audit?kind=duplicate-message-ids").then().statusCode(400)
                .contentType(ProblemMappers.PROBLEM_JSON)
                .body("parameter", equalTo("kind"))
                .body("detail", containsString("duplicate-message-ids"))
                .body("detail", containsString(String.join(", ", AuditKind.wireNames())));
        given().get("/api/audit?per_page=0").then().statusCode(400).body("parameter", equalTo("per_page"));

        // text for curl
        String text = given().accept("text/plain").get("/api/audit?kind=duplicate-message-id&per_page=500").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertThat(text).startsWith("audit: ").contains("duplicate-message-id").contains("<" + DuplicateDeliveryTest.COVER + ">")
                .contains(dupTotal + " listed; page 1 of 1");
        given().accept("text/plain").get("/api/audit?kind=nope").then().statusCode(400)
                .body(containsString("kinds are"));

        // the command: counts, then the findings; --json the same as data
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(main.auditCommand(List.of("--kind", "duplicate-message-id"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(printed).startsWith("audit: ").contains("  duplicate-message-id").contains("<" + DuplicateDeliveryTest.COVER + ">");
        out.reset();
        assertThat(main.auditCommand(List.of("--json"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        JsonPath cli = JsonPath.from(out.toString(StandardCharsets.UTF_8));
        assertThat(cli.getMap("counts", String.class, Integer.class)).isEqualTo(both);
        assertThat(cli.getList("findings")).hasSize(both.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(main.auditCommand(List.of("--kind=typo"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown kind 'typo'");
    }
}
