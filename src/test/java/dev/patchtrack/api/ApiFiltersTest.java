package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchtrack.core.stats.Weeks;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.Mbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filters, sort orders and pages of /api/series and /api/patches, /api/stats and /api/events, on a
 * generated corpus: each filtered answer is checked against the unfiltered list filtered here.
 */
@QuarkusTest
class ApiFiltersTest {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(\\w+)\"");
    private static boolean imported;
    private static Corpus.Generated corpus;

    @Inject
    Database database;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @BeforeEach
    void importOnce() throws Exception {
        if (imported) {
            return;
        }
        database.clear();
        corpus = Corpus.fixture(60, 13);
        ImportAndReadTest.upload(Files.readAllBytes(corpus.mbox()), "rust-for-linux");
        // a second list with one series of its own, and a cover letter whose body alone says "zeppelin"
        ImportAndReadTest.upload(Mbox.create()
                .mail("cover-z@example.org", "Wanda Search <wanda@example.org>", 0,
                        "[PATCH 0/1] rust: misc: tidy the frobnicator", null,
                        "This series reworks how zeppelins are moored to the frobnicator.\n\n"
                                + "Wanda Search (1):\n  rust: misc: tidy the frobnicator\n")
                .patch("patch-z@example.org", "Wanda Search <wanda@example.org>", 1,
                        "[PATCH 1/1] rust: misc: tidy the frobnicator", "cover-z@example.org", "rust/kernel/misc.rs")
                .bytes(), "linux-nvme");
        imported = true;
    }

    /** Every item of a listing; {@code path} is sent as written (already URL-encoded). */
    static List<Map<String, Object>> all(String path) {
        JsonPath page = given().urlEncodingEnabled(false).get(path + (path.contains("?") ? "&" : "?") + "per_page=500").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getLong("total")).isLessThanOrEqualTo(500);
        return page.getList("items");
    }

    static List<Object> ids(String path) {
        return all(path).stream().map(m -> m.get("id")).toList();
    }

    private static Map<Object, JsonPath> details;

    /** Every series' detail by id, read once: the data does not change after the import. */
    private static Map<Object, JsonPath> details() {
        if (details == null) {
            Map<Object, JsonPath> byId = new LinkedHashMap<>();
            for (Object id : ids("/api/series")) {
                byId.put(id, given().get("/api/series/{id}", id).then().statusCode(200).extract().jsonPath());
            }
            details = byId;
        }
        return details;
    }

    /** The filtered answer is exactly the unfiltered list filtered by {@code expected}, and not trivial. */
    private void filterMatches(String path, String query, Predicate<Map<String, Object>> expected) {
        List<Map<String, Object>> everything = all(path);
        List<Object> want = everything.stream().filter(expected).map(m -> m.get("id")).toList();
        List<Object> got = ids(path + "?" + query);
        assertThat(got).as(query).containsExactlyElementsOf(want);
        assertThat(got).as(query + " selects something").isNotEmpty();
        assertThat(got.size()).as(query + " leaves something out").isLessThan(everything.size());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> topics(Map<String, Object> s) {
        Set<String> out = new HashSet<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) s.get("topics")) {
            out.add((String) t.get("topic"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String state(Map<String, Object> s) {
        return (String) ((Map<String, Object>) s.get("state")).get("state");
    }

    @SuppressWarnings("unchecked")
    private static String author(Map<String, Object> s) {
        Map<String, Object> a = (Map<String, Object>) s.get("author");
        return a == null ? "" : (a.get("name") + " " + a.get("email")).toLowerCase(Locale.ROOT);
    }

    @Test
    void eachSeriesFilterSelectsWhatItSays() {
        filterMatches("/api/series", "topic=rust-net", s -> topics(s).contains("rust-net"));
        filterMatches("/api/series", "topic=rust-net,rust-9p", s -> topics(s).contains("rust-net") || topics(s).contains("rust-9p"));
        filterMatches("/api/series", "topic=rust-net&topic=rust-9p", s -> topics(s).contains("rust-net") || topics(s).contains("rust-9p"));
        filterMatches("/api/series", "state=accepted", s -> state(s).equals("accepted"));
        filterMatches("/api/series", "state=new,rejected", s -> Set.of("new", "rejected").contains(state(s)));
        filterMatches("/api/series", "list=linux-nvme", s -> ((List<?>) s.get("lists")).contains("linux-nvme"));
        filterMatches("/api/series", "version=2,3", s -> Set.of(2, 3).contains(s.get("latestVersion")));
        filterMatches("/api/series", "since=2024-01-20&before=2024-02-10T00:00:00Z", s -> {
            Instant last = Instant.parse((String) s.get("lastPosted"));
            return !last.isBefore(Instant.parse("2024-01-20T00:00:00Z")) && last.isBefore(Instant.parse("2024-02-10T00:00:00Z"));
        });
        String someone = author(all("/api/series").get(3)).split(" ")[0];
        filterMatches("/api/series", "author=" + someone.toUpperCase(Locale.ROOT), s -> author(s).contains(someone));
        filterMatches("/api/series", "author=@example.org", s -> author(s).contains("@example.org"));
        // combined: AND across filters
        filterMatches("/api/series", "topic=rust-net&state=accepted", s -> topics(s).contains("rust-net") && state(s).equals("accepted"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rfcFollowsTheLatestRevision() {
        Map<Object, Boolean> rfc = new HashMap<>();
        details().forEach((id, detail) -> {
            List<Map<String, Object>> revs = detail.getList("revisions");
            rfc.put(id, (Boolean) revs.get(revs.size() - 1).get("rfc"));
        });
        filterMatches("/api/series", "rfc=true", s -> rfc.get(s.get("id")));
        filterMatches("/api/series", "rfc=false", s -> !rfc.get(s.get("id")));
        filterMatches("/api/patches", "rfc=yes", p -> ((String) p.get("subject")).contains("RFC"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void patchFiltersSelectWhatTheySay() {
        filterMatches("/api/patches", "state=reviewed", p -> state(p).equals("reviewed"));
        filterMatches("/api/patches", "list=linux-nvme", p -> p.get("messageId").equals("patch-z@example.org"));
        filterMatches("/api/patches", "author=wanda", p -> author(p).contains("wanda"));
        filterMatches("/api/patches", "since=2024-02-01", p -> !Instant.parse((String) p.get("date")).isBefore(Instant.parse("2024-02-01T00:00:00Z")));
        // where each patch sits, by the series details: its series and its revision's version
        Map<Object, Object> seriesOf = new HashMap<>();
        Map<Object, Object> versionOf = new HashMap<>();
        details().forEach((id, detail) -> {
            for (Map<String, Object> r : detail.<Map<String, Object>>getList("revisions")) {
                for (Map<String, Object> patch : (List<Map<String, Object>>) r.get("patches")) {
                    seriesOf.put(patch.get("id"), id);
                    versionOf.put(patch.get("id"), r.get("version"));
                }
            }
        });
        filterMatches("/api/patches", "version=2", p -> Integer.valueOf(2).equals(versionOf.get(p.get("id"))));
        Set<Object> netSeries = new HashSet<>(ids("/api/series?topic=rust-net"));
        filterMatches("/api/patches", "topic=rust-net", p -> netSeries.contains(seriesOf.get(p.get("id"))));
        filterMatches("/api/patches", "q=FROBNICATOR", p -> ((String) p.get("subject")).toLowerCase(Locale.ROOT).contains("frobnicator"));
    }

    @Test
    void qMatchesSubjectsAndAuthorsAndOnPostgresqlTheText() {
        List<Map<String, Object>> everything = all("/api/series");
        String word = ((String) everything.get(5).get("title")).split(" ")[2].replaceAll("[^A-Za-z]", "");
        List<Object> byTitle = everything.stream().filter(s -> ((String) s.get("title")).toLowerCase(Locale.ROOT)
                .contains(word.toLowerCase(Locale.ROOT))).map(s -> s.get("id")).toList();
        assertThat(ids("/api/series?q=" + word.toUpperCase(Locale.ROOT))).containsAll(byTitle).isNotEmpty();
        assertThat(ids("/api/series?q=wanda%40example")).hasSize(1);
        // a word only the cover letter's body has: found by full-text search on PostgreSQL only
        List<Object> zeppelin = ids("/api/series?q=zeppelin");
        if (dbKind.startsWith("postgres")) {
            assertThat(zeppelin).containsExactlyElementsOf(ids("/api/series?author=wanda"));
            assertThat(ids("/api/series?q=moored+zeppelins")).hasSize(1);
        } else {
            assertThat(zeppelin).isEmpty();
        }
        assertThat(ids("/api/series?q=%25")).isEmpty(); // LIKE wildcards are literal
    }

    @Test
    void badValuesAreProblemsNamingTheParameter() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("state=merged", "state");
        bad.put("topic=Rust%20Net", "topic");
        bad.put("list=%2Fetc", "list");
        bad.put("version=two", "version");
        bad.put("version=0", "version");
        bad.put("rfc=maybe", "rfc");
        bad.put("since=soon", "since");
        bad.put("before=2024-13-01", "before");
        bad.put("order=colour", "order");
        bad.put("order=-", "order");
        bad.put("page=0", "page");
        bad.put("per_page=100000", "per_page");
        bad.put("q=" + "x".repeat(201), "q");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            for (String path : List.of("/api/series", "/api/patches")) {
                given().get(path + "?" + e.getKey()).then().statusCode(400)
                        .contentType("application/problem+json")
                        .header("Cache-Control", "no-store")
                        .body("parameter", equalTo(e.getValue()))
                        .body("status", equalTo(400));
            }
        }
    }

    @Test
    void orderSortsByTheWhitelistedKeys() {
        List<Map<String, Object>> byTitle = all("/api/series?order=title");
        List<String> titles = byTitle.stream().map(s -> ((String) s.get("title")).toLowerCase(Locale.ROOT)).toList();
        assertThat(titles).isSortedAccordingTo(Comparator.naturalOrder());
        List<Integer> versions = all("/api/series?order=-version").stream().map(s -> (Integer) s.get("latestVersion")).toList();
        assertThat(versions).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(versions.get(0)).isGreaterThan(versions.get(versions.size() - 1));
        List<String> created = all("/api/series?order=created").stream().map(s -> (String) s.get("firstPosted")).toList();
        assertThat(created).isSortedAccordingTo(Comparator.comparing(Instant::parse));
        List<String> updated = all("/api/series").stream().map(s -> (String) s.get("lastPosted")).toList();
        assertThat(updated).isSortedAccordingTo(Comparator.comparing(Instant::parse, Comparator.reverseOrder()));
        List<String> patchDates = all("/api/patches?order=date").stream().map(p -> (String) p.get("date")).toList();
        assertThat(patchDates).isSortedAccordingTo(Comparator.comparing(Instant::parse));
        assertThat(all("/api/patches?order=-number").stream().map(p -> (Integer) p.get("number")).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    static Map<String, String> links(Response r) {
        Map<String, String> out = new HashMap<>();
        Matcher m = LINK.matcher(r.header("Link"));
        while (m.find()) {
            out.put(m.group(2), m.group(1));
        }
        return out;
    }

    @Test
    void pagesLinkFirstPrevNextLastAndCoverEverythingOnce() {
        long total = all("/api/series?topic=rust-core,rust-net").size();
        assertThat(total).isGreaterThan(14);
        List<Object> seen = new ArrayList<>();
        String url = "/api/series?topic=rust-core,rust-net&per_page=7";
        int pages = 0;
        while (url != null) {
            Response r = given().urlEncodingEnabled(false).get(url);
            r.then().statusCode(200).header("X-Total-Count", String.valueOf(total)).body("total", equalTo((int) total));
            Map<String, String> links = links(r);
            int page = r.jsonPath().getInt("page");
            assertThat(links.get("first")).contains("page=1").contains("per_page=7").contains("topic=rust-core");
            assertThat(links.get("last")).contains("page=" + ((total + 6) / 7));
            assertThat(links.containsKey("prev")).isEqualTo(page > 1);
            if (page > 1) {
                assertThat(links.get("prev")).contains("page=" + (page - 1));
            }
            seen.addAll(r.jsonPath().getList("items.id"));
            pages++;
            url = links.get("next");
        }
        assertThat(pages).isEqualTo((int) ((total + 6) / 7));
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
        // past the end: an empty page that still links back
        Response beyond = given().get("/api/series?per_page=7&page=999");
        beyond.then().statusCode(200).body("items.size()", equalTo(0));
        assertThat(links(beyond)).containsKeys("first", "prev", "last").doesNotContainKey("next");
        // the versioned path links to itself
        assertThat(links(given().get("/api/v1/series?per_page=7")).get("next")).contains("/api/v1/series?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void statsCountWhatTheListsAndTheTruthFileSay() {
        JsonPath stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("series")).isEqualTo(all("/api/series").size());
        for (Map<String, Object> t : stats.<Map<String, Object>>getList("topics")) {
            Map<String, Integer> byState = (Map<String, Integer>) t.get("byState");
            for (Map.Entry<String, Integer> e : byState.entrySet()) {
                given().get("/api/series?per_page=1&topic=" + t.get("topic") + "&state=" + e.getKey())
                        .then().header("X-Total-Count", String.valueOf(e.getValue()));
            }
        }
        // per ISO week: revisions posted (first message of each revision) and accepted (the "applied" reply)
        Map<String, Instant> revisionStart = new HashMap<>();
        Map<String, Instant> dates = new HashMap<>();
        Map<String, String> revOf = new HashMap<>();
        Map<String, Instant> acceptedAt = new HashMap<>();
        for (JsonNode row : corpus.truth()) {
            Instant date = Instant.parse(row.get("date").asText());
            if (!row.get("mid").isNull()) {
                dates.put(row.get("mid").asText(), date);
            }
            String kind = row.get("kind").asText();
            if (kind.equals("patch") || kind.equals("cover")) {
                String rev = row.get("series").asText() + "#" + row.get("rev").asInt();
                revisionStart.merge(rev, date, (a, b) -> a.isBefore(b) ? a : b);
                revOf.put(row.get("mid").asText(), rev);
            }
        }
        for (JsonNode row : corpus.truth()) {
            if ("applied".equals(row.path("verdict").asText(null)) && !row.get("in_reply_to").isNull()) {
                String rev = revOf.get(row.get("in_reply_to").asText());
                Instant date = Instant.parse(row.get("date").asText());
                if (rev != null) {
                    acceptedAt.merge(rev, date, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        Map<String, long[]> want = new TreeMap<>();
        revisionStart.values().forEach(d -> want.computeIfAbsent(Weeks.isoWeek(Weeks.monday(d)), k -> new long[2])[0]++);
        acceptedAt.values().forEach(d -> want.computeIfAbsent(Weeks.isoWeek(Weeks.monday(d)), k -> new long[2])[1]++);
        want.computeIfAbsent("2024-W23", k -> new long[2])[0]++; // the zeppelin series, 3 June 2024
        Map<String, long[]> got = new TreeMap<>();
        for (Map<String, Object> w : stats.<Map<String, Object>>getList("weeks")) {
            long posted = ((Number) w.get("posted")).longValue();
            long accepted = ((Number) w.get("accepted")).longValue();
            assertThat(LocalDate.parse((String) w.get("start")).getDayOfWeek().getValue()).isEqualTo(1);
            if (posted + accepted > 0) {
                got.put((String) w.get("week"), new long[] {posted, accepted});
            }
        }
        assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
        want.forEach((week, c) -> assertThat(got.get(week)).as(week).containsExactly(c));
        long acceptedTotal = acceptedAt.size();
        assertThat(acceptedTotal).isGreaterThan(3);
        System.out.println("stats: " + revisionStart.size() + " revisions posted, " + acceptedTotal + " accepted, over "
                + got.size() + " weeks");

        // filters narrow them
        JsonPath net = given().get("/api/stats?topic=rust-net&since=2024-01-01&before=2030-01-01").then().statusCode(200)
                .extract().jsonPath();
        assertThat(net.getList("topics.topic")).containsExactly("rust-net");
        assertThat(net.getLong("series")).isEqualTo(all("/api/series?topic=rust-net").size());
        given().get("/api/stats?since=last-week").then().statusCode(400).body("parameter", equalTo("since"));
    }

    @Test
    void eventsFollowFromACursor() {
        List<Long> everything = given().get("/api/events?limit=1000").jsonPath().getList("id", Long.class);
        assertThat(everything).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates().hasSizeGreaterThan(50);
        List<Long> followed = new ArrayList<>();
        String next = "/api/events?limit=17";
        while (true) {
            Response r = given().urlEncodingEnabled(false).get(next);
            List<Long> got = r.jsonPath().getList("id", Long.class);
            assertThat(got.size()).isLessThanOrEqualTo(17);
            Map<String, String> links = links(r);
            long cursor = Long.parseLong(r.header("X-Next-After"));
            assertThat(links.get("next")).contains("after=" + cursor).contains("limit=17");
            if (got.isEmpty()) {
                assertThat(cursor).isEqualTo(followed.get(followed.size() - 1));
                break;
            }
            assertThat(cursor).isEqualTo(got.get(got.size() - 1));
            followed.addAll(got);
            next = links.get("next").replaceFirst("^https?://[^/]+", "");
        }
        assertThat(followed).containsExactlyElementsOf(everything);
        given().get("/api/events?since=x").then().statusCode(400).body("parameter", equalTo("since"));
        given().get("/api/events?limit=1001").then().statusCode(400).body("parameter", equalTo("limit"));
        given().get("/api/v1/events?limit=1").then().statusCode(200).header("Link", startsWith("<http"));
    }
}
