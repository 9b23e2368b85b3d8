package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.support.RealMail;
import dev.patchtrack.support.RealThreads;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchPartsTest {

    static String body(String messageId) {
        byte[] chunk = RealThreads.mbox(RealMail.Archive.PCI, List.of(messageId));
        String text = new String(chunk, StandardCharsets.ISO_8859_1);
        byte[] raw = text.substring(text.indexOf('\n') + 1).getBytes(StandardCharsets.ISO_8859_1);
        return new MailParser(MailLimits.DEFAULTS).parse(raw).body();
    }

    @Test
    void aRealB4PatchSplitsIntoMessageAndDiff() {
        String body = body("20250406-try_with-v3-1-c0947842e768@nvidia.com");
        PatchParts parts = PatchParts.of(body);
        assertThat(parts.message()).startsWith("Revocable::try_access() returns a guard")
                .endsWith("\nSigned-off-by: Alexandre Courbot <acourbot@nvidia.com>\n").doesNotContain("\n---");
        assertThat(parts.beforeDiff()).startsWith(parts.message()).contains("\n---\n")
                .contains(" rust/kernel/revocable.rs | ");
        assertThat(parts.diff()).startsWith("diff --git a/rust/kernel/revocable.rs b/rust/kernel/revocable.rs\n")
                .endsWith("concurrent users of the revocable object.\n\n").doesNotContain("2.49.0");
        assertThat(parts.beforeDiff() + parts.diff()).isEqualTo(body.substring(0, body.indexOf("\n-- \n") + 1));
        assertThat(PatchId.of(parts.diff())).isEqualTo(PatchId.of(body));
        assertThat(PatchParts.baseCommit(body)).isNull();
    }

    @Test
    void theBaseIsTheCommitACoverOrAPatchNames() {
        assertThat(PatchParts.baseCommit(body("20250406-try_with-v3-0-c0947842e768@nvidia.com")))
                .isEqualTo("7eb172143d5508b4da468ed59ee857c6e5e01da6");
        assertThat(PatchParts.baseCommit("text\n base-commit: abcdef0\nbase-commit: v6.15\n")).isNull();
        assertThat(PatchParts.baseCommit("x\nbase-commit: 0123abc\n")).isEqualTo("0123abc");
    }

    @Test
    void aBodyWithoutDiffIsAllMessage() {
        PatchParts parts = PatchParts.of("Please pull.\n\n\n");
        assertThat(parts.message()).isEqualTo("Please pull.\n");
        assertThat(parts.beforeDiff()).isEqualTo("Please pull.\n\n\n");
        assertThat(parts.diff()).isNull();
        assertThat(PatchParts.of(null).message()).isEmpty();
    }
}
