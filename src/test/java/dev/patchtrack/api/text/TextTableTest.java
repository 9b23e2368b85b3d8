package dev.patchtrack.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAlignAndTheFlexibleOneShrinksWithAnEllipsis() {
        String out = new TextTable(2, "ID", "STATE", "TITLE", "WHO")
                .row(1, "new", "short", "Ana")
                .row(22, "changes-requested", "x".repeat(80), "Bob")
                .render(60);
        String[] lines = out.split("\n");
        assertThat(lines[0]).isEqualTo("ID  STATE              TITLE" + " ".repeat(29) + "WHO");
        assertThat(lines[1]).isEqualTo("--  -----------------  " + "-".repeat(32) + "  ---");
        assertThat(lines[2]).isEqualTo("1   new                short" + " ".repeat(29) + "Ana");
        assertThat(lines[3]).isEqualTo("22  changes-requested  " + "x".repeat(31) + "…  Bob");
        for (String l : lines) {
            assertThat(TextWidth.of(l)).isLessThanOrEqualTo(60);
        }
    }

    @Test
    void wideCharactersCountTwoColumnsAndControlsAreRemoved() {
        assertThat(TextWidth.of("日本🦀a")).isEqualTo(7);
        assertThat(TextWidth.of("e\u0301")).isEqualTo(1);
        assertThat(TextWidth.fit("日本語の件名", 7)).isEqualTo("日本語…");
        assertThat(TextWidth.clean("a\u001b[31mb\u0007c\nd\u202ee")).isEqualTo("a[31mbc d" + "e");
        String out = new TextTable(0, "TITLE", "N").row("日本語", 1).row("abc", 2).render(80);
        assertThat(out.split("\n")[2]).isEqualTo("日本語  1");
        assertThat(out.split("\n")[3]).isEqualTo("abc     2");
    }

    @Test
    void otherWideColumnsGiveUpRoomBeforeTheTitleFallsBelowTwoFifths() {
        String out = new TextTable(2, "ID", "TOPICS", "TITLE")
                .row(1, "rust-block,rust-core,rust-nvme,rust-net", "rust: nvme: add minimal NVMe block driver abstractions")
                .render(60);
        String[] lines = out.split("\n");
        assertThat(lines[2]).isEqualTo("1   rust-block,rust-core,rust-nvm…  rust: nvme: add minimal…");
        assertThat(TextWidth.of(lines[2])).isEqualTo(60);
    }

    @Test
    void aMissingValueIsADash() {
        assertThat(new TextTable(0, "A", "B").row("x", null).render(80)).endsWith("x  -\n");
    }
}
