package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionChangesTest {

    static RangeDiff.Pair pair(Integer from, Integer to, char marker, String subject) {
        return new RangeDiff.Pair(from, to, marker, subject, List.of());
    }

    @Test
    void thePairsOfARangeDiffAreCountedBySortOfChange() {
        VersionChanges c = VersionChanges.of(2, 3, List.of(pair(1, 1, '=', "a"), pair(2, 2, '!', "b"),
                pair(3, null, '<', "c"), pair(null, 3, '>', "d"), pair(4, 4, '=', "e")), null);
        assertThat(c.unchanged()).isEqualTo(2);
        assertThat(c.changed()).containsExactly("b");
        assertThat(c.dropped()).containsExactly("c");
        assertThat(c.added()).containsExactly("d");
        assertThat(c.sentence()).isEqualTo("since v2: 1 patch changed, 1 added, 1 dropped, 2 unchanged");
        assertThat(VersionChanges.of(1, 2, List.of(pair(1, 1, '!', "a"), pair(2, 2, '!', "b")), null).sentence())
                .isEqualTo("since v1: 2 patches changed");
        assertThat(VersionChanges.of(1, 2, List.of(), null).sentence()).isEqualTo("since v1: no patches");
    }

    @Test
    void aChangelogEndsWhereTheProseGoesOn() {
        String cover = """
                This series adds things.

                Changes in v2:
                - rename foo
                - drop bar

                Changes in v1:
                - first

                With that, the drivers can use it.
                """;
        assertThat(VersionChanges.changelog(cover)).isEqualTo("Changes in v2:\n- rename foo\n- drop bar\n\nChanges in v1:\n- first");
    }

    @Test
    void proseThatMentionsChangesIsNoHeading() {
        assertThat(VersionChanges.changelog("These changes and enable the lint -- no functional change intended.\nMore.")).isNull();
        assertThat(VersionChanges.changelog("Changes:\n\n")).as("a heading with nothing under it").isNull();
        assertThat(VersionChanges.changelog(null)).isNull();
        assertThat(VersionChanges.patchChangelog("no dashes here\nChanges in v2:\n- x")).isNull();
    }

    @Test
    void aVersionListIsTheChangelogOnlyWhenNothingSaysMore() {
        String cover = "v3: https://lore.kernel.org/a/\nv2: https://lore.kernel.org/b/\n\nText.\n\nv2 -> v3: fixed the loop\n";
        assertThat(VersionChanges.changelog(cover)).isEqualTo("v2 -> v3: fixed the loop");
        assertThat(VersionChanges.changelog("Text.\n\n  v1:  https://lore.kernel.org/a/\n  v2:  https://lore.kernel.org/b/\n"))
                .isEqualTo("  v1:  https://lore.kernel.org/a/\n  v2:  https://lore.kernel.org/b/");
    }

    @Test
    void aLongChangelogIsCut() {
        StringBuilder b = new StringBuilder("Changes in v9:\n");
        for (int i = 0; i < 500; i++) {
            b.append("- change number ").append(i).append('\n');
        }
        String cl = VersionChanges.changelog(b.toString());
        assertThat(cl).endsWith("[...]").startsWith("Changes in v9:\n- change number 0\n");
        assertThat(cl.lines().count()).isLessThanOrEqualTo(81);
    }
}
