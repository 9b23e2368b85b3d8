package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.MboxUpload;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A generated corpus through the HTTP upload, checked against its truth file through the read API. */
@QuarkusTest
class ImportAndReadTest {

    private static final Pattern VERSION = Pattern.compile("\\bv(\\d+)\\b", Pattern.CASE_INSENSITIVE);

    @Inject
    Database database;

    @BeforeEach
    void clean() {
        database.clear();
    }

    static JsonPath upload(byte[] body, String list) {
        return MboxUpload.post(body, list);
    }

    @Test
    void corpusMatchesItsTruthAndReimportAddsNothing() throws IOException {
        Corpus.Generated corpus = Corpus.fixture(30, 7);
        byte[] mbox = Files.readAllBytes(corpus.mbox());

        JsonPath first = upload(mbox, "rust-for-linux");
        assertThat(first.getInt("read")).isEqualTo(corpus.truth().size());
        assertThat(first.getInt("stored") + first.getInt("duplicates")).isEqualTo(corpus.truth().size());

        // Expected: per truth series, per revision: version and patch count; and where its first patch is.
        Map<String, TreeMap<Integer, List<JsonNode>>> expected = new LinkedHashMap<>();
        for (JsonNode row : corpus.truth()) {
            String kind = row.get("kind").asText();
            if (kind.equals("patch") || kind.equals("cover")) {
                expected.computeIfAbsent(row.get("series").asText(), k -> new TreeMap<>())
                        .computeIfAbsent(row.get("rev").asInt(), k -> new ArrayList<>()).add(row);
            }
        }
        int comparedRevisions = 0;
        int comparedPatches = 0;
        Set<Long> seriesIds = new HashSet<>();
        for (Map.Entry<String, TreeMap<Integer, List<JsonNode>>> s : expected.entrySet()) {
            JsonNode head = s.getValue().firstEntry().getValue().stream()
                    .filter(r -> r.get("kind").asText().equals("patch")).findFirst().orElseThrow();
            JsonPath msg = given().get("/api/messages/{id}", head.get("mid").asText())
                    .then().statusCode(200).extract().jsonPath();
            assertThat(msg.getString("kind")).as(s.getKey()).isEqualTo("patch");
            long seriesId = msg.getLong("seriesId");
            assertThat(seriesIds.add(seriesId)).as("series %s is merged with another", s.getKey()).isTrue();

            JsonPath series = given().get("/api/series/{id}", seriesId).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> revisions = series.getList("revisions");
            assertThat(revisions).as("revisions of %s", s.getKey()).hasSize(s.getValue().size());
            int i = 0;
            for (Map.Entry<Integer, List<JsonNode>> rev : s.getValue().entrySet()) {
                List<JsonNode> rows = rev.getValue();
                long patches = rows.stream().filter(r -> r.get("kind").asText().equals("patch")).count();
                boolean cover = rows.stream().anyMatch(r -> r.get("kind").asText().equals("cover"));
                Matcher v = VERSION.matcher(rows.get(0).get("subject").asText().replaceAll("^.*?\\[", "["));
                int version = v.find() ? Integer.parseInt(v.group(1)) : 1;
                String where = s.getKey() + " rev " + rev.getKey();
                assertThat(series.getInt("revisions[" + i + "].version")).as(where).isEqualTo(version);
                assertThat(series.getList("revisions[" + i + "].patches")).as(where).hasSize((int) patches);
                assertThat(series.getInt("revisions[" + i + "].total")).as(where).isEqualTo(rows.get(0).get("of").asInt());
                if (cover) {
                    assertThat(series.getString("revisions[" + i + "].coverLetter.messageId")).as(where)
                            .isEqualTo(rows.stream().filter(r -> r.get("kind").asText().equals("cover"))
                                    .findFirst().orElseThrow().get("mid").asText());
                } else {
                    assertThat(series.getMap("revisions[" + i + "].coverLetter")).as(where).isNull();
                }
                if (i > 0) {
                    assertThat(series.getString("revisions[" + i + "].linkedBy")).as(where).isNotNull();
                }
                comparedRevisions++;
                comparedPatches += (int) patches;
                i++;
            }
        }
        given().get("/api/series?per_page=1").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(expected.size()))
                .body("total", equalTo(expected.size()));
        System.out.printf("compared %d series, %d revisions, %d patches with the truth file%n",
                expected.size(), comparedRevisions, comparedPatches);

        Response before = given().get("/api/series?per_page=500");
        JsonPath again = upload(mbox, "rust-for-linux");
        assertThat(again.getInt("stored")).isZero();
        assertThat(again.getInt("duplicates")).isEqualTo(corpus.truth().size());
        assertThat(again.getBoolean("seriesRebuilt")).isFalse();
        assertThat(first.getBoolean("seriesRebuilt")).isTrue();
        Response after = given().get("/api/series?per_page=500");
        assertThat(after.jsonPath().getList("items.id")).isEqualTo(before.jsonPath().getList("items.id"));
        assertThat(after.asString()).isEqualTo(before.asString());
    }

    @Test
    void trailersFromRepliesAreOnThePatchWithWhoGaveThem() throws IOException {
        Corpus.Generated corpus = Corpus.fixture(30, 7);
        upload(Files.readAllBytes(corpus.mbox()), "rust-for-linux");
        Map<String, String> parentOf = new HashMap<>();
        Map<String, String> kindOf = new HashMap<>();
        for (JsonNode row : corpus.truth()) {
            if (!row.get("mid").isNull()) {
                kindOf.put(row.get("mid").asText(), row.get("kind").asText());
                parentOf.put(row.get("mid").asText(), row.get("in_reply_to").isNull() ? null : row.get("in_reply_to").asText());
            }
        }
        int checked = 0;
        for (JsonNode row : corpus.truth()) {
            if (!row.get("kind").asText().equals("reply") || !row.get("malformed").isNull()
                    || row.get("trailers").isEmpty()) {
                continue;
            }
            String target = row.get("in_reply_to").asText();
            if (!"patch".equals(kindOf.get(target))) {
                continue;
            }
            JsonPath patch = given().get("/api/messages/{id}", target).then().statusCode(200).extract().jsonPath();
            long patchId = patch.getLong("patchId");
            JsonPath p = given().get("/api/patches/{id}", patchId).then().statusCode(200).extract().jsonPath();
            List<String> given = p.getList("trailers.findAll { it.messageId == '" + row.get("mid").asText() + "' }.name");
            for (JsonNode t : row.get("trailers")) {
                String name = t.asText().substring(0, t.asText().indexOf(':'));
                assertThat(given).as("%s on %s", t.asText(), target).contains(name);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void messageLookupAcceptsBracketsAndEncoding() throws IOException {
        Corpus.Generated corpus = Corpus.fixture(30, 7);
        upload(Files.readAllBytes(corpus.mbox()), "rust-for-linux");
        JsonNode cover = corpus.truth().stream().filter(r -> r.get("kind").asText().equals("cover")).findFirst().orElseThrow();
        String mid = cover.get("mid").asText();
        // As curl sends what a maintainer pastes: angle brackets raw, which HTTP client libraries refuse to send.
        String raw = rawGet("/api/messages/<" + mid + ">");
        assertThat(raw).startsWith("HTTP/1.1 200").contains("\"messageId\":\"" + mid + "\"");
        for (String form : List.of(mid, mid.replace("@", "%40"), "%3C" + mid + "%3E", "%3C" + mid.replace("@", "%40") + "%3E")) {
            given().urlEncodingEnabled(false).get("/api/messages/" + form).then()
                    .statusCode(200)
                    .body("messageId", equalTo(mid))
                    .body("kind", equalTo("cover"))
                    .body("patchNumber", equalTo(0))
                    .body("seriesId", notNullValue())
                    .body("version", equalTo(1))
                    .body("lists[0]", equalTo("rust-for-linux"));
        }
        given().get("/api/messages/{id}/raw", mid).then().statusCode(200)
                .body(containsString("Message-ID: <" + mid + ">"));
        given().get("/api/messages/{id}", "no-such-id@example.org").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    static String rawGet(String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void seriesListFiltersAndPages() throws IOException {
        Corpus.Generated corpus = Corpus.fixture(30, 7);
        upload(Files.readAllBytes(corpus.mbox()), "rust-for-linux");
        int total = given().get("/api/series").then().statusCode(200).extract().jsonPath().getInt("total");
        assertThat(total).isGreaterThan(10);

        Response page2 = given().get("/api/series?per_page=5&page=2");
        page2.then().statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("rel=\"prev\""))
                .header("Link", containsString("page=1"))
                .header("X-Total-Count", String.valueOf(total))
                .body("items.size()", equalTo(5))
                .body("page", equalTo(2));
        List<Integer> firstTen = given().get("/api/series?per_page=10").jsonPath().getList("items.id");
        assertThat(page2.jsonPath().getList("items.id", Integer.class)).isEqualTo(firstTen.subList(5, 10));

        given().get("/api/series?list=netdev").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/series?list=rust-for-linux").then().statusCode(200).body("total", equalTo(total));

        List<String> dates = given().get("/api/series?per_page=500").jsonPath().getList("items.lastPosted");
        String middle = dates.stream().sorted().toList().get(dates.size() / 2);
        int since = given().queryParam("since", middle).get("/api/series").jsonPath().getInt("total");
        int before = given().queryParam("before", middle).get("/api/series").jsonPath().getInt("total");
        assertThat(since + before).isEqualTo(total);
        assertThat(since).isGreaterThan(0);
        assertThat(before).isGreaterThan(0);
    }

    @Test
    void crossPostedMailIsStoredOnceAndListedUnderEachList() throws IOException {
        Corpus.Generated corpus = Corpus.fixture(1, 42);
        byte[] mbox = Files.readAllBytes(corpus.mbox());
        JsonPath first = upload(mbox, "rust-for-linux");
        JsonPath second = upload(mbox, "linux-nvme");
        assertThat(second.getInt("stored")).isZero();
        assertThat(second.getInt("duplicates")).isEqualTo(first.getInt("read"));
        String mid = corpus.truth().get(0).get("mid").asText();
        given().get("/api/messages/{id}", mid).then().statusCode(200)
                .body("lists", org.hamcrest.Matchers.contains("linux-nvme", "rust-for-linux"));
        int all = given().get("/api/series").jsonPath().getInt("total");
        given().get("/api/series?list=linux-nvme").then().body("total", equalTo(all));
        given().get("/api/series?list=rust-for-linux").then().body("total", equalTo(all));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/series/{id}"))
                .body(containsString("/api/v1/messages/{id}"))
                .body(containsString("/api/v1/import"));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws IOException {
        given().get("/api/series?page=zero").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("page"));
        given().get("/api/series?per_page=100000").then().statusCode(400).body("parameter", equalTo("per_page"));
        given().get("/api/series?since=soon").then().statusCode(400).body("parameter", equalTo("since"));
        given().get("/api/series/abc").then().statusCode(400).body("parameter", equalTo("id"));
        given().get("/api/series/999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/patches/999999").then().statusCode(404).contentType("application/problem+json");
        assertThat(rawGet("/api/messages/a%ZZ@b")).startsWith("HTTP/1.1 400").contains("application/problem+json");
        assertThat(rawGet("/api/series?since=%")).startsWith("HTTP/1.1 400").contains("percent escape");
    }

    @Test
    void importNeedsAToken() {
        byte[] body = "From: a@b\nSubject: x\nMessage-ID: <x@y>\n\nhi\n".getBytes();
        given().body(body).post("/api/import").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").body(body).post("/api/import").then().statusCode(403);
        given().header("Authorization", "Basic dGVzdC10b2tlbg==").body(body).post("/api/import").then().statusCode(401);
        given().header("Authorization", "Bearer second-token").body(body).queryParam("list", "bad list!")
                .post("/api/import").then().statusCode(400).body("parameter", equalTo("list"));
        given().header("Authorization", "Bearer second-token").body(body).put("/api/import?list=misc")
                .then().statusCode(200).body("read", equalTo(1)).body("stored", equalTo(1));
    }

    @Test
    void truncatedAndBinaryInputIsReportedAndWhatWasReadableIsKept() throws IOException {
        Corpus.Generated corpus = Corpus.fixture(30, 7);
        byte[] mbox = Files.readAllBytes(corpus.mbox());
        // Cut in the middle of a message: everything before it is kept, the cut one is flagged.
        byte[] truncated = java.util.Arrays.copyOf(mbox, mbox.length / 2 + 17);
        JsonPath t = upload(truncated, "rust-for-linux");
        assertThat(t.getInt("read")).isGreaterThan(corpus.truth().size() / 3);
        assertThat(t.getInt("stored")).isEqualTo(t.getInt("read"));

        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(42).nextBytes(garbage);
        JsonPath g = upload(garbage, "rust-for-linux");
        assertThat(g.getInt("read")).isGreaterThanOrEqualTo(1);
        assertThat(g.getInt("unparseable")).isGreaterThanOrEqualTo(1);
        assertThat(g.getInt("problemCount")).isGreaterThan(0);
        assertThat(g.getList("problems")).isNotEmpty();

        // A truncated gzip keeps what could be inflated and says so.
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(mbox);
        }
        byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        JsonPath z = upload(cut, "rust-for-linux");
        assertThat(z.getInt("read")).isGreaterThan(0);
        assertThat(z.getInt("problemCount")).isGreaterThan(0);
        given().get("/api/series").then().statusCode(200).body("total", greaterThan(0));
    }
}
