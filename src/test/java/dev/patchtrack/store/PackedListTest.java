package dev.patchtrack.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.AppliedNotice.Commit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packed columns keep the text their rows were written with: joined, cut to the column, an empty list as
 * {@code ""} or null, read back as {@link String#split} reads it.
 */
class PackedListTest {

    @Test
    void aListRoundTripsAsItsJoinedText() {
        List<String> lists = List.of("linux-kernel", "rust-for-linux");
        assertThat(PackedList.SERIES_LISTS.encode(lists)).isEqualTo("linux-kernel,rust-for-linux");
        assertThat(PackedList.SERIES_LISTS.decode("linux-kernel,rust-for-linux")).isEqualTo(lists);
        List<String> keys = List.of("a@example.org", "b@example.org");
        assertThat(PackedList.DEPENDS_ON.encode(keys)).isEqualTo("a@example.org\nb@example.org");
        assertThat(PackedList.DEPENDS_ON.decode("a@example.org\nb@example.org")).isEqualTo(keys);
        assertThat(PackedList.INDEX_TERMS.join(List.of("Kernel: Rust", "Kernel: NVMe"))).isEqualTo("Kernel: Rust\nKernel: NVMe");
    }

    @Test
    void noneIsTheEmptyStringOrNullAsTheColumnSays() {
        assertThat(PackedList.SERIES_LISTS.encode(List.of())).isEqualTo("");
        assertThat(PackedList.SERIES_TOPICS.encode(null)).isEqualTo("");
        assertThat(PackedList.DEPENDS_ON.encode(List.of())).isNull();
        assertThat(PackedList.INDEX_TERMS.encode(null)).isNull();
        for (PackedList p : List.of(PackedList.SERIES_LISTS, PackedList.SERIES_TOPICS, PackedList.DEPENDS_ON,
                PackedList.INDEX_TERMS)) {
            assertThat(p.decode(null)).isEmpty();
            assertThat(p.decode("")).isEmpty();
        }
        assertThat(PackedList.DEPENDS_ON.sameStored(null, List.of())).isTrue();
        assertThat(PackedList.ATOM_SEEN.encode(new java.util.LinkedHashSet<>())).isEqualTo("");
        assertThat(PackedList.ATOM_SEEN.encode(Collections.nCopies(1000, "tag:lore,2024:x"))).hasSize(1000 * 16 - 1);
    }

    @Test
    void anElementWithTheSeparatorReadsBackAsTwo() {
        // nothing is escaped, so the stored text stays what it always was; the values kept never hold theirs
        assertThat(PackedList.SERIES_TOPICS.encode(List.of("a,b", "c"))).isEqualTo("a,b,c");
        assertThat(PackedList.SERIES_TOPICS.decode("a,b,c")).containsExactly("a", "b", "c");
    }

    @Test
    void emptyElementsAtTheEndAreDroppedOnesBetweenKept() {
        assertThat(PackedList.SERIES_LISTS.decode("a,,b,,")).containsExactly("a", "", "b");
        assertThat(PackedList.DEPENDS_ON.decode("a\n")).containsExactly("a");
    }

    @Test
    void theTextIsCutToTheColumnAndComparedAsCut() {
        List<String> names = new ArrayList<>(Collections.nCopies(300, "rust-for-linux")); // 300 * 15 - 1 chars
        String stored = PackedList.SERIES_LISTS.encode(names);
        assertThat(stored).hasSize(2000).isEqualTo(String.join(",", names).substring(0, 2000));
        assertThat(PackedList.SERIES_TOPICS.encode(names)).hasSize(500);
        assertThat(PackedList.DEPENDS_ON.encode(Collections.nCopies(1000, "x@example.org"))).hasSize(4000);
        assertThat(PackedList.INDEX_TERMS.encode(Collections.nCopies(1000, "Kernel: Rust"))).hasSize(2000);
        // the last element is cut short; what reads back compares equal to the full list once stored
        List<String> read = PackedList.SERIES_LISTS.decode(stored);
        assertThat(read.get(read.size() - 1)).isEqualTo("rust-for-linux".substring(0, 2000 % 15));
        assertThat(PackedList.SERIES_LISTS.encode(read)).isEqualTo(stored);
        assertThat(PackedList.SERIES_LISTS.sameStored(read, names)).isTrue();
        assertThat(PackedList.SERIES_LISTS.sameStored(read, names.subList(0, 10))).isFalse();
    }

    @Test
    void convertersAreTheCodecs() {
        PackedList.DependsOnColumn c = new PackedList.DependsOnColumn();
        assertThat(c.convertToDatabaseColumn(List.of())).isNull();
        assertThat(c.convertToDatabaseColumn(List.of("a", "b"))).isEqualTo("a\nb");
        assertThat(c.convertToEntityAttribute(null)).isEmpty();
        assertThat(new PackedList.SeriesListsColumn().convertToDatabaseColumn(List.of())).isEqualTo("");
        assertThat(new PackedList.SeriesTopicsColumn().convertToEntityAttribute("rust-net,rust-drm"))
                .containsExactly("rust-net", "rust-drm");
        assertThat(new PackedList.IndexTermsColumn().convertToDatabaseColumn(List.of("x"))).isEqualTo("x");
    }

    @Test
    void appliedCommitsKeepOneLineEachEndedByANewline() {
        List<Commit> commits = List.of(new Commit(1, "rust: add\tthing\nmore", "5a3c1b2d9e8f"), new Commit(2, null, null));
        String stored = AppliedCommits.encode(commits);
        assertThat(stored).isEqualTo("1\t5a3c1b2d9e8f\trust: add thing more\n2\t\t\n");
        assertThat(AppliedCommits.decode(stored)).containsExactly(new Commit(1, "rust: add thing more", "5a3c1b2d9e8f"),
                new Commit(2, "", null));
        assertThat(AppliedCommits.asStored(commits)).isEqualTo(AppliedCommits.decode(stored));
        assertThat(AppliedCommits.encode(AppliedCommits.decode(stored))).isEqualTo(stored);
        assertThat(AppliedCommits.encode(List.of())).isNull();
        assertThat(AppliedCommits.decode(null)).isEmpty();
        assertThat(AppliedCommits.decode("")).isEmpty();
        assertThat(AppliedCommits.decode("garbage\nx\ty\tz\n3\tabc\ttitle\n")).containsExactly(new Commit(3, "title", "abc"));
        assertThat(new AppliedCommits.Column().convertToDatabaseColumn(commits)).isEqualTo(stored);
    }
}
