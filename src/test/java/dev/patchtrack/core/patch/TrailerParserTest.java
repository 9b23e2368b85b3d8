package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.Trailer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrailerParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            reviewed-by     | Reviewed-by
            Acked-By        | Acked-by
            REVIEWED-BY     | Reviewed-by
            Reviewed by     | Reviewed-by
            signed-off-by   | Signed-off-by
            Signed off by   | Signed-off-by
            co-developed-BY | Co-developed-by
            nacked-by       | Nacked-by
            CC              | Cc
            fixes           | Fixes
            LINK            | Link
            closes          | Closes
            Debugged-By     | Debugged-by
            Reported-and-tested-by | Reported-and-tested-by
            """)
    void canonicalNames(String raw, String canonical) {
        assertThat(TrailerParser.canonicalName(raw)).isEqualTo(canonical);
    }

    @Test
    void notTrailerKeys() {
        assertThat(TrailerParser.canonicalName("Note")).isNull();
        assertThat(TrailerParser.canonicalName("by")).isNull();
        assertThat(TrailerParser.canonicalName("Message-ID")).isNull();
        assertThat(TrailerParser.canonicalName("x2-by")).isNull();
        assertThat(TrailerParser.canonicalName("one-two-three-four-five-by")).isNull();
    }

    @Test
    void spacesBeforeTheColonAndIndentationAreTolerated() {
        Trailer t = TrailerParser.parseLine("   Reviewed-by : Ann Author <ann@example.org>");
        assertThat(t).isNotNull();
        assertThat(t.name()).isEqualTo("Reviewed-by");
        assertThat(t.value()).isEqualTo("Ann Author <ann@example.org>");
        assertThat(t.person()).isEqualTo(new Address("Ann Author", "ann@example.org"));
        assertThat(TrailerParser.parseLine("\tAcked-By:Bob <bob@example.org>").name()).isEqualTo("Acked-by");
    }

    @Test
    void personForms() {
        assertThat(person("\"Yann E. MORIN\" <yann.morin.1998@free.fr>"))
                .isEqualTo(new Address("Yann E. MORIN", "yann.morin.1998@free.fr"));
        assertThat(person("\"O\\\"Brien, Pat\" <pat@example.org>")).isEqualTo(new Address("O\"Brien, Pat", "pat@example.org"));
        assertThat(person("Łukasz Wróbel <lwrobel@example.net>")).isEqualTo(new Address("Łukasz Wróbel", "lwrobel@example.net"));
        assertThat(person("bare@example.org")).isEqualTo(new Address(null, "bare@example.org"));
        assertThat(person("<bare@example.org>")).isEqualTo(new Address(null, "bare@example.org"));
        assertThat(person("stable@vger.kernel.org # 6.1+")).isEqualTo(new Address(null, "stable@vger.kernel.org"));
        assertThat(person("old@example.org (Old Style)")).isEqualTo(new Address("Old Style", "old@example.org"));
        assertThat(person("Ann <ann@example.org> # for the rust parts")).isEqualTo(new Address("Ann", "ann@example.org"));
        assertThat(person("Ann Author")).isNull();
    }

    private static Address person(String v) {
        return TrailerParser.parsePerson(v);
    }

    @Test
    void keysWithoutPersonsHaveNone() {
        assertThat(TrailerParser.parseLine("Fixes: 1234567890ab (\"rust: add foo\")").person()).isNull();
        assertThat(TrailerParser.parseLine("Link: https://lore.kernel.org/r/x@y").person()).isNull();
        assertThat(TrailerParser.parseLine("Closes: https://github.com/Rust-for-Linux/linux/issues/1").person()).isNull();
        assertThat(TrailerParser.parseLine("Cc: stable@vger.kernel.org").person().email()).isEqualTo("stable@vger.kernel.org");
    }

    @Test
    void proseIsNotATrailer() {
        assertThat(TrailerParser.parseLine("Note: this is prose")).isNull();
        assertThat(TrailerParser.parseLine("Link: see the thread above for details")).isNull();
        assertThat(TrailerParser.parseLine("Fixes: the bug Ann found")).isNull();
        assertThat(TrailerParser.parseLine("Written by: the whole team")).isNull();
        assertThat(TrailerParser.parseLine("Written by: Ann <ann@example.org>")).isNull();
        assertThat(TrailerParser.parseLine("Written-by: Ann <ann@example.org>").name()).isEqualTo("Written-by");
        assertThat(TrailerParser.parseLine("See Reviewed-by: Ann <ann@example.org>")).isNull();
        assertThat(TrailerParser.parseLine("Reviewed-by:")).isNull();
        assertThat(TrailerParser.parseLine("> Reviewed-by: Ann <ann@example.org>")).isNull();
        assertThat(TrailerParser.parseLine("  > Reviewed-by: Ann <ann@example.org>")).isNull();
        assertThat(TrailerParser.parseLine("+Signed-off-by: Ann <ann@example.org>")).isNull();
        assertThat(TrailerParser.parseLine(" https://example.org: foo")).isNull();
    }

    @Test
    void replyScopeReadsUnquotedLinesUpToTheSignature() {
        String body = """
                On Mon, 1 Jan 2024, Bob wrote:
                > Signed-off-by: Bob <bob@example.org>
                >> Reviewed-by: Old <old@example.org>

                Looks good.

                  Reviewed-by: Ann Author <ann@example.org>
                Tested-by: Tess <tess@example.org> # on arm64
                reviewed by: Carl <carl@example.org>

                --\s
                Acked-by: Sig Nature <sig@example.org>
                """;
        List<Trailer> t = TrailerParser.parse(body);
        assertThat(t).extracting(Trailer::name, tr -> tr.person().email()).containsExactly(
                tuple("Reviewed-by", "ann@example.org"),
                tuple("Tested-by", "tess@example.org"),
                tuple("Reviewed-by", "carl@example.org"));
    }

    @Test
    void replyScopeSkipsDiffLinesButReadsAroundThem() {
        String body = """
                Something like this:

                diff --git a/Documentation/foo.rst b/Documentation/foo.rst
                index 1111111..2222222 100644
                --- a/Documentation/foo.rst
                +++ b/Documentation/foo.rst
                @@ -1,3 +1,3 @@
                 Acked-by: Context <context@example.org>
                -Old line
                +New line
                 tail

                With that:
                Reviewed-by: Ann <ann@example.org>
                """;
        assertThat(TrailerParser.parse(body)).extracting(Trailer::value).containsExactly("Ann <ann@example.org>");
    }

    @Test
    void patchScopeIsTheCommitMessage() {
        String body = """
                From: Real Author <real@example.org>

                rust: add foo

                    Indented-by: Ind <ind@example.org>
                Link: https://lore.kernel.org/r/bug@example.org
                Fixes: 0123456789ab ("rust: old")
                Reviewed-by: Rev <rev@example.org>
                Signed-off-by: Real Author <real@example.org>
                ---
                v2: Acked-by: After Dashes <after@example.org>
                Reviewed-by: Notes <notes@example.org>

                diff --git a/x b/x
                index 1..2 100644
                --- a/x
                +++ b/x
                @@ -1 +1 @@
                -a
                +Signed-off-by: In Diff <diff@example.org>
                """;
        assertThat(TrailerParser.parsePatch(body)).extracting(Trailer::name).containsExactly(
                "Indented-by", "Link", "Fixes", "Reviewed-by", "Signed-off-by");
        // the reply scope of the same text reads past the --- line but never into the diff
        assertThat(TrailerParser.parse(body)).extracting(Trailer::name).containsExactly(
                "Indented-by", "Link", "Fixes", "Reviewed-by", "Signed-off-by", "Reviewed-by");
    }

    @Test
    void patchWithoutDashesEndsAtTheDiff() {
        String body = """
                Commit message.

                Signed-off-by: Ann <ann@example.org>
                diff --git a/x b/x
                index 1..2 100644
                --- a/x
                +++ b/x
                @@ -1,2 +1,2 @@
                 Reviewed-by: Ctx <ctx@example.org>
                -a
                +b
                Acked-by: After <after@example.org>
                """;
        assertThat(TrailerParser.parsePatch(body)).extracting(Trailer::name).containsExactly("Signed-off-by");
    }

    @Test
    void crlfAndEmptyInput() {
        assertThat(TrailerParser.parse("Reviewed-by: Ann <ann@example.org>\r\nAcked-by: Bob <bob@example.org>\r\n"))
                .extracting(tr -> tr.person().email()).containsExactly("ann@example.org", "bob@example.org");
        assertThat(TrailerParser.parse("")).isEmpty();
        assertThat(TrailerParser.parse(null)).isEmpty();
        assertThat(TrailerParser.parseLine(null)).isNull();
    }
}
