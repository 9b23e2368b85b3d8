package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.patchtrack.store.ArticleEntity;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.Mbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** The Atom and RSS feeds, read back with ROME and with a strict XML parser. */
@QuarkusTest
class FeedsTest {

    static final String ANA = ReviewStatesTest.ANA;
    static final String BOB = ReviewStatesTest.BOB;
    static final String HOSTILE_SUBJECT = "rust: <script>alert('x')</script> & \"quoted\" ]]> \u0001bell";
    static final String HOSTILE_TEXT = "rust: <script>alert('x')</script> & \"quoted\" ]]> ";

    @Inject
    Database database;

    @Inject
    ArticleRepository articles;

    @BeforeEach
    void clean() {
        database.clear();
    }

    static void upload(Mbox mbox) {
        ReviewStatesTest.upload(mbox);
    }

    static Mbox hostile() {
        return Mbox.create().patch("evil-1@example.com", "\"Eve <b>&amp;</b> O'Hara\" <eve@example.com>", 5,
                "[PATCH] " + HOSTILE_SUBJECT, null, "rust/kernel/sync.rs");
    }

    /** The series title the JSON API gives for the series of a message. */
    static String apiTitle(String messageId) {
        long id = given().get("/api/messages/{id}", messageId).jsonPath().getLong("seriesId");
        String title = given().get("/api/series/{id}", id).jsonPath().getString("title");
        assertThat(title).doesNotContain("\u0001");
        return title;
    }

    static SyndFeed rome(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    /** Parses with a validating-strict, namespace-aware DOM parser that turns every warning into a failure. */
    static Document strict(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var b = f.newDocumentBuilder();
        b.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) throws SAXParseException {
                throw e;
            }

            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String get(String path, String type) {
        return given().get(path).then().statusCode(200).contentType(startsWith(type)).extract().asString();
    }

    @Test
    void seriesAtomIsValidEscapedAndStable() throws Exception {
        upload(ReviewStatesTest.v1());
        upload(hostile());
        String xml = get("/feeds/series.atom", "application/atom+xml");
        Document doc = strict(xml);
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("b").getLength()).isZero();
        assertThat(xml).doesNotContain("\u0001").contains("&lt;script&gt;");

        SyndFeed feed = rome(xml);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).hasSize(2);
        SyndEntry evil = feed.getEntries().stream().filter(e -> e.getTitle().contains("script")).findFirst().orElseThrow();
        assertThat(evil.getTitle()).isEqualTo(apiTitle("evil-1@example.com") + " (v1, new)").startsWith(HOSTILE_TEXT);
        assertThat(evil.getAuthor()).isEqualTo("Eve <b>&amp;</b> O'Hara");
        assertThat(evil.getDescription().getValue()).contains("Author: Eve <b>&amp;</b> O'Hara <eve@example.com>");
        assertThat(evil.getUri()).matches("tag:patchtrack,2024:series/\\d+");
        assertThat(evil.getLink()).matches("http://localhost:\\d+/api/series/\\d+\\?format=text");
        assertThat(evil.getDescription().getValue()).contains("State: new");
        assertThat(evil.getUpdatedDate().toInstant()).isEqualTo(Instant.parse("2024-06-03T09:05:00Z"));
        assertThat(feed.getLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).endsWith("/feeds/series.atom");
        });

        SyndEntry nvme = feed.getEntries().stream().filter(e -> e.getTitle().contains("queue")).findFirst().orElseThrow();
        String nvmeId = nvme.getUri();
        List<String> ids = feed.getEntries().stream().map(SyndEntry::getUri).toList();
        assertThat(rome(get("/feeds/series.atom", "application/atom+xml")).getEntries().stream().map(SyndEntry::getUri))
                .as("the same ids on the next poll").containsExactlyElementsOf(ids);

        // A review changes the entry's state and date, not its id.
        upload(Mbox.create().mail("b2@example.org", BOB, 40, "Re: [PATCH 0/2] rust: nvme: add queue helpers",
                "v1-0@example.com", "Reviewed-by: " + BOB + "\n"));
        SyndEntry after = rome(get("/feeds/series.atom", "application/atom+xml")).getEntries().get(0);
        assertThat(after.getUri()).isEqualTo(nvmeId);
        assertThat(after.getTitle()).endsWith("(v1, reviewed)");
        assertThat(after.getUpdatedDate().toInstant()).isEqualTo(Instant.parse("2024-06-03T09:40:00Z"));
    }

    @Test
    void seriesRssTakesTheApiFilters() throws Exception {
        upload(ReviewStatesTest.v1());
        upload(hostile());
        String xml = get("/feeds/series.rss?topic=rust-nvme&state=new", "application/rss+xml");
        strict(xml);
        SyndFeed feed = rome(xml);
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("rust: nvme: add queue helpers (v1, new)");
        assertThat(feed.getEntries().get(0).getCategories()).extracting(c -> c.getName())
                .containsExactly("rust-nvme", "new");
        assertThat(feed.getTitle()).isEqualTo("patchtrack: series (topic rust-nvme; state new)");

        SyndFeed all = rome(get("/feeds/series.rss", "application/rss+xml"));
        SyndEntry evil = all.getEntries().stream().filter(e -> e.getTitle().contains("script")).findFirst().orElseThrow();
        assertThat(evil.getTitle()).isEqualTo(apiTitle("evil-1@example.com") + " (v1, new)").startsWith(HOSTILE_TEXT);
        assertThat(evil.getUri()).matches("tag:patchtrack,2024:series/\\d+");

        assertThat(rome(get("/feeds/series.rss?state=reviewed", "application/rss+xml")).getEntries()).isEmpty();
        given().get("/feeds/series.rss?state=merged").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("state"));
        given().get("/feeds/series.atom?limit=0").then().statusCode(400).body("parameter", equalTo("limit"));
    }

    @Test
    void oneSeriesFeedTellsItsRevisionsStateChangesAndTrailers() throws Exception {
        upload(ReviewStatesTest.v1());
        upload(Mbox.create().mail("b2@example.org", BOB, 40, "Re: [PATCH 0/2] rust: nvme: add queue helpers",
                "v1-0@example.com", "Reviewed-by: " + BOB + "\n"));
        upload(Mbox.create()
                .mail("v2-0@example.com", ANA, 100, "[PATCH v2 0/2] rust: nvme: add queue helpers", null, "v2.\n")
                .patch("v2-1@example.com", ANA, 101, "[PATCH v2 1/2] rust: nvme: add queue setup", "v2-0@example.com",
                        "drivers/block/rnvme.rs")
                .patch("v2-2@example.com", ANA, 102, "[PATCH v2 2/2] rust: nvme: add queue teardown", "v2-0@example.com",
                        "drivers/block/rnvme.rs"));
        long id = given().get("/api/messages/{id}", "v1-0@example.com").jsonPath().getLong("seriesId");

        String atom = get("/feeds/series/" + id + ".atom", "application/atom+xml");
        strict(atom);
        SyndFeed feed = rome(atom);
        assertThat(feed.getUri()).isEqualTo("tag:patchtrack,2024:series/" + id);
        List<String> titles = feed.getEntries().stream().map(SyndEntry::getTitle).toList();
        assertThat(titles).anyMatch(t -> t.startsWith("v1 of rust: nvme: add queue helpers posted"))
                .anyMatch(t -> t.startsWith("v2 of rust: nvme: add queue helpers posted"))
                .anyMatch(t -> t.contains("new -> reviewed"))
                .anyMatch(t -> t.contains("reviewed -> superseded"));
        assertThat(titles.get(0)).as("newest first").doesNotContain("v1 of rust: nvme: add queue helpers posted");
        assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getUri()).matches("tag:patchtrack,2024:event/\\d+"));
        SyndEntry v2 = feed.getEntries().stream().filter(e -> e.getTitle().startsWith("v2 of") && e.getTitle().contains(" posted"))
                .findFirst().orElseThrow();
        assertThat(v2.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2024-06-03T10:40:00Z"));
        SyndEntry compared = feed.getEntries().stream().filter(e -> e.getTitle().startsWith("v2 of") && e.getTitle()
                .contains(" since v1: ")).findFirst().orElseThrow();
        assertThat(compared.getPublishedDate()).as("what v2 changed is news of the day it was posted")
                .isEqualTo(v2.getPublishedDate());

        SyndFeed rss = rome(get("/feeds/series/" + id + ".rss", "application/rss+xml"));
        assertThat(rss.getEntries().stream().map(SyndEntry::getUri))
                .containsExactlyElementsOf(feed.getEntries().stream().map(SyndEntry::getUri).toList());
        given().get("/feeds/series/999999.atom").then().statusCode(404).contentType("application/problem+json");
        given().get("/feeds/series/abc.rss").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void articlesFeedFiltersByTopic() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            article("https://lwn.net/Articles/1001/", "Rust NVMe <driver> & friends", "rust-nvme",
                    Instant.parse("2024-06-05T10:00:00Z"));
            article("https://lwn.net/Articles/1002/", "Rust 9P", "rust-9p", Instant.parse("2024-06-06T10:00:00Z"));
        });
        String xml = get("/feeds/articles.atom?topic=rust-nvme", "application/atom+xml");
        strict(xml);
        SyndFeed feed = rome(xml);
        assertThat(feed.getEntries()).hasSize(1);
        SyndEntry e = feed.getEntries().get(0);
        assertThat(e.getTitle()).isEqualTo("Rust NVMe <driver> & friends");
        assertThat(e.getLink()).isEqualTo("https://lwn.net/Articles/1001/");
        assertThat(e.getUri()).matches("tag:patchtrack,2024:article/\\d+");
        assertThat(e.getDescription().getValue()).isEqualTo("Summary of Rust NVMe <driver> & friends");

        SyndFeed rss = rome(get("/feeds/articles.rss", "application/rss+xml"));
        assertThat(rss.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Rust 9P", "Rust NVMe <driver> & friends");
        given().get("/feeds/articles.rss?topic=a,b").then().statusCode(400).body("parameter", equalTo("topic"));
    }

    void article(String url, String title, String topic, Instant published) {
        ArticleEntity a = dev.patchtrack.support.Articles.fetched(url, title, published);
        a.summary = "Summary of " + title;
        articles.persist(a);
        articles.replaceTopics(a.id, List.of(new ArticleRepository.TopicRow(topic, "test", null)));
    }
}
