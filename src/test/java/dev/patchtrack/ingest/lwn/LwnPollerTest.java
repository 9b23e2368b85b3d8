package dev.patchtrack.ingest.lwn;

import dev.patchtrack.core.model.Problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.ingest.ImportService;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.LwnFixtureServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LWN poll against a local stand-in for lwn.net, and what the API then says. */
@QuarkusTest
@WithTestResource(value = LwnFixtureServer.class, scope = TestResourceScope.GLOBAL)
class LwnPollerTest {

    static final Instant PUBLISHED = Instant.parse("2024-05-16T16:00:00Z");
    static final String RNVME_V2_COVER = "20240513-rnvme-v2-0-5f3c2a9e81d4@example.com";
    static final String NINE_P_V2_COVER = "20240108-9p-buffer-v2-0-434b9785f4f8@example.net";

    @Inject
    Database database;

    @Inject
    LwnPoller poller;

    @Inject
    ImportService imports;

    LwnFixtureServer lwn;

    @BeforeEach
    void clean() {
        database.clear();
        lwn = LwnFixtureServer.current();
        lwn.reset();
    }

    void importCorpus() throws IOException {
        try (InputStream in = Files.newInputStream(Corpus.fixture(30, 7).mbox())) {
            imports.importStream(in, "rust-for-linux", ImportService.Progress.NONE);
        }
    }

    static long seriesOf(String messageId) {
        return given().get("/api/messages/{id}", messageId).then().statusCode(200).extract().jsonPath().getLong("seriesId");
    }

    static long articleId(String number) {
        JsonPath page = given().get("/api/articles?per_page=100").then().statusCode(200).extract().jsonPath();
        return page.getLong("items.find { it.link.endsWith('/Articles/" + number + "/') }.id");
    }

    @Test
    void feedIndexAndPagesAreReadAndArticlesAppearUnderTheirSeries() throws IOException {
        importCorpus();
        LwnPoller.Summary s = poller.runOnce(PUBLISHED);
        // feed: 970001..970003; the index adds 960001 under Development tools/Rust (Block layer is not followed)
        assertThat(s.discovered()).isEqualTo(4);
        assertThat(s.added()).isEqualTo(4);
        assertThat(s.fetched()).isEqualTo(2);
        assertThat(s.paywalled()).isEqualTo(1);
        assertThat(s.unreadable()).isEqualTo(1);
        assertThat(lwn.requests("/Articles/950001/")).isEmpty();

        long rnvme = seriesOf(RNVME_V2_COVER);
        long ninep = seriesOf(NINE_P_V2_COVER);
        long free = articleId("970001");
        JsonPath a = given().get("/api/articles/{id}", free).then().statusCode(200).extract().jsonPath();
        assertThat(a.getString("title")).isEqualTo("A Rust NVMe driver, second round");
        assertThat(a.getString("author")).isEqualTo("Jonathan Corbet");
        assertThat(a.getString("published")).isEqualTo("2024-05-16T14:02:11Z"); // the feed's time beats the byline's day
        assertThat(a.getString("section")).isEqualTo("Kernel");
        assertThat(a.getString("state")).isEqualTo("fetched");
        assertThat(a.getString("text")).contains("maps PCI BARs").doesNotContain("Comment by a reader");
        assertThat(a.getList("topics.topic", String.class)).contains("rust-nvme");
        // the cover letter directly, the reply <WHJPu05MC4j1wrCq@...> through its thread
        assertThat(a.getList("series.id", Long.class)).containsExactlyInAnyOrder(rnvme, ninep);
        assertThat(a.getList("references.kind", String.class))
                .containsExactly("message", "message", "commit", "patchwork", "message", "message", "message");
        Map<String, Object> later = a.getMap("references.find { it.value == '20990101-rnvme-v3-0-aaaabbbbcccc@example.com' }");
        assertThat(later).containsEntry("resolved", null);
        Map<String, Object> cover = a.getMap("references[0].resolved");
        assertThat(cover).containsEntry("messageKind", "cover").containsEntry("version", 2)
                .containsEntry("series", "/api/series/" + rnvme);
        assertThat(a.getString("references.find { it.value == 'WHJPu05MC4j1wrCq@example.com' }.resolved.messageKind"))
                .isEqualTo("reply");

        JsonPath series = given().get("/api/series/{id}", rnvme).then().statusCode(200).extract().jsonPath();
        // 970001 links v2; the brief 960001, found only in the index, names v1's cover letter in its text
        assertThat(series.getList("articles.link", String.class)).containsExactly(
                lwn.base() + "/Articles/970001/", lwn.base() + "/Articles/960001/");
        assertThat(series.getList("articles.url", String.class)).contains("/api/articles/" + free);
        given().get("/api/series/{id}", seriesOf("20240114-net-9p-dentry-v1-0-761b43d3d158@example.com"))
                .then().statusCode(200).body("articles.size()", equalTo(0));

        JsonPath paid = given().get("/api/articles/{id}", articleId("970002")).then().statusCode(200).extract().jsonPath();
        assertThat(paid.getString("state")).isEqualTo("paywalled");
        assertThat(paid.getBoolean("subscriberOnly")).isTrue();
        assertThat(paid.getString("title")).isEqualTo("A Rust transport for 9P");
        assertThat(paid.getString("summary")).isEqualTo("A Rust 9P transport skeleton & the questions it raises.");
        assertThat(paid.getString("freeAt")).isEqualTo("2024-05-23T00:00:00Z");
        assertThat(paid.getString("nextFetchAt")).isEqualTo("2024-05-23T00:00:00Z");
        assertThat(paid.getString("text")).isNull();
        assertThat(paid.getList("topics.topic", String.class)).containsExactly("rust-9p"); // from the feed's title
        assertThat(paid.getList("series")).isEmpty();
    }

    @Test
    void topicsDatesAndPagesFilterTheList() {
        poller.runOnce(PUBLISHED);
        given().get("/api/articles").then().statusCode(200).header("X-Total-Count", "4").body("total", equalTo(4))
                .body("items[0].published", equalTo("2024-05-16T15:30:00Z")); // newest first
        given().get("/api/articles?topic=rust-nvme").then().statusCode(200)
                .body("items.title", equalTo(List.of("A Rust NVMe driver, second round", "Rust NVMe abstractions posted")));
        given().get("/api/articles?topic=not-rust").then().statusCode(200)
                .body("items.title", equalTo(List.of("Security updates for Thursday")));
        given().get("/api/articles?since=2024-05-08&before=2024-05-16T15:00:00Z").then().statusCode(200)
                .body("items.title", equalTo(List.of("A Rust NVMe driver, second round", "Security updates for Thursday")));
        given().get("/api/articles?per_page=1&page=2").then().statusCode(200)
                .header("Link", containsString("rel=\"next\"")).body("items.size()", equalTo(1));
        given().get("/api/articles?topic=Rust NVMe").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("topic"));
        given().get("/api/articles?since=last-week").then().statusCode(400).body("parameter", equalTo("since"));
        given().get("/api/articles/999999").then().statusCode(404);
        given().get("/api/articles/x").then().statusCode(400).body("parameter", equalTo("id"));
        // every article found is an event, once
        List<String> published = given().get("/api/events?limit=1000").jsonPath()
                .getList("findAll { it.kind == 'article-published' }.summary");
        assertThat(published).hasSize(4).contains("LWN: A Rust NVMe driver, second round");
        poller.runOnce(PUBLISHED.plusSeconds(60));
        assertThat(given().get("/api/events?limit=1000").jsonPath()
                .getList("findAll { it.kind == 'article-published' }")).hasSize(4);
        // reclassification covers articles too, and with unchanged rules changes none
        given().header("Authorization", "Bearer test-token").post("/api/reclassify").then().statusCode(200)
                .body("articles", equalTo(4));
        given().get("/api/articles?topic=rust-nvme").then()
                .body("items.title", equalTo(List.of("A Rust NVMe driver, second round", "Rust NVMe abstractions posted")));
    }

    @Test
    void aSubscriberOnlyArticleIsFetchedAgainOnceFreeAndTheFeedIsAskedConditionally() throws IOException {
        importCorpus();
        poller.runOnce(PUBLISHED);
        assertThat(lwn.requests("/Articles/970002/")).hasSize(1);

        LwnPoller.Summary nextDay = poller.runOnce(PUBLISHED.plusSeconds(86_400));
        assertThat(lwn.requests("/Articles/970002/")).as("not due before it is free").hasSize(1);
        assertThat(lwn.requests("/headlines/rss").get(0).ifNoneMatch()).isNull();
        assertThat(lwn.requests("/headlines/rss").get(1).ifNoneMatch()).startsWith("\"0001-headlines.rdf-");
        assertThat(lwn.requests("/Kernel/Index/").get(1).ifModifiedSince()).isEqualTo("Thu, 16 May 2024 16:00:00 GMT");
        assertThat(nextDay.discovered()).isZero();
        given().get("/api/lwn/status").then().statusCode(200)
                .body("sources.find { it.kind == 'feed' }.status", equalTo("not-modified"))
                .body("sources.find { it.kind == 'index' }.status", equalTo("not-modified"));

        lwn.serve("/Articles/970002/", "0004-article-now-free.html");
        LwnPoller.Summary free = poller.runOnce(Instant.parse("2024-05-23T06:00:00Z"));
        assertThat(free.fetched()).isEqualTo(1);
        assertThat(lwn.requests("/Articles/970002/")).hasSize(2);
        long id = articleId("970002");
        JsonPath a = given().get("/api/articles/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(a.getString("state")).isEqualTo("fetched");
        assertThat(a.getBoolean("subscriberOnly")).isTrue();
        assertThat(a.getString("author")).isEqualTo("Jake Edge");
        assertThat(a.getString("nextFetchAt")).isNull();
        long ninep = seriesOf(NINE_P_V2_COVER);
        assertThat(a.getList("series.id", Long.class)).containsExactly(ninep);
        given().get("/api/series/{id}", ninep).then().statusCode(200)
                .body("articles.id", org.hamcrest.Matchers.hasItem((int) id));
    }

    @Test
    void referencesToMailNotYetStoredResolveWhenItArrivesAndSurviveRebuilds() throws IOException {
        poller.runOnce(PUBLISHED);
        long free = articleId("970001");
        JsonPath before = given().get("/api/articles/{id}", free).then().statusCode(200).extract().jsonPath();
        assertThat(before.getList("series")).isEmpty();
        assertThat(before.getList("references.resolved")).containsOnlyNulls().hasSize(7);

        importCorpus();
        long rnvme = seriesOf(RNVME_V2_COVER);
        given().get("/api/articles/{id}", free).then().statusCode(200).body("series.id", org.hamcrest.Matchers.hasItem((int) rnvme));
        given().get("/api/series/{id}", rnvme).then().statusCode(200)
                .body("articles.id", org.hamcrest.Matchers.hasItem((int) free));
        // the same mail filed under another list rebuilds the series: ids stay, and so does the link
        try (InputStream in = Files.newInputStream(Corpus.fixture(30, 7).mbox())) {
            assertThat(imports.importStream(in, "linux-nvme", ImportService.Progress.NONE).rebuild().series())
                    .isGreaterThan(0);
        }
        assertThat(seriesOf(RNVME_V2_COVER)).isEqualTo(rnvme);
        given().get("/api/series/{id}", rnvme).then().statusCode(200)
                .body("articles.id", org.hamcrest.Matchers.hasItem((int) free));
    }

    @Test
    void aMalformedFeedOrPageIsReportedAndThePollGoesOn() {
        lwn.serve("/headlines/rss", "0008-headlines-truncated.rdf");
        LwnPoller.Summary s = poller.runOnce(PUBLISHED);
        assertThat(s.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(Problem.Code.FEED_MALFORMED);
            assertThat(p.detail()).contains("feed").contains("not well-formed XML");
        });
        // the index is still read and its articles fetched
        assertThat(s.discovered()).isEqualTo(3);
        assertThat(s.fetched()).isEqualTo(2);
        JsonPath status = given().get("/api/lwn/status").then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("sources.find { it.kind == 'feed' }.status")).isEqualTo("malformed");
        assertThat(status.getString("sources.find { it.kind == 'feed' }.problems[0]")).startsWith("feed is not well-formed XML");
        assertThat(status.getString("sources.find { it.kind == 'feed' }.problemDetails[0].code")).isEqualTo("feed-malformed");
        assertThat(status.getString("sources.find { it.kind == 'feed' }.problemDetails[0].severity")).isEqualTo("error");
        assertThat(status.getString("lastRun.problemDetails[0].code")).isEqualTo("feed-malformed");
        assertThat(status.getString("sources.find { it.kind == 'index' }.status")).isEqualTo("ok");
        assertThat(status.getInt("lastRun.fetched")).isEqualTo(2);

        lwn.serve("/headlines/rss", "0001-headlines.rdf");
        LwnPoller.Summary next = poller.runOnce(PUBLISHED.plusSeconds(60));
        assertThat(next.added()).isEqualTo(1); // 970003: the others came from the index
        assertThat(next.unreadable()).isEqualTo(1);
        JsonPath after = given().get("/api/lwn/status").then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("sources.find { it.kind == 'feed' }.status")).isEqualTo("ok");
        assertThat(after.getList("problems.link", String.class)).containsExactly(lwn.base() + "/Articles/970003/");
        assertThat(after.getList("problems[0].problems", String.class))
                .containsExactly("no div.ArticleText: not an LWN article page");
        assertThat(after.getList("problems[0].problemDetails.code", String.class)).containsExactly("page-unrecognised");
        assertThat(after.getLong("articles.unreadable")).isEqualTo(1);
        JsonPath bad = given().get("/api/articles/{id}", articleId("970003")).then().statusCode(200).extract().jsonPath();
        assertThat(bad.getString("state")).isEqualTo("unreadable");
        assertThat(bad.getString("nextFetchAt")).isEqualTo(PUBLISHED.plusSeconds(60).plusSeconds(6 * 3600).toString());
    }

    @Test
    void aPageThatFailsIsTriedAgainLaterAndThenGivenUp() {
        lwn.gone("/Articles/960001/");
        LwnPoller.Summary s = poller.runOnce(PUBLISHED);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(Problem.Code.FETCH_FAILED);
            assertThat(p.detail()).endsWith("/Articles/960001/: HTTP 404");
        });
        long id = articleId("960001");
        JsonPath a = given().get("/api/articles/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(a.getString("state")).isEqualTo("pending");
        assertThat(a.getList("problems", String.class)).containsExactly("HTTP 404");
        assertThat(a.getList("problemDetails.code", String.class)).containsExactly("fetch-failed");
        assertThat(a.getString("nextFetchAt")).isEqualTo(PUBLISHED.plusSeconds(6 * 3600).toString());
        assertThat(a.getString("title")).isEqualTo("Rust NVMe abstractions posted"); // what the index said

        for (int attempt = 2; attempt <= 5; attempt++) { // patchtrack.lwn.max-attempts=5
            poller.runOnce(PUBLISHED.plusSeconds(attempt * 6 * 3600L));
        }
        assertThat(lwn.requests("/Articles/960001/")).hasSize(5);
        JsonPath given = given().get("/api/articles/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(given.getString("state")).isEqualTo("unreadable");
        assertThat(given.getString("nextFetchAt")).isNull();
        poller.runOnce(PUBLISHED.plusSeconds(40 * 24 * 3600L));
        assertThat(lwn.requests("/Articles/960001/")).hasSize(5);
    }
}
