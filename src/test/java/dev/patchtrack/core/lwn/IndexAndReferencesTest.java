package dev.patchtrack.core.lwn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.lwn.Reference.Kind;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.support.Pipeline;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexAndReferencesTest {

    @Test
    void theKernelIndexListsEachArticleOnceUnderItsFirstHeading() {
        IndexParser.Result r = IndexParser.parse(Pipeline.fixtureText("lwn/0005-kernel-index.html"), "https://lwn.net/Kernel/Index/");
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).extracting(IndexParser.Entry::url).containsExactly(
                "https://lwn.net/Articles/950001/", "https://lwn.net/Articles/970002/",
                "https://lwn.net/Articles/970001/", "https://lwn.net/Articles/960001/");
        IndexParser.Entry paid = r.entries().get(1);
        assertThat(paid.title()).isEqualTo("A Rust transport for 9P");
        assertThat(paid.heading()).isEqualTo("Development tools/Rust");
        assertThat(paid.subscriberOnly()).isTrue();
        assertThat(r.entries().get(2).subscriberOnly()).isFalse();
        assertThat(paid.published()).isEqualTo(Instant.parse("2024-05-16T00:00:00Z"));
        assertThat(r.entries().get(0).heading()).isEqualTo("Block layer");
        assertThat(r.entries().get(3).published()).isEqualTo(Instant.parse("2024-05-07T00:00:00Z"));
    }

    @Test
    void aPageWithoutIndexHeadingsIsReported() {
        IndexParser.Result r = IndexParser.parse(Pipeline.fixtureText("lwn/0002-article-free.html"), "https://lwn.net/Kernel/Index/");
        assertThat(r.entries()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Problem.Code.PAGE_UNRECOGNISED);
            assertThat(p.detail()).contains("not an LWN index page");
        });
    }

    @Test
    void theFreeArticlesReferences() {
        ArticlePage p = ArticleParser.parse(Pipeline.fixtureText("lwn/0002-article-free.html"), "https://lwn.net/Articles/970001/");
        List<Reference> refs = References.extract(p.links(), p.text());
        assertThat(refs).extracting(Reference::kind, Reference::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.MESSAGE, "20240513-rnvme-v2-0-5f3c2a9e81d4@example.com"),
                org.assertj.core.groups.Tuple.tuple(Kind.MESSAGE, "20240506071403.1093412-1-ana.lindqvist@example.com"),
                org.assertj.core.groups.Tuple.tuple(Kind.COMMIT, "0123456789abcdef0123456789abcdef01234567"),
                org.assertj.core.groups.Tuple.tuple(Kind.PATCHWORK, "https://patchwork.kernel.org/project/linux-nvme/list/?series=851234"),
                org.assertj.core.groups.Tuple.tuple(Kind.MESSAGE, "20990101-rnvme-v3-0-aaaabbbbcccc@example.com"),
                org.assertj.core.groups.Tuple.tuple(Kind.MESSAGE, "WHJPu05MC4j1wrCq@example.com"),
                org.assertj.core.groups.Tuple.tuple(Kind.MESSAGE, "20240513-rnvme-v2-1-5f3c2a9e81d4@example.com"));
        assertThat(refs.get(0).url()).isEqualTo("https://lore.kernel.org/r/20240513-rnvme-v2-0-5f3c2a9e81d4@example.com");
        assertThat(refs.get(5).url()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://lore.kernel.org/r/a1@example.org                                         | MESSAGE   | a1@example.org
            https://lore.kernel.org/rust-for-linux/a2@example.org/T/#u                       | MESSAGE   | a2@example.org
            https://lkml.kernel.org/r/a3@example.org                                         | MESSAGE   | a3@example.org
            https://patch.msgid.link/a4@example.org                                          | MESSAGE   | a4@example.org
            https://lwn.net/ml/linux-kernel/a5%40example.org/                                | MESSAGE   | a5@example.org
            https://lwn.net/ml/all/20240101.a6@example.org/                                  | MESSAGE   | 20240101.a6@example.org
            https://patchwork.kernel.org/project/rust-for-linux/patch/a7@example.org/        | MESSAGE   | a7@example.org
            https://patchwork.kernel.org/patch/13712345/                                     | PATCHWORK | https://patchwork.kernel.org/patch/13712345/
            https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=ABCDEF1234567 | COMMIT | abcdef1234567
            https://git.kernel.org/pub/scm/linux/kernel/git/x/y.git/commit/?h=rust-next&id=0a1b2c3d4e5f | COMMIT | 0a1b2c3d4e5f
            https://github.com/Rust-for-Linux/linux/commit/0a1b2c3d4e5f6a7b                  | COMMIT    | 0a1b2c3d4e5f6a7b
            """)
    void linkForms(String url, Kind kind, String value) {
        Reference r = References.ofUrl(url);
        assertThat(r).isNotNull();
        assertThat(r.kind()).isEqualTo(kind);
        assertThat(r.value()).isEqualTo(value);
    }

    @Test
    void linksThatReferToNothing() {
        assertThat(References.ofUrl("https://lwn.net/Articles/970001/")).isNull();
        assertThat(References.ofUrl("https://lwn.net/ml/linux-kernel/")).isNull();
        assertThat(References.ofUrl("https://github.com/Rust-for-Linux/linux/commits/rust-next")).isNull();
        assertThat(References.ofUrl("mailto:lwn@lwn.net")).isNull();
        assertThat(References.ofUrl("not a url at all")).isNull();
    }

    @Test
    void bareMessageIdsInTextButNotMailAddresses() {
        List<Reference> refs = References.extract(List.of(), """
                Posted as <20240101120000.1234-1-x@example.org>, reviewed by Ann <ann@example.org>.
                Message-ID: CAH5fLg-abc@mail.gmail.com.
                msgid=<plain@example.org>
                """);
        assertThat(refs).extracting(Reference::value).containsExactly("20240101120000.1234-1-x@example.org",
                "CAH5fLg-abc@mail.gmail.com", "plain@example.org");
    }
}
