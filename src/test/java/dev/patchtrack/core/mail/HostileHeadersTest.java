package dev.patchtrack.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.model.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Headers of a megabyte, as hostile senders write them: what they give every message's facts stays
 * bounded (References to the first and the last ids, Subject and From cut), and each cut is named.
 */
class HostileHeadersTest {

    static ParsedMail parse(String extraHeaders, String subject, String from) {
        String mail = "From: " + from + "\nTo: rust-for-linux@vger.kernel.org\nDate: Mon, 3 Jun 2024 09:00:00 +0000\n"
                + "Subject: " + subject + "\nMessage-ID: <hostile@example.org>\n" + extraHeaders + "\nbody\n";
        return new MailParser(MailLimits.DEFAULTS).parse(mail.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tensOfThousandsOfReferencesKeepTheRootAndTheNearest() {
        StringBuilder refs = new StringBuilder("References:");
        for (int i = 0; i < 30_000; i++) {
            refs.append(" <r").append(i).append("@example.org>");
        }
        ParsedMail m = parse(refs + "\nIn-Reply-To: <r29999@example.org>\n", "[PATCH] rust: x", "Ana <ana@example.com>");
        assertThat(m.references()).hasSize(MailLimits.DEFAULTS.maxReferences());
        assertThat(m.references().get(0)).isEqualTo("r0@example.org");
        assertThat(m.references().get(m.references().size() - 1)).isEqualTo("r29999@example.org");
        assertThat(m.references().get(1)).isEqualTo("r29901@example.org");
        assertThat(m.inReplyTo()).containsExactly("r29999@example.org");
        assertThat(Problem.details(m.problems()))
                .contains("References: 30000 Message-IDs, kept the first and the last 99");
    }

    @Test
    void aSubjectAndAFromOfAMegabyteAreCut() {
        ParsedMail m = parse("", "[PATCH] rust: " + "z".repeat(1_000_000), "\"" + "n".repeat(1_000_000) + "\" <eve@example.org>");
        assertThat(m.subject()).hasSize(MailLimits.DEFAULTS.maxHeaderChars()).startsWith("[PATCH] rust: zzz");
        assertThat(m.from().name()).hasSizeLessThanOrEqualTo(MailLimits.DEFAULTS.maxHeaderChars());
        assertThat(m.from().email()).isEqualTo("eve@example.org");
        assertThat(Problem.details(m.problems())).anyMatch(p -> p.startsWith("Subject longer than 2000 characters"));
    }
}
