package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.Truth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The "done when": {@code gen-mbox.py 300 11 OUT --fixture --truth TRUTH} imported, then read back
 * through the API only, gives exactly the truth file's series, revisions, versions, trailers per patch
 * (with who gave them and in which message), NAKs per patch and "applied" on revisions.
 */
@QuarkusTest
class GeneratedTruthApiTest {

    @Inject
    Database database;

    @Test
    void theApiShowsWhatTheTruthFileLists() throws Exception {
        database.clear();
        Corpus.Generated corpus = Corpus.fixture(300, 11);
        JsonPath imported = ImportAndReadTest.upload(Files.readAllBytes(corpus.mbox()), "rust-for-linux");
        assertThat(imported.getInt("read")).isEqualTo(corpus.truth().size());

        Truth truth = new Truth(corpus.truth());
        Truth.Counts[] counts = new Truth.Counts[1];
        List<String> diff = truth.compare(observe(), counts);
        System.out.println("API compared with the truth file: " + counts[0]);
        assertThat(diff).isEmpty();
        assertThat(counts[0].series()).isGreaterThan(250);
        assertThat(counts[0].trailers()).isGreaterThan(1000);
        assertThat(counts[0].naks()).isGreaterThan(50);
        assertThat(counts[0].applied()).isGreaterThan(50);
    }

    @SuppressWarnings("unchecked")
    static Truth.Observed observe() {
        List<List<Truth.Rev>> series = new ArrayList<>();
        Map<String, List<Truth.T>> trailers = new HashMap<>();
        Map<String, Set<String>> naks = new HashMap<>();
        JsonPath page = given().get("/api/series?per_page=500").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total")).isLessThanOrEqualTo(500);
        for (Integer id : page.getList("items.id", Integer.class)) {
            JsonPath s = given().get("/api/series/{id}", id).then().statusCode(200).extract().jsonPath();
            List<Truth.Rev> revs = new ArrayList<>();
            for (Map<String, Object> r : s.getList("revisions", Map.class).stream().map(m -> (Map<String, Object>) m).toList()) {
                Map<String, Object> cover = (Map<String, Object>) r.get("coverLetter");
                List<String> patchIds = new ArrayList<>();
                for (Map<String, Object> p : (List<Map<String, Object>>) r.get("patches")) {
                    String mid = (String) p.get("messageId");
                    patchIds.add(mid);
                    for (Map<String, Object> t : (List<Map<String, Object>>) p.get("trailers")) {
                        Map<String, Object> person = (Map<String, Object>) t.get("person");
                        trailers.computeIfAbsent(mid, k -> new ArrayList<>()).add(new Truth.T((String) t.get("name"),
                                person == null ? "" : (String) person.get("email"),
                                person == null ? null : (String) person.get("name"), (String) t.get("messageId")));
                    }
                    for (Map<String, Object> n : (List<Map<String, Object>>) p.get("nacks")) {
                        naks.computeIfAbsent(mid, k -> new HashSet<>()).add((String) n.get("messageId"));
                    }
                }
                Set<String> applied = new HashSet<>();
                for (Map<String, Object> a : (List<Map<String, Object>>) r.get("applied")) {
                    applied.add((String) a.get("messageId"));
                }
                revs.add(new Truth.Rev((Integer) r.get("version"), cover == null ? null : (String) cover.get("messageId"),
                        patchIds, applied));
            }
            series.add(revs);
        }
        return new Truth.Observed(series, trailers, naks);
    }
}
