package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.RealArchives;
import dev.patchtrack.support.RealMail;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What changed between versions, on the real linux-kbuild threads: each revision after the first says
 * it in the series view, the text view, the event log and the series feed, by the same pairing the
 * range-diff endpoint gives, with the changelog its author wrote.
 */
@QuarkusTest
@Order(1) // shares its import of the real archives: support.RealArchives
class VersionChangesApiTest {

    static final String SHADOW_V3 = "20240704-shadow-call-stack-v3-0-d11c7a6ebe30@google.com";

    @Inject
    Database database;

    @BeforeEach
    void importOnce() {
        RealArchives.hold(database, RealMail.Archive.KBUILD);
    }

    @Test
    void everyLaterRevisionSaysWhatChangedAsRangeDiffPairsIt() {
        List<Map<String, Object>> all = given().get("/api/series?per_page=500").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Set<Long> compared = new HashSet<>();
        for (Map<String, Object> e : given().get("/api/events?kind=revision-compared&limit=1000").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$")) {
            compared.add(((Number) e.get("revisionId")).longValue());
        }
        int later = 0;
        int checked = 0;
        int withChangelog = 0;
        for (Map<String, Object> s : all) {
            if (((Number) s.get("revisionCount")).intValue() < 2) {
                continue;
            }
            long id = ((Number) s.get("id")).longValue();
            JsonPath series = given().get("/api/series/{id}", id).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> revisions = series.getList("revisions");
            assertThat(revisions.get(0).get("changes")).as("the first revision of %d changes from nothing", id).isNull();
            List<Integer> versions = revisions.stream().map(r -> (Integer) r.get("version")).toList();
            for (int i = 1; i < revisions.size(); i++) {
                later++;
                Map<String, Object> r = revisions.get(i);
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) r.get("changes");
                assertThat(c).as("series %d v%s", id, r.get("version")).isNotNull();
                assertThat(c.get("since")).isEqualTo(versions.get(i - 1));
                assertThat(compared).as("an event for the revision %s of series %d", r.get("id"), id)
                        .contains(((Number) r.get("id")).longValue());
                if (c.get("changelog") != null) {
                    withChangelog++;
                }
                int from = versions.get(i - 1);
                int to = versions.get(i);
                if (from == to || versions.indexOf(from) != i - 1 || versions.lastIndexOf(to) != i) {
                    continue; // range-diff names revisions by version: only where the version says which
                }
                JsonPath rd = given().get("/api/series/{id}/range-diff?from={f}&to={t}", id, from, to).then().statusCode(200)
                        .extract().jsonPath();
                assertThat(c.get("unchanged")).isEqualTo(rd.getInt("unchanged"));
                assertThat((List<?>) c.get("changed")).hasSize(rd.getInt("changed"));
                assertThat((List<?>) c.get("added")).hasSize(rd.getInt("added"));
                assertThat((List<?>) c.get("dropped")).hasSize(rd.getInt("dropped"));
                assertThat((String) c.get("rangeDiff")).isEqualTo("/api/series/" + id + "/range-diff?from=" + from + "&to=" + to);
                checked++;
            }
        }
        System.out.printf("version changes: %d later revisions, %d checked against range-diff, %d with a changelog%n",
                later, checked, withChangelog);
        assertThat(later).isGreaterThan(100);
        assertThat(checked).isGreaterThan(later / 2);
        assertThat(withChangelog).isGreaterThan(later / 2);
    }

    @Test
    void theSeriesPageTextFeedAndEventsQuoteTheChangelog() {
        long id = given().get("/api/messages/{id}", SHADOW_V3).then().statusCode(200).extract().jsonPath().getLong("seriesId");
        JsonPath series = given().get("/api/series/{id}", id).then().statusCode(200).extract().jsonPath();
        Map<String, Object> v3 = series.<Map<String, Object>>getList("revisions").stream()
                .filter(r -> SHADOW_V3.equals(((Map<?, ?>) r.get("coverLetter") == null ? Map.of()
                        : (Map<?, ?>) r.get("coverLetter")).get("messageId"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) v3.get("changes");
        assertThat((String) c.get("changelog")).startsWith("Changes in v3:\n- Use -Zfixed-x18.\n")
                .contains("Changes in v2:").doesNotContain("Alice Ryhl (2):");
        assertThat((String) c.get("summary")).startsWith("since v2: ");

        String text = given().accept("text/plain").get("/api/series/{id}", id).then().statusCode(200).extract().asString();
        assertThat(text).contains("    " + c.get("summary") + "  (").contains("      | Changes in v3:", "      | - Use -Zfixed-x18.");

        List<Map<String, Object>> events = given().get("/api/events?kind=revision-compared&series={id}", id).then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> event = events.stream().filter(e -> v3.get("id").equals(e.get("revisionId"))).findFirst()
                .orElseThrow();
        assertThat((String) event.get("summary")).startsWith("v3 of ").contains(" since v2: ")
                .contains("\n\nChanges in v3:\n- Use -Zfixed-x18.");

        String feed = given().get("/feeds/series/{id}.atom", id).then().statusCode(200).extract().asString();
        assertThat(feed).contains("revision-compared: v3 of ").contains("Changes in v3:");
    }

    @Test
    void importingTheSameMailAgainComparesNothingAgain() {
        List<Object> ids = given().get("/api/events?kind=revision-compared&limit=1000").then().statusCode(200).extract()
                .jsonPath().getList("id");
        RealArchives.importAgain(database, RealMail.Archive.KBUILD);
        List<Object> again = given().get("/api/events?kind=revision-compared&limit=1000").then().statusCode(200).extract()
                .jsonPath().getList("id");
        assertThat(ids).isNotEmpty();
        assertThat(again).isEqualTo(ids);
    }
}
