package dev.patchtrack.core.lwn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.support.Pipeline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    @Test
    void rss1AsLwnServesIt() {
        FeedParser.Result r = FeedParser.parse(Pipeline.fixture("lwn/0001-headlines.rdf"));
        assertThat(r.format()).isEqualTo("rss1");
        assertThat(r.problems()).isEmpty();
        assertThat(r.items()).extracting(FeedItem::url).containsExactly("https://lwn.net/Articles/970001/",
                "https://lwn.net/Articles/970002/", "https://lwn.net/Articles/970003/");
        FeedItem free = r.items().get(0);
        assertThat(free.title()).isEqualTo("A Rust NVMe driver, second round");
        assertThat(free.subscriberOnly()).isFalse();
        assertThat(free.published()).isEqualTo(Instant.parse("2024-05-16T14:02:11Z"));
        assertThat(free.author()).isEqualTo("corbet");
        assertThat(free.summary()).isEqualTo("The second version of the Rust NVMe driver abstractions has been posted.");
        FeedItem paid = r.items().get(1);
        assertThat(paid.title()).isEqualTo("A Rust transport for 9P");
        assertThat(paid.subscriberOnly()).isTrue();
        assertThat(paid.summary()).contains("& the questions");
    }

    @Test
    void rss2WithItsDatesAndAnItemWithoutLink() {
        FeedParser.Result r = FeedParser.parse(Pipeline.fixture("lwn/0009-headlines.rss2.xml"));
        assertThat(r.format()).isEqualTo("rss2");
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.url()).isEqualTo("https://lwn.net/Articles/970002/"); // the /rss suffix dropped
            assertThat(i.subscriberOnly()).isTrue();
            assertThat(i.published()).isEqualTo(Instant.parse("2024-05-16T15:30:00Z"));
        });
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Problem.Code.ITEM_SKIPPED);
            assertThat(p.detail()).contains("item 2").contains("no usable link");
        });
    }

    @Test
    void atomTakesTheAlternateLinkAndReportsABadDate() {
        FeedParser.Result r = FeedParser.parse(Pipeline.fixture("lwn/0010-headlines.atom"));
        assertThat(r.format()).isEqualTo("atom");
        assertThat(r.items()).hasSize(2);
        assertThat(r.items().get(0).url()).isEqualTo("https://lwn.net/Articles/970001/");
        assertThat(r.items().get(0).author()).isEqualTo("Jonathan Corbet");
        assertThat(r.items().get(0).published()).isEqualTo(Instant.parse("2024-05-16T14:02:11Z"));
        assertThat(r.items().get(0).summary()).isEqualTo("Second version.");
        assertThat(r.items().get(1).published()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Problem.Code.DATE_INVALID);
            assertThat(p.detail()).contains("unreadable date \"yesterday\"");
        });
    }

    @Test
    void aTruncatedFeedOrAPageIsReportedNotThrown() {
        FeedParser.Result cut = FeedParser.parse(Pipeline.fixture("lwn/0008-headlines-truncated.rdf"));
        assertThat(cut.malformed()).isTrue();
        assertThat(cut.items()).isEmpty();
        assertThat(cut.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Problem.Code.FEED_MALFORMED);
            assertThat(p.detail()).startsWith("feed is not well-formed XML");
        });

        FeedParser.Result html = FeedParser.parse("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.malformed()).isTrue();
        assertThat(html.problems()).containsExactly(
                Problem.of(Problem.Code.FEED_MALFORMED, "not a feed: the document is <html>"));

        assertThat(FeedParser.parse(new byte[0]).malformed()).isTrue();
    }

    @Test
    void externalEntitiesAreNotRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss><channel><item><title>&x;</title><link>https://lwn.net/Articles/1/</link></item></channel></rss>
                """;
        FeedParser.Result r = FeedParser.parse(xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(r.items()).allSatisfy(i -> assertThat(i.title()).doesNotContain("root:"));
    }
}
