package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Address;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmMboxTest {

    static final String DIFF = "diff --git a/x.rs b/x.rs\n--- a/x.rs\n+++ b/x.rs\n@@ -1 +1,2 @@\n fn x() {}\n+// y\n";

    @Test
    void trailersGoAfterTheExistingOnesBeforeTheDashes() {
        String body = "Subject line body.\n\nSigned-off-by: A <a@example.com>\n---\n x.rs | 1 +\n\n" + DIFF;
        String out = AmMbox.withTrailers(body, List.of("Reviewed-by: B <b@example.com>", "Link: https://l/r/1"));
        assertThat(out).startsWith("Subject line body.\n\nSigned-off-by: A <a@example.com>\n"
                + "Reviewed-by: B <b@example.com>\nLink: https://l/r/1\n---\n x.rs | 1 +\n\n" + DIFF);
    }

    @Test
    void presentOnesAreNotRepeatedWhateverTheirCaseOrSpacing() {
        String body = "Msg.\n\nSigned-off-by: A <a@example.com>\nReviewed-by:  B  <B@example.com>\n---\n" + DIFF;
        String out = AmMbox.withTrailers(body, List.of("reviewed-by: B <b@example.com>", "Acked-by: C <c@example.com>",
                "Acked-by: C <c@example.com>"));
        assertThat(out.split("---\n")[0]).isEqualTo("Msg.\n\nSigned-off-by: A <a@example.com>\n"
                + "Reviewed-by:  B  <B@example.com>\nAcked-by: C <c@example.com>\n");
        assertThat(AmMbox.withTrailers(body, List.of("Reviewed-by: B <b@example.com>"))).isEqualTo(body);
    }

    @Test
    void aMessageWithoutTrailersOrDashesGetsANewParagraphBeforeTheDiff() {
        String body = "Only prose here.\nNo trailers.\n\n" + DIFF;
        String out = AmMbox.withTrailers(body, List.of("Acked-by: C <c@example.com>"));
        assertThat(out).isEqualTo("Only prose here.\nNo trailers.\n\nAcked-by: C <c@example.com>\n\n" + DIFF);
    }

    @Test
    void headersAreEncodedAndSeparatorLikeLinesQuoted() {
        byte[] mbox = AmMbox.write(List.of(new AmMbox.Patch(new Address("Søren Ælund", "s@example.com"),
                Instant.parse("2024-06-03T09:01:00Z"), "[PATCH 1/1] rust: ünïcode & <tags>", "m1@example.com",
                "Body.\nFrom me Thu Jan  1 00:00:00 1970\nFrom here on, fine.\n\nSigned-off-by: S <s@example.com>\n---\n" + DIFF,
                List.of(new AmMbox.Added("Acked-by: C <c@example.com>", "r1@example.com")))));
        String text = new String(mbox, StandardCharsets.UTF_8);
        assertThat(text).startsWith("From git@z Thu Jan  1 00:00:00 1970\nFrom: =?UTF-8?Q?");
        assertThat(text).contains("\nDate: Mon, 3 Jun 2024 09:01:00 GMT\n").contains("\nSubject: =?UTF-8?Q?")
                .contains("\nMessage-ID: <m1@example.com>\nX-Patchtrack-Added: Acked-by: C <c@example.com> (from <r1@example.com>)\n").contains("\n>From me Thu Jan  1 00:00:00 1970\n")
                .contains("\nFrom here on, fine.\n").contains("Signed-off-by: S <s@example.com>\nAcked-by: C <c@example.com>\n---\n")
                .doesNotContain("\r");
    }

    @Test
    void baseCommitGoesAfterTheDiffBeforeTheSignatureOnce() {
        String body = "Msg.\n---\n x.rs | 1 +\n\n" + DIFF + "-- \n2.45.0\n";
        String out = AmMbox.withBase(body, "0123456789abcdef0123456789abcdef01234567");
        assertThat(out).isEqualTo("Msg.\n---\n x.rs | 1 +\n\n" + DIFF
                + "\nbase-commit: 0123456789abcdef0123456789abcdef01234567\n-- \n2.45.0\n");
        assertThat(AmMbox.withBase(out, "fedcba9")).isEqualTo(out);
        assertThat(AmMbox.withBase("Msg.\n\n" + DIFF, "abcdef1"))
                .isEqualTo("Msg.\n\n" + DIFF + "\nbase-commit: abcdef1\n");
    }
}
