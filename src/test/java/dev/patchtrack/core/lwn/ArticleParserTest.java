package dev.patchtrack.core.lwn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.support.Pipeline;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleParserTest {

    private static final String URL = "https://lwn.net/Articles/970001/";

    @Test
    void aFreeArticleWithItsBylineSectionTextAndLinks() {
        ArticlePage p = ArticleParser.parse(Pipeline.fixtureText("lwn/0002-article-free.html"), URL);
        assertThat(p.paywalled()).isFalse();
        assertThat(p.unreadable()).isFalse();
        assertThat(p.problems()).isEmpty();
        assertThat(p.title()).isEqualTo("A Rust NVMe driver, second round");
        assertThat(p.author()).isEqualTo("Jonathan Corbet");
        assertThat(p.published()).isEqualTo(Instant.parse("2024-05-16T00:00:00Z"));
        assertThat(p.section()).isEqualTo("Kernel");
        assertThat(p.indexTerms()).containsExactly("Kernel: Development tools/Rust", "Kernel: Device drivers/NVMe");
        assertThat(p.text()).startsWith("Ana Lindqvist has posted the second version")
                .contains("<WHJPu05MC4j1wrCq@example.com>")
                .contains("Link: https://lore.kernel.org/rust-for-linux/20240513-rnvme-v2-1-5f3c2a9e81d4@example.com/")
                .doesNotContain("Jonathan Corbet")      // the byline is not text
                .doesNotContain("Ready to give LWN")     // nor the advertisement
                .doesNotContain("Index entries")         // nor the index table
                .doesNotContain("to post comments")
                .doesNotContain("Comment by a reader");  // comments are not the article
        assertThat(p.links()).contains(
                        "https://lore.kernel.org/r/20240513-rnvme-v2-0-5f3c2a9e81d4@example.com",
                        "https://patchwork.kernel.org/project/linux-nvme/list/?series=851234",
                        "https://patch.msgid.link/20990101-rnvme-v3-0-aaaabbbbcccc@example.com")
                .doesNotContain("https://lore.kernel.org/r/comment-only@example.org", "mailto:lwn@lwn.net");
    }

    @Test
    void theSubscriptionNoticeIsRecognisedWithTheDayItBecomesFree() {
        ArticlePage p = ArticleParser.parse(Pipeline.fixtureText("lwn/0003-article-subscription-required.html"), URL);
        assertThat(p.paywalled()).isTrue();
        assertThat(p.unreadable()).isFalse();
        assertThat(p.title()).isEqualTo("A Rust transport for 9P");
        assertThat(p.freeAt()).isEqualTo(Instant.parse("2024-05-23T00:00:00Z"));
        assertThat(p.text()).isEmpty();
        assertThat(p.links()).isEmpty();

        ArticlePage later = ArticleParser.parse(Pipeline.fixtureText("lwn/0004-article-now-free.html"), URL);
        assertThat(later.paywalled()).isFalse();
        assertThat(later.author()).isEqualTo("Jake Edge");
        assertThat(later.text()).contains("Rust 9P transport skeleton").contains("Łukasz Wróbel");
    }

    @Test
    void aBriefsPostedBylineGivesSectionDateAndAuthor() {
        ArticlePage p = ArticleParser.parse(Pipeline.fixtureText("lwn/0006-brief-posted.html"), URL);
        assertThat(p.section()).isEqualTo("Kernel");
        assertThat(p.published()).isEqualTo(Instant.parse("2024-05-07T00:00:00Z"));
        assertThat(p.author()).isEqualTo("corbet");
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void aPageThatIsNoArticleIsUnreadableWithItsReason() {
        ArticlePage p = ArticleParser.parse(Pipeline.fixtureText("lwn/0007-not-an-article.html"), URL);
        assertThat(p.unreadable()).isTrue();
        assertThat(p.problems()).containsExactly(
                Problem.of(Problem.Code.PAGE_UNRECOGNISED, "no div.ArticleText: not an LWN article page"));
        assertThat(ArticleParser.parse("", URL).unreadable()).isTrue();
        assertThat(ArticleParser.parse("\u0000<<<>>>&&&", URL).unreadable()).isTrue();
    }

    @Test
    void aPostedBylineWithoutBoldTakesTheNameAfterBy() {
        ArticlePage p = ArticleParser.parse("""
                <div class="PageHeadline"><h1>T</h1></div>
                <div class="ArticleText"><div class="Byline">Posted June 2, 2024 by jake</div><p>Body.</p></div>
                """, URL);
        assertThat(p.author()).isEqualTo("jake");
        assertThat(p.section()).isNull();
        assertThat(p.text()).isEqualTo("Body.");
        assertThat(p.indexTerms()).isEqualTo(List.of());
    }
}
