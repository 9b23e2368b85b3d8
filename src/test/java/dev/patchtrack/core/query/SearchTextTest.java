package dev.patchtrack.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.patch.PatchId;
import org.junit.jupiter.api.Test;

/** What search reads in a mail body, worked out once when the mail is read. */
class SearchTextTest {

    private static final String PATCH = """
            rust: alloc: fix typo in `Vec` docs

            The word was spelled wrong.

            Signed-off-by: Danilo Krummrich <dakr@example.org>
            ---
             rust/kernel/alloc/kvec.rs | 2 +-
             1 file changed, 1 insertion(+), 1 deletion(-)

            diff --git a/rust/kernel/alloc/kvec.rs b/rust/kernel/alloc/kvec.rs
            index 1111111..2222222 100644
            --- a/rust/kernel/alloc/kvec.rs
            +++ b/rust/kernel/alloc/kvec.rs
            @@ -1,3 +1,3 @@
             /// A vector.
            -/// Teh contents.
            +/// The contents.
             pub struct Vec;
            """;

    @Test
    void aPatchsProseStopsAtItsDiffstatAndItsDiffGivesWordsAndAnId() {
        SearchText t = SearchText.of(PATCH);
        assertThat(t.prose()).contains("The word was spelled wrong.", "Signed-off-by: Danilo")
                .doesNotContain("kvec.rs", "Teh");
        assertThat(t.diff().files()).contains("rust/kernel/alloc/kvec.rs");
        assertThat(t.diff().removed()).contains("teh contents");
        assertThat(t.diff().added()).contains("the contents");
        assertThat(t.patchId()).isEqualTo(PatchId.of(PATCH)).hasSize(40);
    }

    @Test
    void aCoverLetterStopsAtItsSignatureAndHasNoDiff() {
        SearchText t = SearchText.of("This series adds ListArc.\n\nIt is v2.\n-- \nAlice\n");
        assertThat(t.prose()).isEqualTo("This series adds ListArc.\n\nIt is v2.\n");
        assertThat(t.diff()).isEqualTo(DiffWords.NONE);
        assertThat(t.patchId()).isNull();
    }

    @Test
    void nothingReadsAsEmptyAndProseIsBounded() {
        assertThat(SearchText.of(null).prose()).isEmpty();
        String line = "x".repeat(999) + "\n";
        String prose = SearchText.prose(line.repeat(200) + "\0");
        assertThat(prose.length()).isLessThanOrEqualTo(SearchText.MAX_CHARS).isGreaterThan(SearchText.MAX_CHARS - 1000);
        assertThat(SearchText.prose("a\0b")).isEqualTo("a b\n");
    }
}
