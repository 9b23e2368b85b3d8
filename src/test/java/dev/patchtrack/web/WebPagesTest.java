package dev.patchtrack.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.MboxUpload;
import dev.patchtrack.support.RealMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages over HTTP without a browser, on real linux-pci mail: each shows what the JSON says for
 * the same question, its links lead somewhere, errors are pages, and the API stays as it was.
 */
@QuarkusTest
class WebPagesTest {

    @Inject
    Database database;

    private static boolean imported;

    @BeforeEach
    void realMail() {
        if (!imported) {
            database.clear();
            importReal(RealMail.Archive.PCI);
            imported = true;
        }
    }

    static void importReal(RealMail.Archive archive) {
        MboxUpload.post(RealMail.bytes(archive), archive.list);
    }

    static Document page(String path) {
        Response r = given().accept("text/html").urlEncodingEnabled(false).redirects().follow(false).get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.contentType()).as(path).startsWith("text/html");
        assertThat(r.header("Content-Security-Policy")).as(path).contains("default-src 'none'").doesNotContain("script-src");
        return Jsoup.parse(r.asString(), "http://localhost" + path);
    }

    @Test
    void theSeriesListIsTheApisListWithItsFilters() {
        JsonPath api = given().get("/api/series").then().statusCode(200).extract().jsonPath();
        Document home = page("/");
        assertThat(home.getElementById("total").text()).isEqualTo(String.valueOf(api.getLong("total")));
        List<String> titles = home.select("table.series a.title").eachText();
        assertThat(titles).isEqualTo(api.getList("items.title"));
        assertThat(home.select("table.series .badge[class*=state-]").eachText())
                .isEqualTo(api.getList("items.state.state"));

        // a filter: the same answer as the API's, and the feed links carry it
        String topic = api.getString("items[0].topics[0].topic");
        String state = api.getString("items[0].state.state");
        JsonPath filtered = given().queryParam("topic", topic).queryParam("state", state).get("/api/series")
                .then().statusCode(200).extract().jsonPath();
        Document f = page("/?topic=" + topic + "&state=" + state + "&author=&q=&since=&list=");
        assertThat(f.getElementById("total").text()).isEqualTo(String.valueOf(filtered.getLong("total")));
        assertThat(f.select("select[name=topic] option[selected]").attr("value")).isEqualTo(topic);
        String atom = f.select("a.feed").first().attr("href");
        assertThat(atom).isEqualTo("/feeds/series.atom?topic=" + topic + "&state=" + state);
        given().get(atom).then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/atom+xml"));
        assertThat(f.select("link[rel=alternate]").attr("href")).isEqualTo(atom);

        // paging follows the API's pages
        Document p1 = page("/?per_page=5");
        String next = p1.select("a[rel=next]").attr("href");
        assertThat(next).contains("page=2").contains("per_page=5");
        Document p2 = page(next);
        assertThat(p2.select("table.series a.title").eachText())
                .isEqualTo(given().queryParam("per_page", 5).queryParam("page", 2).get("/api/series").jsonPath()
                        .getList("items.title"));
    }

    @Test
    void aSeriesPageShowsRevisionsReasonsPatchesAndLinks() {
        JsonPath list = given().queryParam("order", "-revisions").get("/api/series").jsonPath();
        long id = list.getLong("items[0].id");
        JsonPath s = given().get("/api/series/" + id).jsonPath();
        Document d = page("/series/" + id);
        assertThat(d.getElementById("series-title").text()).isEqualTo(s.getString("title"));
        List<Map<String, Object>> revisions = s.getList("revisions");
        assertThat(d.select("section.revision")).hasSize(revisions.size());
        for (int i = 0; i < revisions.size(); i++) {
            Element section = d.select("section.revision").get(i);
            String reason = s.getString("revisions[" + i + "].state.reason");
            assertThat(section.select(".reason").first().text()).isEqualTo(reason);
            assertThat(section.select("a.patch").eachText()).isEqualTo(s.getList("revisions[" + i + "].patches.subject"));
            if (s.get("revisions[" + i + "].changes") != null) {
                assertThat(section.select(".changes").text()).contains(s.getString("revisions[" + i + "].changes.summary"));
            }
            List<String> trailers = s.getList("revisions[" + i + "].patches.trailers.flatten().name");
            assertThat(section.select("ul.trailers li:not(.nack)")).hasSize(trailers.size());
        }
        assertThat(revisions.size()).isGreaterThan(1);
        for (String href : List.of("/api/series/" + id + "/mbox", "/api/series/" + id + "/range-diff",
                "/feeds/series/" + id + ".atom")) {
            assertThat(d.select("a[href=\"" + href + "\"]")).as(href).isNotEmpty();
            given().get(href).then().statusCode(200);
        }
        String lore = d.select("a.lore").first().attr("href");
        assertThat(lore).startsWith("https://lore.kernel.org/r/").endsWith("/");
        // a patch's link leads to its message page, which leads back
        Document m = page(d.select("a.patch").first().attr("href"));
        assertThat(m.getElementById("series-link").attr("href")).isEqualTo("/series/" + id);
    }

    @Test
    void aPastedMessageIdLeadsToItsPageAndAnUnknownOneToA404Page() {
        JsonPath s = given().get("/api/series").jsonPath();
        JsonPath one = given().get("/api/series/" + s.getLong("items[0].id")).jsonPath();
        String mid = one.getString("revisions[0].patches[0].messageId");
        Response r = given().redirects().follow(false).queryParam("id", "<" + mid + ">").get("/messages");
        assertThat(r.statusCode()).isEqualTo(303);
        Document m = page(java.net.URI.create(r.header("Location")).getRawPath());
        assertThat(m.getElementById("message-subject").text()).isEqualTo(one.getString("revisions[0].patches[0].subject"));

        Response missing = given().accept("text/html").get("/messages/no-such-message@example.org");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(Jsoup.parse(missing.asString()).select("p.problem").text()).contains("no-such-message@example.org");
        Response badSeries = given().accept("text/html").get("/series/99999999999999999999");
        assertThat(badSeries.statusCode()).isEqualTo(400);
        assertThat(badSeries.contentType()).startsWith("text/html");
        given().accept("text/html").get("/series/999999999").then().statusCode(404).contentType("text/html");
    }

    @Test
    void articlesSourcesAndTheUnchangedApi() {
        assertThat(page("/articles").select("h1").text()).isEqualTo("LWN articles");
        assertThat(page("/sources").select("table.sources")).isNotEmpty();
        // a page answered again from the kept bytes still carries its policy (checked in page())
        page("/sources");
        // the API answers as before, whatever the browser asks for
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/api/series").then().statusCode(200)
                .contentType("application/json");
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        // the pages take the API's parameter names, and refuse others as the API does
        Response unknown = given().get("/?topc=rust-core");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(Jsoup.parse(unknown.asString()).select("p.problem").text()).contains("did you mean topic?");
        given().get("/?state=bogus").then().statusCode(400).contentType("text/html");
        given().get("/static/patchtrack.css").then().statusCode(200);
    }

    @Test
    void theLatencyNumbersAreTheSeriesOwnDatesAndTheStatsPageDrawsThem() {
        // the topic with the fewest accepted series, at least three: every one checked through the API
        List<Map<String, Object>> topics = given().get("/api/topics").jsonPath().getList("$");
        String topic = topics.stream()
                .filter(t -> ((Map<?, ?>) t.get("byState")).get("accepted") instanceof Integer n && n >= 3)
                .min(java.util.Comparator.comparingInt(t -> (Integer) ((Map<?, ?>) t.get("byState")).get("accepted")))
                .map(t -> (String) t.get("topic")).orElseThrow();
        List<Double> hours = new java.util.ArrayList<>();
        for (Object id : given().queryParam("topic", topic).queryParam("per_page", 500).get("/api/series").jsonPath()
                .getList("items.id")) {
            JsonPath s = given().get("/api/series/" + id).jsonPath();
            java.time.Instant first = java.time.Instant.parse(s.getString("firstPosted"));
            java.time.Instant accepted = null;
            for (Map<String, Object> r : s.<Map<String, Object>>getList("revisions")) {
                Map<?, ?> state = (Map<?, ?>) r.get("state");
                if ("accepted".equals(state.get("state")) && state.get("messageId") != null) {
                    java.time.Instant at = java.time.Instant.parse(given().get("/api/messages/" + state.get("messageId"))
                            .jsonPath().getString("date"));
                    accepted = accepted == null || at.isBefore(accepted) ? at : accepted;
                }
            }
            if (accepted != null && !accepted.isBefore(first)) {
                hours.add(java.time.Duration.between(first, accepted).toSeconds() / 3600.0);
            }
        }
        JsonPath latency = given().queryParam("topic", topic).get("/api/stats/latency").then().statusCode(200)
                .extract().jsonPath();
        assertThat(latency.getString("unit")).isEqualTo("hours");
        assertThat(latency.getList("topics.topic")).containsExactly(topic);
        hours.sort(null);
        assertThat(latency.getInt("topics[0].v1ToAccepted.count")).isEqualTo(hours.size());
        assertThat(latency.getDouble("topics[0].v1ToAccepted.max")).isCloseTo(hours.get(hours.size() - 1),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(latency.getDouble("topics[0].v1ToAccepted.min")).isCloseTo(hours.get(0),
                org.assertj.core.data.Offset.offset(0.01));

        JsonPath reviewers = given().get("/api/stats/reviewers").jsonPath();
        assertThat(reviewers.getList("$")).isNotEmpty();
        assertThat(reviewers.getLong("[0].total")).isEqualTo(reviewers.getLong("[0].reviewed")
                + reviewers.getLong("[0].acked") + reviewers.getLong("[0].tested"));
        given().queryParam("topic", topic).get("/api/stats/weeks").then().statusCode(200)
                .body("[0].topic", org.hamcrest.Matchers.equalTo(topic));
        given().get("/api/stats/latency?topc=x").then().statusCode(400);

        Document stats = page("/stats?topic=" + topic);
        assertThat(stats.select("section.plot svg")).hasSize(4);
        assertThat(stats.select("table.latency td").first().text()).isEqualTo(topic);
        assertThat(stats.select("#v1-to-accepted svg rect title").text()).contains(topic + ": median ");
        String name = reviewers.getString("[0].person.name");
        assertThat(page("/stats").select("#reviewers svg text").eachText())
                .contains(name == null ? reviewers.getString("[0].person.email") : name);
    }

    @Test
    void badParametersArePagesThatNameThemNeverA5xx() {
        // what the forms send when left empty is no filter at all
        page("/?topic=&state=&list=&author=&q=&since=");
        page("/stats?topic=&since=&before=");
        for (String path : List.of("/?since=not-a-date", "/?page=-1", "/?per_page=100000",
                "/?state=bogus", "/?topic=no-such-topic", "/?order=-nothing", "/stats?since=2024-13-45",
                "/stats?topic=no-such-topic", "/articles?page=x", "/messages?id=",
                "/messages?id=%20%3C%3E")) {
            Response r = given().urlEncodingEnabled(false).get(path);
            assertThat(r.statusCode()).as(path).isBetween(400, 499);
            assertThat(r.contentType()).as(path).startsWith("text/html");
            assertThat(Jsoup.parse(r.asString()).select("p.problem").text()).as(path).isNotBlank();
        }
    }
}
