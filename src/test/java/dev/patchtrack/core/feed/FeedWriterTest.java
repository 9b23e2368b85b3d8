package dev.patchtrack.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedWriterTest {

    static final String HOSTILE = "[PATCH] rust: <script>alert('x')</script> & \"quotes\" ]]> \u0001\u0008 \uD83E\uDD80";

    static Feed feed() {
        Instant t = Instant.parse("2024-05-13T08:00:00Z");
        return new Feed("tag:patchtrack,2024:series", "patchtrack: series & <more>", "http://localhost/api/series",
                "http://localhost/feeds/series.atom?topic=rust-nvme&state=new", t, List.of(
                new Feed.Entry("tag:patchtrack,2024:revision/58", HOSTILE, "http://localhost/api/series/30?a=1&b=2",
                        t, t.minusSeconds(60), "Søren <s@example.org>", "summary with <b>tags</b> & \u0000nul",
                        List.of("rust-nvme", "under-review")),
                new Feed.Entry("tag:patchtrack,2024:revision/57", "second", "http://localhost/api/series/29", t, null,
                        null, null, List.of())));
    }

    static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    @Test
    void atomIsValidAndKeepsTextAsText() throws Exception {
        String xml = FeedWriter.atom(feed());
        assertThat(xml).doesNotContain("<script>").doesNotContain("\u0001");
        SyndFeed f = parse(xml);
        assertThat(f.getFeedType()).isEqualTo("atom_1.0");
        assertThat(f.getTitle()).isEqualTo("patchtrack: series & <more>");
        SyndEntry e = f.getEntries().get(0);
        assertThat(e.getTitle()).isEqualTo("[PATCH] rust: <script>alert('x')</script> & \"quotes\" ]]>  \uD83E\uDD80");
        assertThat(e.getUri()).isEqualTo("tag:patchtrack,2024:revision/58");
        assertThat(e.getLink()).isEqualTo("http://localhost/api/series/30?a=1&b=2");
        assertThat(e.getAuthor()).isEqualTo("Søren <s@example.org>");
        assertThat(e.getCategories()).extracting(c -> c.getName()).containsExactly("rust-nvme", "under-review");
        assertThat(e.getDescription().getValue()).isEqualTo("summary with <b>tags</b> & nul");
        assertThat(f.getEntries()).hasSize(2);
    }

    @Test
    void rssIsValidAndKeepsTextAsText() throws Exception {
        String xml = FeedWriter.rss(feed());
        assertThat(xml).doesNotContain("<script>");
        SyndFeed f = parse(xml);
        assertThat(f.getFeedType()).isEqualTo("rss_2.0");
        SyndEntry e = f.getEntries().get(0);
        assertThat(e.getTitle()).isEqualTo("[PATCH] rust: <script>alert('x')</script> & \"quotes\" ]]>  \uD83E\uDD80");
        assertThat(e.getUri()).isEqualTo("tag:patchtrack,2024:revision/58");
        assertThat(e.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2024-05-13T07:59:00Z"));
        assertThat(e.getDescription().getValue()).isEqualTo("summary with <b>tags</b> & nul");
    }

    @Test
    void entryIdsAreStableAcrossWrites() {
        assertThat(FeedWriter.atom(feed())).isEqualTo(FeedWriter.atom(feed()));
    }

    @Test
    void xmlTextDropsOnlyWhatXmlCannotHold() {
        assertThat(FeedWriter.xmlText("a\u0000b\u001fc\td\ne\uFFFEf")).isEqualTo("abc\td\nef");
        assertThat(FeedWriter.xmlText("lone \uD800 surrogate")).isEqualTo("lone  surrogate");
        assertThat(FeedWriter.xmlText("crab \uD83E\uDD80")).isEqualTo("crab \uD83E\uDD80");
        assertThat(FeedWriter.xmlText(null)).isEmpty();
    }
}
