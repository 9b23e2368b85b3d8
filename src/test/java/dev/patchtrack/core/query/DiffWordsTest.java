package dev.patchtrack.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffWordsTest {

    @Test
    void namesRemovedAndAddedLinesOfEveryDiff() {
        DiffWords w = DiffWords.of("""
                Make the queue deeper.

                Signed-off-by: Ana <ana@example.com>
                ---
                 drivers/nvme/Queue.rs | 2 +-

                diff --git a/drivers/nvme/Queue.rs b/drivers/nvme/Queue.rs
                index 1111111..2222222 100644
                --- a/drivers/nvme/Queue.rs
                +++ b/drivers/nvme/Queue.rs
                @@ -1,4 +1,4 @@
                 // SPDX-License-Identifier: GPL-2.0
                -let Depth = 32;

                +let Depth = 64;
                 fn x() {}
                diff --git a/old/name.rs b/new/name.rs
                similarity index 90%
                rename from old/name.rs
                rename to new/name.rs
                --\s
                2.45.0
                """);
        assertThat(w.files()).isEqualTo("drivers/nvme/queue.rs\nold/name.rs\nnew/name.rs\n");
        assertThat(w.removed()).isEqualTo("let depth = 32;\n");
        assertThat(w.added()).as("a blank context line keeps the hunk going").isEqualTo("let depth = 64;\n");
    }

    @Test
    void mailWithoutADiffHasNone() {
        assertThat(DiffWords.of("Just a reply.\n\n-- \nsig\n")).isEqualTo(DiffWords.NONE);
        assertThat(DiffWords.of(null)).isEqualTo(DiffWords.NONE);
        assertThat(DiffWords.of("-removed looking line\n+added looking line\n")).isEqualTo(DiffWords.NONE);
    }

    @Test
    void eachPartIsBounded() {
        StringBuilder body = new StringBuilder("diff --git a/x b/x\n@@ -1 +1 @@\n");
        for (int i = 0; i < 20_000; i++) {
            body.append("+added line number ").append(i).append('\n');
        }
        assertThat(DiffWords.of(body.toString()).added().length()).isLessThanOrEqualTo(DiffWords.MAX_CHARS);
    }
}
