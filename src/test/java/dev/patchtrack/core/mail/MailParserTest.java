package dev.patchtrack.core.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.Problem.Code;
import dev.patchtrack.core.model.Problem.Severity;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static dev.patchtrack.support.Pipeline.fixture;
import static dev.patchtrack.support.Pipeline.patchwork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MailParserTest {

    private final MailParser parser = new MailParser(MailLimits.DEFAULTS);

    /** The one message of the project's fixture {@code fixtures/mail/<name>}. */
    private ParsedMail parseFixture(String name) {
        return parseOnly(name, fixture("mail/" + name));
    }

    /** The one message of Patchwork's {@code ../shared/corpus/patchwork/<path>}. */
    private ParsedMail parsePatchwork(String path) {
        return parseOnly(path, patchwork(path));
    }

    private ParsedMail parseOnly(String name, byte[] file) {
        List<MboxReader.MboxEntry> entries = Pipeline.entries(file, MailLimits.DEFAULTS);
        assertThat(entries).as(name).hasSize(1);
        return parser.parse(entries.get(0).raw());
    }

    private ParsedMail parse(String mail) {
        return parser.parse(mail.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ Message-ID

    @Test
    void aMessageIdFoldedOntoTheNextLineUnfolds() {
        ParsedMail m = parseFixture("1001-folded-headers.eml");

        assertThat(m.messageId()).isEqualTo("CANiq72k8+Tx=rHq4bXoG@mail.gmail.com");
        assertThat(m.syntheticId()).isFalse();
        assertThat(m.readable()).isTrue();
        assertThat(Problem.details(m.problems())).isEmpty();
    }

    @Test
    void messageIdVariants() {
        assertThat(parse("Message-ID: x@y\nSubject: s\n\n").messageId()).isEqualTo("x@y");
        assertThat(Problem.details(parse("Message-ID: x@y\nSubject: s\n\n").problems()))
                .contains("Message-ID without angle brackets");
        assertThat(parse("message-id: <First@Example.COM>\nMessage-ID: <second@example.com>\n\n").messageId())
                .isEqualTo("First@Example.COM");
        assertThat(parse("Message-ID: <a@b> (added by postmaster)\nSubject: s\n\n").messageId()).isEqualTo("a@b");
        assertThat(parse("Message-ID: <split\n @id.example>\nSubject: s\n\n").messageId()).isEqualTo("split@id.example");
    }

    @Test
    void missingEmptyOrAbsurdMessageIdsGetAStableSyntheticId() throws Exception {
        byte[] raw = fixture("mail/1003-missing-message-id.eml");
        String expected = "patchtrack." + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw))
                .substring(0, 32) + "@synthetic";

        ParsedMail m = parser.parse(raw);

        assertThat(m.messageId()).isEqualTo(expected);
        assertThat(m.syntheticId()).isTrue();
        assertThat(m.readable()).isTrue();
        assertThat(Problem.details(m.problems())).contains("no Message-ID: synthetic id used");
        assertThat(parser.parse(raw.clone()).messageId()).isEqualTo(expected);
        assertThat(m.subject()).isEqualTo("[PATCH] rust: kernel: add `Opaque`");

        ParsedMail empty = parse("Message-ID: <>\nSubject: s\n\n");
        assertThat(empty.syntheticId()).isTrue();
        assertThat(Problem.details(empty.problems())).contains("empty Message-ID: synthetic id used");

        ParsedMail absurd = parse("Message-ID: <" + "a".repeat(1000) + "@b>\nSubject: s\n\n");
        assertThat(absurd.syntheticId()).isTrue();
        assertThat(absurd.messageId()).startsWith("patchtrack.").endsWith("@synthetic").hasSize(11 + 32 + 10);
        assertThat(absurd.messageId()).isNotEqualTo(empty.messageId());

        ParsedMail garbage = parse("Message-ID: 2>\nSubject: s\n\n");
        assertThat(garbage.syntheticId()).isTrue();
    }

    // ------------------------------------------------------------------ threading headers

    @Test
    void lowerCaseInReplyToWithJunkTextAndGarbageReferences() {
        ParsedMail m = parseFixture("1001-folded-headers.eml");

        assertThat(m.inReplyTo()).containsExactly("20240513-rnvme-v3-5-abcdef@example.com");
        // oldest first; the bare word is dropped; the message's own id is dropped
        assertThat(m.references()).containsExactly("20240513-rnvme-v3-0-abcdef@example.com",
                "20240513-rnvme-v3-5-abcdef@example.com");
        assertThat(m.parent()).isEqualTo("20240513-rnvme-v3-5-abcdef@example.com");
    }

    @Test
    void severalInReplyToValuesAreAllKeptInOrder() {
        ParsedMail m = parseFixture("1002-several-in-reply-to.eml");

        assertThat(m.inReplyTo()).containsExactly("patch-1@example.com", "cover-0@example.com");
        assertThat(m.references()).containsExactly("cover-0@example.com", "patch-1@example.com");
    }

    @Test
    void threadingIdsWithoutBracketsOrWithBrokenOnes() {
        assertThat(parse("Message-ID: <m@x>\nIn-Reply-To: parent@example.com\n\n").inReplyTo())
                .containsExactly("parent@example.com");
        assertThat(parse("Message-ID: <m@x>\nIn-Reply-To: parent@example.com (Bob's message)\n\n").inReplyTo())
                .containsExactly("parent@example.com");
        assertThat(parse("Message-ID: <m@x>\nIn-Reply-To: Your message of yesterday\n\n").inReplyTo()).isEmpty();
        assertThat(parse("Message-ID: <m@x>\nReferences: <a@x> <b@x>\n <unterminated@example.com (Name's message of"
                + " \"Mon, 1 Jan 2024\")\n\n").references())
                .containsExactly("a@x", "b@x", "unterminated@example.com");
        assertThat(parse("Message-ID: <m@x>\nReferences: <ph (\n id 00>;<a@x>\n\n").references())
                .containsExactly("a@x");
    }

    // ------------------------------------------------------------------ addresses

    @Test
    void fromHeaders() {
        assertThat(parseFixture("1002-several-in-reply-to.eml").from()).isEqualTo(new Address(null, "alice@example.com"));
        assertThat(parseFixture("1003-missing-message-id.eml").from())
                .isEqualTo(new Address("Kroah-Hartman, Greg", "gregkh@example.org"));
        assertThat(parseFixture("1004-quoted-printable.eml").from())
                .isEqualTo(new Address("François Lefèvre", "francois.lefevre@example.org"));
        assertThat(parseFixture("1005-base64.eml").from()).isEqualTo(new Address("Jörg Bäcker", "joerg.baecker@example.com"));
        assertThat(parse("From: bob@example.com (Bob Builder)\n\n").from())
                .isEqualTo(new Address("Bob Builder", "bob@example.com"));
        assertThat(parse("From: \"O'Neil \\\"Ace\\\"\" <ace@example.com>\n\n").from())
                .isEqualTo(new Address("O'Neil \"Ace\"", "ace@example.com"));
        assertThat(parse("From: A <a@x>, B <b@x>\n\n").from()).isEqualTo(new Address("A", "a@x"));
    }

    @Test
    void anUnreadableFromIsKeptAsTextWithAProblem() {
        ParsedMail m = parse("From: just some text\nMessage-ID: <a@b>\n\n");
        assertThat(m.from().email()).isEqualTo("just some text");
        assertThat(m.from().name()).isNull();
        assertThat(Problem.details(m.problems())).anyMatch(p -> p.contains("no readable address"));

        ParsedMail none = parse("Message-ID: <a@b>\nSubject: s\n\n");
        assertThat(none.from()).isEqualTo(new Address(null, ""));
        assertThat(Problem.details(none.problems())).contains("no From header");
    }

    @Test
    void rawEightBitHeadersAreUtf8WhenValidElseWindows1252() {
        ParsedMail utf8 = parsePatchwork("mail/0014-with-unencoded-utf8-headers.mbox");
        assertThat(utf8.from()).isEqualTo(new Address("Rafał Miłecki", "zajec5@gmail.com"));
        assertThat(utf8.subject()).endsWith("to include Rafał Miłecki");
        assertThat(Problem.details(utf8.problems())).isEmpty();

        // Latin-1 name; 0x80 is the euro sign of windows-1252
        byte[] latin1 = "From: J\u00fcrgen \u00d1\u00fa\u00f1ez <j@example.com>\nSubject: caf\u00e9 \u0080\nMessage-ID: <l@x>\n\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedMail cp = parser.parse(latin1);
        assertThat(cp.from()).isEqualTo(new Address("Jürgen Ñúñez", "j@example.com"));
        assertThat(cp.subject()).isEqualTo("café €");
        assertThat(Problem.details(cp.problems()))
                .contains("header from: 8-bit bytes that are not UTF-8, read as windows-1252");
    }

    // ------------------------------------------------------------------ subject, date, list-id

    @Test
    void subjectsUnfoldAndDecodeEncodedWords() {
        assertThat(parseFixture("1001-folded-headers.eml").subject())
                .isEqualTo("Re: [PATCH v3 05/12] rust: nvme: add Søren’s queue helpers");
        assertThat(parseFixture("1010-crlf.eml").subject())
                .isEqualTo("Re: [PATCH v2 07/12] kbuild: rust: implement `Display` for `Timer`");
        // a UTF-8 character split across two encoded-words survives
        assertThat(parse("Subject: =?utf-8?B?w6k=?= =?utf-8?b?w6k=?=\n\n").subject()).isEqualTo("éé");
        assertThat(parse("Subject: =?UTF-8?B?w6k?=\n\n").subject()).isEqualTo("é");
        ParsedMail broken = parseFixture("1011-unknown-encoding-broken-base64.eml");
        assertThat(broken.subject()).isEqualTo("Re: broken =?x-unknown?B?!!notbase64?= [PATCH] nvme: tidy");
        assertThat(Problem.details(broken.problems()))
                .contains("Subject: encoded-word with unknown charset \"x-unknown\" left as text");
        assertThat(parsePatchwork("mail/0016-no-subject.mbox").subject()).isEmpty();
        assertThat(parse("Message-ID: <a@b>\n\n").subject()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tue, 14 May 2024 10:21:33 +0200          | 2024-05-14T08:21:33Z",
        "14 May 2024 10:21:33 +0200               | 2024-05-14T08:21:33Z",
        "Wed,  1 Jun 2016 22:00:54 +0200          | 2016-06-01T20:00:54Z",
        "Thu, 13 Nov 2008 16:54:22 +0100 (CET)    | 2008-11-13T15:54:22Z",
        "3 Jan 24 09:00 GMT                       | 2024-01-03T09:00:00Z",
        "Mon, 5 Dec 99 09:35 -0800                | 1999-12-05T17:35:00Z",
        "Sun, 11 Feb 2024 00:35:00 -0300          | 2024-02-11T03:35:00Z",
        "Fri, 17 May 2024 09:30:00 EDT            | 2024-05-17T13:30:00Z",
        "Fri, 17 May 2024 09:30:00                | 2024-05-17T09:30:00Z",
        "Mon Sep 17 00:00:00 2001                 | 2001-09-17T00:00:00Z",
        "Wed, 4 Jun 2014 17:50:46 0               | 2014-06-04T17:50:46Z",
        "Date:on, 05 Dec 2011 16:49:35 -0800      | 2011-12-06T00:49:35Z",
        "2024-05-14T08:21:33Z                     | 2024-05-14T08:21:33Z",
        "Tue, 35 Foo 2024 25:61:99 +2500          | ",
        "Wed, 4 Jun 207777777777777777777714 17:50:46 0 | ",
        ", 11 Sep 2016 23:22:904070804030804 +0100 | ",
        "Mon, 1 Jan 1900 00:00:00 +0000           | ",
        "Mon, 1 Jan 2201 00:00:00 +0000           | ",
        "Wed, 31 Feb 2024 10:00:00 +0000          | ",
        "yesterday                                | ",
    })
    void datesAreParsedLeniently(String value, String expected) {
        ParsedMail m = parse("Message-ID: <d@x>\nDate: " + value + "\n\n");
        if (expected == null) {
            assertThat(m.date()).isNull();
            assertThat(Problem.details(m.problems())).anyMatch(p -> p.startsWith("Date \""));
        } else {
            assertThat(m.date()).isEqualTo(Instant.parse(expected));
            assertThat(Problem.details(m.problems())).noneMatch(p -> p.startsWith("Date"));
        }
    }

    @Test
    void aMissingDateIsNullWithAProblem() {
        ParsedMail m = parse("Message-ID: <d@x>\nSubject: s\n\n");
        assertThat(m.date()).isNull();
        assertThat(Problem.details(m.problems())).contains("no Date header");
        assertThat(Problem.details(parse("Message-ID: <d@x>\nDate: Mon, 1 Jan 2024 00:00:00 +2500\n\n").problems()))
                .contains("Date zone \"+2500\" invalid, UTC assumed");
    }

    @Test
    void listIdsLoseTheirDescriptionAndBrackets() {
        assertThat(parseFixture("1001-folded-headers.eml").listIds())
                .containsExactly("rust-for-linux.vger.kernel.org", "linux-block.vger.kernel.org");
        assertThat(parsePatchwork("mail/0012-invalid-header-char.mbox").listIds()).containsExactly("dev.dpdk.org");
        assertThat(parse("List-Id: netdev.vger.kernel.org\n\n").listIds()).containsExactly("netdev.vger.kernel.org");
    }

    // ------------------------------------------------------------------ bodies

    @Test
    void quotedPrintableAndBase64BodiesDecode() {
        assertThat(parseFixture("1004-quoted-printable.eml").body()).isEqualTo(
                "Le pilote fonctionne très bien, merci.\n\nTested-by: François Lefèvre <francois.lefevre@example.org>\n"
                        + "A long line that the encoder has to wrap because it goes on and on and on beyond the limit"
                        + " of seventy-six characters.\n");
        ParsedMail b64 = parseFixture("1005-base64.eml");
        assertThat(b64.body()).isEqualTo("Für die Serie:\n\nAcked-by: Jörg Bäcker <joerg.baecker@example.com>\n");
        assertThat(Problem.details(b64.problems())).isEmpty();
    }

    @Test
    void aCharsetThatLiesIsOverruledByValidUtf8() {
        ParsedMail m = parseFixture("1006-lying-charset.eml");
        assertThat(m.body()).isEqualTo("Grüße – the “quotes” are UTF-8 although the header says us-ascii.\n");
        assertThat(m.subject()).isEqualTo("Re: [PATCH] rust: str: handle “smart quotes”");
        assertThat(Problem.details(m.problems())).isEmpty();

        // iso-8859-1 declared, UTF-8 bytes
        ParsedMail latin = parser.parse(("Message-ID: <l@x>\nContent-Type: text/plain; charset=iso-8859-1\n\n"
                + "Grüße\n").getBytes(StandardCharsets.UTF_8));
        assertThat(latin.body()).isEqualTo("Grüße\n");
        // the other way round: utf-8 declared, Latin-1 bytes
        ParsedMail wrong = parser.parse(("Message-ID: <l@x>\nContent-Type: text/plain; charset=utf-8\n\n"
                + "Grüße aus Köln -- café\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(wrong.body()).isEqualTo("Grüße aus Köln -- café\n");
        assertThat(Problem.details(wrong.problems())).contains("body: invalid UTF-8, stray bytes read as windows-1252");
        // a real non-UTF-8 charset is believed
        ParsedMail koi8 = parser.parse(("Message-ID: <k@x>\nContent-Type: text/plain; charset=koi8-r\n\n"
                + "Привет\n").getBytes(java.nio.charset.Charset.forName("KOI8-R")));
        assertThat(koi8.body()).isEqualTo("Привет\n");
    }

    @Test
    void unknownCharsetsEncodingsAndBrokenBase64AreReadAnywayWithProblems() {
        ParsedMail m = parseFixture("1011-unknown-encoding-broken-base64.eml");

        assertThat(m.body()).isEqualTo("café text in an unknown encoding\nHello, world!");
        assertThat(Problem.details(m.problems())).contains(
                "part 1: unknown Content-Transfer-Encoding \"x-uuencode-or-something\", read as 8bit",
                "part 1: unknown charset \"x-no-such-charset\", read as UTF-8/windows-1252");
        assertThat(Problem.details(m.problems())).anyMatch(p -> p.startsWith("part 2: broken base64"));

        ParsedMail none = parsePatchwork("mail/0010-invalid-charset.mbox");
        assertThat(Problem.details(none.problems()))
                .containsExactly("part 1: unknown charset \"none\", read as UTF-8/windows-1252");
        assertThat(none.body()).contains("--- a/sysdeps/x86_64/fpu/multiarch/e_pow.c");
    }

    @Test
    void multipartAlternativeUsesThePlainPart() {
        ParsedMail alt = parseFixture("1007-html-alternative.eml");
        assertThat(alt.body()).isEqualTo("Plain version.\n\nReviewed-by: Wei Chen <wei.chen@example.com>\n");

        ParsedMail pw = parsePatchwork("mail/0019-multipart-patch.mbox");
        assertThat(pw.body()).startsWith("Currently an html-protection present only for patch-emails.")
                .contains("\ndiff --git a/patchwork/parser.py b/patchwork/parser.py\n")
                .doesNotContain("<div", "<br>");
        assertThat(pw.attachments()).isEmpty();

        ParsedMail outlook = parsePatchwork("mail/0020-multipart-comment.mbox");
        assertThat(outlook.body()).startsWith("Yup, this looks sensible to me.").doesNotContain("<html", "Calibri");
    }

    @Test
    void htmlOnlyMailIsTurnedIntoText() {
        ParsedMail m = parseFixture("1008-html-only.eml");
        assertThat(m.body()).isEqualTo(
                "Looks good.\nAcked-by: Priya Raghunathan <priya@example.com>\n  fn x() {}\n  fn y() {}");
    }

    @Test
    void patchAttachmentsAreCollectedAndInlineTextIsAppended() {
        ParsedMail m = parseFixture("1009-patch-attachments.eml");

        assertThat(m.attachments()).hasSize(3);
        assertThat(m.attachments().get(0)).startsWith("From 3c7f9089b3dff608d318debaa7c730e1ff1b3f42 Mon Sep 17")
                .contains("\n+        // SAFETY: The caller holds the lock.\n");
        // application/octet-stream named by an RFC 2231 filename*=...second%2Ediff, base64
        assertThat(m.attachments().get(1)).isEqualTo("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n");
        // a later text/plain part that holds a diff
        assertThat(m.attachments().get(2)).startsWith("diff --git a/rust/kernel/lib.rs b/rust/kernel/lib.rs\n");
        assertThat(m.body()).isEqualTo("Here is a fixup on top, feel free to squash it in.\n"
                + "_______________________________________________\na list footer added as an inline part\n");
        assertThat(Problem.details(m.problems())).isEmpty();

        ParsedMail cvs = parsePatchwork("mail/0007-cvs-format-diff.mbox");
        assertThat(cvs.attachments()).singleElement().asString().contains("--- bfd/elf-bfd.h");
        assertThat(cvs.body()).startsWith("The pr11138 testcase links an executable");
    }

    @Test
    void mailWithoutAnyTextSaysSo() {
        ParsedMail m = parse("Message-ID: <n@x>\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
                + "Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n");
        assertThat(m.body()).isEmpty();
        assertThat(Problem.details(m.problems()))
                .containsExactly("no From header", "no Date header", "body: no text part");
        assertThat(m.problems()).extracting(Problem::code, Problem::severity).containsExactly(
                tuple(Code.FROM_INVALID, Severity.WARNING), tuple(Code.DATE_INVALID, Severity.WARNING),
                tuple(Code.NO_TEXT, Severity.WARNING));

        ParsedMail noBoundary = parse("Message-ID: <n@x>\nContent-Type: multipart/mixed\n\njust text\n");
        assertThat(noBoundary.body()).isEqualTo("just text\n");
        assertThat(Problem.details(noBoundary.problems())).contains("body: multipart/mixed without boundary");
    }

    @Test
    void crlfMailIsNormalizedInTheBody() {
        ParsedMail m = parseFixture("1010-crlf.eml");
        assertThat(m.body()).isEqualTo("Line one.\nLine two.\n");
        assertThat(m.inReplyTo()).containsExactly("crlf-parent@example.org");
        assertThat(m.date()).isEqualTo(Instant.parse("2024-02-11T03:35:00Z"));
    }

    // ------------------------------------------------------------------ limits and readability

    @Test
    void limitsCutWhatIsTooLong() {
        MailParser small = new MailParser(MailLimits.DEFAULTS.withMaxMessageBytes(1 << 20).withMaxHeaderCount(5)
                .withMaxLineLength(100).withMaxBodyChars(50));
        StringBuilder mail = new StringBuilder("Message-ID: <l@x>\nFrom: a@x\n");
        for (int i = 0; i < 6; i++) {
            mail.append("X-Filler-").append(i).append(": ").append(i).append('\n');
        }
        mail.append("Subject: after the limit\n\n").append("b".repeat(80)).append('\n');

        ParsedMail m = small.parse(mail.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(m.messageId()).isEqualTo("l@x");
        assertThat(m.subject()).isEmpty();
        assertThat(m.body()).isEqualTo("b".repeat(50));
        assertThat(Problem.details(m.problems()))
                .contains("more than 5 headers: 4 ignored", "body longer than 50 characters, cut");

        ParsedMail longLine = small.parse(("Message-ID: <l@x>\nSubject: " + "s".repeat(300) + "\n\nbody\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(longLine.subject()).isEqualTo("s".repeat(100 - "Subject:".length() - 1));
        assertThat(longLine.body()).isEqualTo("body\n");
        assertThat(Problem.details(longLine.problems())).contains("1 header line(s) longer than 100 bytes cut");
    }

    @Test
    void bytesThatAreNotMailAreUnreadable() {
        byte[] garbage = fixture("mail/2005-binary-garbage.bin");
        ParsedMail g = parser.parse(garbage);
        assertThat(g.readable()).isFalse();
        assertThat(g.syntheticId()).isTrue();
        assertThat(g.messageId()).isEqualTo(MailParser.syntheticId(garbage));
        assertThat(Problem.details(g.problems())).containsExactly("not a mail: no header block");
        assertThat(g.problems()).extracting(Problem::code, Problem::severity)
                .containsExactly(tuple(Code.NOT_A_MAIL, Severity.ERROR));

        assertThat(parse("Hello world, this is just text.\nNothing else: here.\n").readable()).isFalse();
        assertThat(parse("Note: a field-like first line\n\nbut no mail header at all\n").readable()).isFalse();
        assertThat(parser.parse(new byte[0]).readable()).isFalse();
        assertThat(parser.parse(null).readable()).isFalse();
        assertThat(parse("\nSubject: a blank first line\n").readable()).isFalse();

        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[random.nextInt(3000)];
            random.nextBytes(b);
            ParsedMail m = parser.parse(b);
            assertThat(m.readable()).isFalse();
            assertThat(m.messageId()).isEqualTo(MailParser.syntheticId(b));
        }
    }

    // ------------------------------------------------------------------ corpora

    /** Patchwork's fuzz mail whose Message-ID is unusable, and why. */
    private static final Map<String, String> FUZZ_SYNTHETIC = Map.of(
            "date-oserror.mbox", "Message-ID \"2>\"",
            "date-too-long.mbox", "Message-ID \"uk>\"",
            "dateheader.mbox", "Message-ID with control characters",
            "email-len.mbox", "Message-ID \"3>\"",
            "msgid-len2.mbox", "empty Message-ID",
            "name-len.mbox", "Message-ID \"uk>\"",
            "refshdr.mbox", "empty Message-ID",
            "year-out-of-range.mbox", "empty Message-ID");
    private static final Set<String> FUZZ = Set.of("base64err.mbox", "charset.mbox", "codec-null.mbox",
            "date-oserror.mbox", "date-too-long.mbox", "date.mbox", "dateheader.mbox", "email-len.mbox",
            "msgid-len.mbox", "msgid-len2.mbox", "msgidheader.mbox", "name-len.mbox", "refshdr.mbox",
            "unknown-encoding.mbox", "value2.mbox", "x-face.mbox", "year-out-of-range.mbox");
    /** Patchwork's mail tests without any Message-ID header. */
    private static final Set<String> MAIL_WITHOUT_ID = Set.of("0008-git-rename.mbox", "0009-git-rename-with-diff.mbox",
            "0011-no-newline-at-end-of-file.mbox", "0017-git-pull-request-git-2-14-3.mbox",
            "0021-git-empty-new-file.mbox", "0025-git-add-binary-file.mbox",
            "0026-git-add-mixed-binary-text-files.mbox", "0027-git-modify-binary-file.mbox");

    @Test
    void patchworkFuzzMailIsReadLenientlyWithoutThrowing() throws Exception {
        int readable = 0;
        int unreadable = 0;
        Map<String, String> synthetic = new TreeMap<>();
        for (String name : FUZZ) {
            List<MboxReader.MboxEntry> entries = Pipeline.entries(patchwork("fuzz/" + name), MailLimits.DEFAULTS);
            for (int i = 0; i < entries.size(); i++) {
                ParsedMail m = parser.parse(entries.get(i).raw());
                assertThat(m.from()).isNotNull();
                assertThat(m.subject()).isNotNull();
                assertThat(m.body()).isNotNull();
                if (!m.readable()) {
                    unreadable++;
                    // the tail after an unescaped "From " line inside a fuzzed body
                    assertThat(i).as(name).isPositive();
                    continue;
                }
                readable++;
                if (m.syntheticId()) {
                    synthetic.put(name, Problem.details(m.problems()).stream().filter(p -> p.contains("Message-ID")).findFirst()
                            .orElseThrow());
                }
            }
        }
        assertThat(readable).isEqualTo(17);
        assertThat(unreadable).isEqualTo(2); // codec-null and name-len hold a "\n\nFrom " line
        assertThat(synthetic.keySet()).isEqualTo(FUZZ_SYNTHETIC.keySet());
        synthetic.forEach((name, problem) -> assertThat(problem).as(name).startsWith(FUZZ_SYNTHETIC.get(name)));

        ParsedMail face = parsePatchwork("fuzz/x-face.mbox");
        assertThat(face.from()).isEqualTo(new Address("Laurent Pinchart", "laurent.pinchart@skynet.be"));
        assertThat(face.listIds()).containsExactly("kernel-team.lists.ubuntu.com");
        assertThat(Problem.details(face.problems())).isEmpty();
        assertThat(parsePatchwork("fuzz/msgidheader.mbox").messageId()).isEqualTo("m");
    }

    @Test
    void patchworkMailAllParsesAndOnlyTheMessagesWithoutIdAreSynthetic() throws Exception {
        List<String> names = Corpus.patchworkFiles("mail").stream().filter(n -> n.matches("00\\d\\d-.*\\.mbox"))
                .toList();
        assertThat(names).hasSize(26);
        List<String> synthetic = new ArrayList<>();
        for (String name : names) {
            ParsedMail m = parsePatchwork("mail/" + name);
            assertThat(m.readable()).as(name).isTrue();
            assertThat(m.date()).as(name).isNotNull();
            assertThat(m.from().email()).as(name).contains("@");
            assertThat(m.body()).as(name).isNotBlank();
            if (m.syntheticId()) {
                synthetic.add(name);
            }
        }
        assertThat(synthetic).containsExactlyInAnyOrderElementsOf(MAIL_WITHOUT_ID);
    }

    @Test
    void seriesMboxesParse() {
        List<MboxReader.MboxEntry> entries = Pipeline.entries(patchwork("series/bugs-multiple-content-types.mbox"), MailLimits.DEFAULTS);
        assertThat(entries).hasSize(2);
        ParsedMail patch = parser.parse(entries.get(0).raw());
        ParsedMail reply = parser.parse(entries.get(1).raw());
        assertThat(patch.messageId()).isEqualTo("20190820013652.147041-1-yuehaibing@huawei.com");
        assertThat(reply.inReplyTo()).containsExactly(patch.messageId());
        assertThat(patch.body()).contains("diff --git ");
    }

    @Test
    void theGeneratedKernelCorpusMatchesItsGroundTruth() throws Exception {
        Corpus.Generated corpus = Corpus.fixture(30, 7);
        Path mbox = corpus.mbox();
        List<JsonNode> truth = corpus.truth();
        List<ParsedMail> mails = new ArrayList<>();
        try (InputStream in = Files.newInputStream(mbox); MboxReader r = MboxReader.open(in, MailLimits.DEFAULTS)) {
            MboxReader.MboxEntry e;
            while ((e = r.next()) != null) {
                mails.add(parser.parse(e.raw()));
            }
        }
        assertThat(mails).hasSize(truth.size()).hasSize(640);

        Map<String, ParsedMail> malformed = new TreeMap<>();
        int synthetic = 0;
        for (int i = 0; i < mails.size(); i++) {
            ParsedMail m = mails.get(i);
            JsonNode row = truth.get(i);
            String mid = field(row, "mid");
            String bad = field(row, "malformed");
            assertThat(m.readable()).isTrue();
            if (m.syntheticId()) {
                synthetic++;
            }
            if (mid == null) {
                assertThat(m.syntheticId()).as(row.toString()).isTrue();
            } else {
                assertThat(m.messageId()).as(row.toString()).isEqualTo(mid);
            }
            String parent = field(row, "in_reply_to");
            if (parent != null) {
                assertThat(m.inReplyTo()).as(row.toString()).containsExactly(parent);
            }
            assertThat(m.body()).doesNotContain("\r");
            if (bad != null) {
                malformed.put(bad, m);
            } else {
                assertThat(m.date()).as(row.toString()).isEqualTo(Instant.parse(field(row, "date")));
                assertThat(m.subject()).as(row.toString()).isEqualTo(field(row, "subject"));
                assertThat(m.from().email()).as(row.toString()).isEqualTo(field(row, "sender"));
                assertThat(m.listIds()).containsExactly("rust-for-linux.vger.kernel.org");
                assertThat(Problem.details(m.problems())).as(row.toString()).isEmpty();
            }
        }
        assertThat(synthetic).isEqualTo(1);
        assertThat(malformed).hasSize(10);
        assertThat(Problem.details(malformed.get("no-message-id").problems()))
                .contains("no Message-ID: synthetic id used");
        assertThat(malformed.get("no-date").date()).isNull();
        assertThat(malformed.get("bad-date").date()).isNull();
        assertThat(Problem.details(malformed.get("bad-date").problems()))
                .contains("Date \"Tue, 35 Foo 2024 25:61:99 +2500\" unreadable");
        assertThat(malformed.get("raw-8bit-headers").subject()).endsWith(" – über ✓");
        assertThat(malformed.get("raw-8bit-headers").from().name()).isEqualTo("Jürgen Ñúñez");
        assertThat(malformed.get("latin1-body").body()).contains("Grüße aus Köln -- café");
        assertThat(Problem.details(malformed.get("latin1-body").problems()))
                .contains("body: invalid UTF-8, stray bytes read as windows-1252");
        assertThat(malformed.get("unbracketed-message-id").syntheticId()).isFalse();
        assertThat(malformed.get("garbage-references").references()).last().isEqualTo("unterminated@example.com");
        assertThat(malformed.get("no-subject").subject()).isEmpty();
        assertThat(malformed.get("crlf").date()).isNotNull();

        // the multipart reply with an attached git format-patch fixup
        assertThat(mails).filteredOn(m -> !m.attachments().isEmpty()).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("Here is a fixup on top, feel free to squash it in.");
            assertThat(m.attachments().get(0)).startsWith("From ").contains("Subject: [PATCH] fixup! ")
                    .contains("\ndiff --git a/");
        });
    }

    /** A string field of one truth row, null when it is null or absent. */
    private static String field(JsonNode row, String name) {
        JsonNode v = row.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
