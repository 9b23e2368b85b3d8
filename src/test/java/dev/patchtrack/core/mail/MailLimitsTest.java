package dev.patchtrack.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.model.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The limits are one immutable value: a wither changes one limit, and the parser applies each it is given. */
class MailLimitsTest {

    @Test
    void aWitherChangesOneLimitAndLeavesTheDefaultsAlone() {
        MailLimits l = MailLimits.DEFAULTS.withMaxParts(3);

        assertThat(l.maxParts()).isEqualTo(3);
        assertThat(l.withMaxParts(MailLimits.DEFAULTS.maxParts())).isEqualTo(MailLimits.DEFAULTS);
        assertThat(MailLimits.DEFAULTS.maxParts()).isEqualTo(256);
    }

    @Test
    void theParserReadsNoMorePartsThanItsLimitSays() {
        StringBuilder mail = new StringBuilder("From: a@example.org\nMessage-ID: <parts@x>\nSubject: parts\n"
                + "Content-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 1; i <= 4; i++) {
            mail.append("--b\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        mail.append("--b--\n");

        ParsedMail m = parse(MailLimits.DEFAULTS.withMaxParts(2), mail.toString());

        assertThat(m.body()).contains("part 1", "part 2").doesNotContain("part 3");
        assertThat(Problem.details(m.problems())).contains("more than 2 MIME parts: the rest ignored");
    }

    @Test
    void theParserReadsNoDeeperThanItsLimitSays() {
        String mail = "From: a@example.org\nMessage-ID: <deep@x>\nSubject: deep\n"
                + "Content-Type: multipart/mixed; boundary=outer\n\n"
                + "--outer\nContent-Type: multipart/mixed; boundary=inner\n\n"
                + "--inner\nContent-Type: text/plain\n\ninside\n--inner--\n--outer--\n";

        assertThat(parse(MailLimits.DEFAULTS, mail).body()).contains("inside");
        ParsedMail shallow = parse(MailLimits.DEFAULTS.withMaxNestingDepth(1), mail);
        assertThat(shallow.body()).doesNotContain("inside");
        assertThat(Problem.details(shallow.problems())).contains("part 1: multipart nested deeper than 1, not read");
    }

    @Test
    void aMessageIdLongerThanTheLimitIsReplaced() {
        String mail = "From: a@example.org\nMessage-ID: <" + "i".repeat(20) + "@x>\nSubject: id\n\nbody\n";

        assertThat(parse(MailLimits.DEFAULTS, mail).syntheticId()).isFalse();
        ParsedMail m = parse(MailLimits.DEFAULTS.withMaxIdLength(10), mail);
        assertThat(m.syntheticId()).isTrue();
        assertThat(Problem.details(m.problems())).contains("Message-ID longer than 10 characters: synthetic id used");
    }

    private static ParsedMail parse(MailLimits limits, String mail) {
        return new MailParser(limits).parse(mail.getBytes(StandardCharsets.US_ASCII));
    }
}
