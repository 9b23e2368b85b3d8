package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeDiffTest {

    static String body(String message, String file, String... changed) {
        StringBuilder b = new StringBuilder(message).append("\n\nSigned-off-by: Ann Author <ann@example.org>\n---\n")
                .append(" ").append(file).append(" | 2 +-\n 1 file changed\n\n")
                .append("diff --git a/").append(file).append(" b/").append(file).append('\n')
                .append("index 1111111..2222222 100644\n--- a/").append(file).append("\n+++ b/").append(file).append('\n')
                .append("@@ -10,").append(3 + changed.length).append(" +10,").append(3 + changed.length)
                .append(" @@ fn probe()\n context one\n");
        for (String c : changed) {
            b.append("-old ").append(c).append("\n+new ").append(c).append('\n');
        }
        b.append(" context two\n context three\n-- \n2.45.0\n");
        return b.toString();
    }

    static RangeDiff.Patch patch(String subject, String body) {
        return RangeDiff.fromMail("Ann Author", "ann@example.org", subject, body);
    }

    @Test
    void aPatchIsWrittenAsRangeDiffWritesACommit() {
        RangeDiff.Patch p = patch("[PATCH v2 1/3] rust: add probe", body("Adds a probe.\n\n\n\nWith care.  ", "rust/probe.rs", "x"));
        assertThat(p.subject()).isEqualTo("rust: add probe");
        assertThat(p.text()).isEqualTo("""
                 ## Metadata ##
                Author: Ann Author <ann@example.org>

                 ## Commit message ##
                    rust: add probe

                    Adds a probe.

                    With care.

                    Signed-off-by: Ann Author <ann@example.org>

                 ## rust/probe.rs ##
                @@ rust/probe.rs: fn probe()
                 context one
                -old x
                +new x
                 context two
                 context three
                """);
        assertThat(p.size()).isEqualTo(7);
        assertThat(p.diff()).startsWith("\n ## rust/probe.rs ##\n");
    }

    @Test
    void anInBodyFromAndSubjectAreTheCommitsAndTheDiffstatIsNot() {
        RangeDiff.Patch p = patch("[PATCH] wrong", "From: \"Bob Other\" <bob@example.org>\nSubject: [PATCH] right one\n\n"
                + body("Text.", "a.c", "y"));
        assertThat(p.subject()).isEqualTo("right one");
        assertThat(p.text()).contains("Author: Bob Other <bob@example.org>").contains("    right one\n")
                .doesNotContain("wrong").doesNotContain("1 file changed");
    }

    @Test
    void samePatchesAreEqualChangedOnesShowTheirInterdiffAndOthersAreAddedOrDropped() {
        List<RangeDiff.Patch> v1 = List.of(
                patch("[PATCH 1/3] one", body("First.", "a.c", "a1", "a2", "a3")),
                patch("[PATCH 2/3] two", body("Second.", "b.c", "b1", "b2", "b3", "b4")),
                patch("[PATCH 3/3] three", body("Third.", "c.c", "c1", "c2", "c3", "c4", "c5")));
        List<RangeDiff.Patch> v2 = List.of(
                // the diffstat and signature differ: still the same commit
                patch("[PATCH v2 1/3] one", body("First.", "a.c", "a1", "a2", "a3").replace("2.45.0", "2.47.1")),
                patch("[PATCH v2 2/3] new", body("Brand new.", "z.c", "z1", "z2", "z3", "z4", "z5", "z6", "z7")),
                patch("[PATCH v2 3/3] two", body("Second, reworded.", "b.c", "b1", "b2", "b3", "B4")));
        List<RangeDiff.Pair> pairs = RangeDiff.compare(v1, v2);
        assertThat(pairs).extracting(p -> p.from() + " " + p.marker() + " " + p.to())
                .containsExactly("1 = 1", "null > 2", "2 ! 3", "3 < null");
        RangeDiff.Pair changed = pairs.get(2);
        assertThat(changed.interdiff()).contains("-    Second.", "+    Second, reworded.", "-+new b4", "++new B4");
        assertThat(changed.interdiff().get(0)).isEqualTo("@@ Commit message");
        // the pairs alone: the same pairing, no interdiff worked out
        assertThat(RangeDiff.pairs(v1, v2, RangeDiff.CREATION_FACTOR))
                .extracting(p -> p.from() + " " + p.marker() + " " + p.to() + " " + p.subject() + " " + p.interdiff())
                .containsExactly("1 = 1 one []", "null > 2 new []", "2 ! 3 two []", "3 < null three []");

        String text = RangeDiff.text(pairs, List.of("aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"),
                List.of("aaaaaaaaaa", "dddddddddd", "eeeeeeeeee"));
        assertThat(text).startsWith("""
                1:  aaaaaaa = 1:  aaaaaaa one
                -:  ------- > 2:  ddddddd new
                2:  bbbbbbb ! 3:  eeeeeee two
                    @@ Commit message
                """).endsWith("3:  ccccccc < -:  ------- three\n");
    }

    @Test
    void aReorderedSeriesPairsByContentNotByNumber() {
        List<RangeDiff.Patch> v1 = List.of(
                patch("[PATCH 1/2] alpha", body("Alpha.", "a.c", "a1", "a2", "a3", "a4")),
                patch("[PATCH 2/2] beta", body("Beta.", "b.c", "b1", "b2", "b3", "b4")));
        List<RangeDiff.Patch> v2 = List.of(
                patch("[PATCH v2 1/2] beta", body("Beta.", "b.c", "b1", "b2", "b3", "bX")),
                patch("[PATCH v2 2/2] alpha", body("Alpha.", "a.c", "a1", "a2", "a3", "a4")));
        assertThat(RangeDiff.compare(v1, v2)).extracting(p -> p.from() + " " + p.marker() + " " + p.to())
                .containsExactly("2 ! 1", "1 = 2");
    }

    @Test
    void aPatchRewrittenBeyondTheCreationFactorIsDroppedAndAdded() {
        List<RangeDiff.Patch> v1 = List.of(patch("[PATCH] x", body("X.", "x.c", "x1", "x2")));
        List<RangeDiff.Patch> v2 = List.of(patch("[PATCH v2] y", body("Y, all new.", "y.c", "y1", "y2", "y3")));
        assertThat(RangeDiff.compare(v1, v2)).extracting(p -> p.from() + " " + p.marker() + " " + p.to())
                .containsExactly("1 < null", "null > 1");
        assertThat(RangeDiff.compare(v1, v2, 1000)).extracting(p -> p.from() + " " + p.marker() + " " + p.to())
                .containsExactly("1 ! 1");
        assertThat(RangeDiff.compare(List.of(), List.of())).isEmpty();
    }

    @Test
    void theAssignmentIsTheLeastCostOne() {
        long[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        assertThat(Assignment.solve(cost)).containsExactly(1, 0, 2);
    }

    @Test
    void theEditFloorIsBothSizesLessTwiceTheLongestCommonSubsequence() {
        java.util.Random random = new java.util.Random(16);
        for (int round = 0; round < 300; round++) {
            String a = lines(random, random.nextInt(round < 100 ? 20 : 200), 1 + random.nextInt(6));
            String b = lines(random, random.nextInt(round < 100 ? 20 : 200), 1 + random.nextInt(6));
            String[] la = a.split("\n", -1);
            String[] lb = b.split("\n", -1);
            int[][] lcs = new int[la.length + 1][lb.length + 1];
            for (int i = la.length - 1; i >= 0; i--) {
                for (int j = lb.length - 1; j >= 0; j--) {
                    lcs[i][j] = la[i].equals(lb[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            long floor = new RangeDiff.LineCounts(a).editFloor(new RangeDiff.LineCounts(b));
            assertThat(floor).as("%s%n--%n%s", a, b).isEqualTo(la.length + lb.length - 2L * lcs[0][0]);
            assertThat(floor).isLessThanOrEqualTo(RangeDiff.diffSize(a, b));
        }
    }

    private static String lines(java.util.Random random, int n, int alphabet) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("+line ").append(random.nextInt(alphabet)).append('\n');
        }
        return b.toString();
    }
}
