package dev.patchtrack.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.query.SearchQuery.And;
import dev.patchtrack.core.query.SearchQuery.Dates;
import dev.patchtrack.core.query.SearchQuery.Field;
import dev.patchtrack.core.query.SearchQuery.Not;
import dev.patchtrack.core.query.SearchQuery.Or;
import dev.patchtrack.core.query.SearchQuery.Term;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    static final Instant NOW = Instant.parse("2024-06-15T10:30:00Z");

    static SearchQuery.Node parse(String q) {
        SearchQuery.Parsed p = SearchQuery.parse(q, NOW);
        assertThat(p.problem()).as(q).isNull();
        return p.node();
    }

    static String problem(String q) {
        SearchQuery.Parsed p = SearchQuery.parse(q, NOW);
        assertThat(p.ok()).as(q).isFalse();
        return p.problem();
    }

    @Test
    void plainWordsStayOneTermAsBefore() {
        assertThat(parse("nvme queue")).isEqualTo(new Term(Field.TEXT, "nvme queue"));
        assertThat(parse("  rust: nvme: add  ")).isEqualTo(new Term(Field.TEXT, "rust: nvme: add"));
        assertThat(parse("net::phy")).as("not a prefix").isEqualTo(new Term(Field.TEXT, "net::phy"));
        assertThat(parse("foo() and bar")).isEqualTo(new Term(Field.TEXT, "foo() and bar"));
        assertThat(parse("-rc1")).isEqualTo(new Term(Field.TEXT, "-rc1"));
    }

    @Test
    void eachPrefixNamesItsField() {
        assertThat(parse("s:nvme")).isEqualTo(new Term(Field.SUBJECT, "nvme"));
        assertThat(parse("f:ojeda")).isEqualTo(new Term(Field.FROM, "ojeda"));
        assertThat(parse("b:unsafe")).isEqualTo(new Term(Field.BODY, "unsafe"));
        assertThat(parse("bs:unsafe")).isEqualTo(new Term(Field.SUBJECT_OR_BODY, "unsafe"));
        assertThat(parse("dfn:rust/kernel/pci.rs")).isEqualTo(new Term(Field.DIFF_FILE, "rust/kernel/pci.rs"));
        assertThat(parse("dfa:old_line")).isEqualTo(new Term(Field.DIFF_REMOVED, "old_line"));
        assertThat(parse("dfb:new_line")).isEqualTo(new Term(Field.DIFF_ADDED, "new_line"));
        assertThat(parse("m:<a@b>")).isEqualTo(new Term(Field.MESSAGE_ID, "a@b"));
        assertThat(parse("mid:a@b")).isEqualTo(new Term(Field.MESSAGE_ID, "a@b"));
        assertThat(parse("patchid:ABCDEF0123")).isEqualTo(new Term(Field.PATCH_ID, "abcdef0123"));
        assertThat(parse("d:2024-06-01..2024-06-30")).isEqualTo(new Dates(Instant.parse("2024-06-01T00:00:00Z"),
                Instant.parse("2024-07-01T00:00:00Z")));
        assertThat(parse("d:last.week..")).isEqualTo(new Dates(Instant.parse("2024-06-08T10:30:00Z"), null));
    }

    @Test
    void quotesKeepPhrases() {
        assertThat(parse("s:\"rust: nvme\"")).isEqualTo(new Term(Field.SUBJECT, "rust: nvme"));
        assertThat(parse("\"add queue\"")).isEqualTo(new Term(Field.TEXT, "add queue"));
        assertThat(parse("s:\"unterminated phrase")).isEqualTo(new Term(Field.SUBJECT, "unterminated phrase"));
    }

    @Test
    void operatorsBindAsXapianDoes() {
        Term a = new Term(Field.SUBJECT, "a");
        Term b = new Term(Field.FROM, "b");
        Term c = new Term(Field.TEXT, "c");
        assertThat(parse("s:a f:b")).isEqualTo(new And(java.util.List.of(a, b)));
        assertThat(parse("s:a AND f:b OR c")).isEqualTo(new Or(java.util.List.of(new And(java.util.List.of(a, b)), c)));
        assertThat(parse("s:a AND (f:b OR c)")).isEqualTo(new And(java.util.List.of(a, new Or(java.util.List.of(b, c)))));
        assertThat(parse("s:a NOT f:b")).isEqualTo(new And(java.util.List.of(a, new Not(b))));
        assertThat(parse("s:a AND NOT f:b")).isEqualTo(new And(java.util.List.of(a, new Not(b))));
        assertThat(parse("NOT s:a")).isEqualTo(new Not(a));
        assertThat(parse("s:a -f:b")).isEqualTo(new And(java.util.List.of(a, new Not(b))));
        assertThat(parse("s:a -c")).as("-word among search words").isEqualTo(new And(java.util.List.of(a, new Not(c))));
        assertThat(parse("(s:a)")).isEqualTo(a);
        assertThat(parse("s:a or f:b")).as("lower-case or is a word")
                .isEqualTo(new And(java.util.List.of(a, new Term(Field.TEXT, "or"), b)));
    }

    @Test
    void problemsSayWhat() {
        assertThat(problem("t:someone@example.org")).contains("t: is not supported").contains("dfn:");
        assertThat(problem("s:a AND")).contains("'AND' needs something after it");
        assertThat(problem("OR s:a")).contains("'OR' needs something before it");
        assertThat(problem("(s:a")).contains("'(' without its ')'");
        assertThat(problem("s:\"\"")).contains("empty quotes");
        assertThat(problem("d:soon")).contains("d:soon").contains("not a date");
        assertThat(problem("")).contains("empty");
        assertThat(problem("s:a ".repeat(40))).contains("more than 32 terms");
    }

    @Test
    void describeWritesTheQueryBack() {
        assertThat(SearchQuery.describe(parse("s:\"rust: nvme\" AND NOT f:bot"))).isEqualTo("(s:\"rust: nvme\" AND NOT f:bot)");
    }
}
