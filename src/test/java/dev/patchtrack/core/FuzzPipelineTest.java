package dev.patchtrack.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.core.series.SeriesBuilder;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Pipeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random mutations of real messages, with a fixed seed so a failure always reproduces,
 * through the whole pure pipeline: mbox reader, mail parser, patch analyser, series builder. Every message
 * must come out parsed (leniently, its problems listed) or marked unreadable with a reason; nothing may
 * throw. Tight limits make the huge-line and header-flood mutations hit the cutting code.
 */
class FuzzPipelineTest {

    private static final long SEED = 20240513L;
    private static final int MUTANTS = 4000;
    private static final MailLimits LIMITS = MailLimits.DEFAULTS.withMaxMessageBytes(2 * 1024 * 1024)
            .withMaxHeaderCount(200).withMaxLineLength(64 * 1024).withMaxBodyChars(512 * 1024);

    @Test
    void mutatedMailNeverEscapesThePipeline() throws Exception {
        List<byte[]> seeds = seeds();
        assertThat(seeds).hasSizeGreaterThan(100);
        Random random = new Random(SEED);
        MailParser parser = new MailParser(LIMITS);
        PatchAnalyzer analyzer = new PatchAnalyzer();
        List<MailFacts> facts = new ArrayList<>();
        int messages = 0;
        int unreadable = 0;
        int withProblems = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try (MboxReader reader = MboxReader.open(new ByteArrayInputStream(mutant), LIMITS)) {
                MboxReader.MboxEntry e;
                while ((e = reader.next()) != null) {
                    ParsedMail mail = parser.parse(e.raw());
                    messages++;
                    assertThat(mail.messageId()).as("mutant %d", i).isNotBlank();
                    assertThat(mail.body()).isNotNull();
                    if (!mail.readable()) {
                        unreadable++;
                        assertThat(mail.problems()).as("an unreadable message says why (mutant %d)", i).isNotEmpty();
                        continue;
                    }
                    if (!mail.problems().isEmpty() || !e.problems().isEmpty()) {
                        withProblems++;
                    }
                    MailFacts f = analyzer.analyze(mail);
                    assertThat(f.messageId()).isEqualTo(mail.messageId());
                    facts.add(f);
                }
            }
        }
        List<SeriesDraft> series = new SeriesBuilder().build(facts);
        assertThat(series).isNotEmpty();
        assertThat(messages).isGreaterThanOrEqualTo(MUTANTS);
        assertThat(withProblems).isGreaterThan(MUTANTS / 10);
        System.out.printf("fuzz: %d mutants, %d messages (%d unreadable, %d with problems), %d series%n",
                MUTANTS, messages, unreadable, withProblems, series.size());
    }

    /**
     * Real messages, in a fixed order: Patchwork's mail and fuzz files (read from ../shared), some of the
     * project's header and encoding fixtures, and a slice of the generated kernel corpus.
     */
    private static List<byte[]> seeds() throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (String name : List.of("0001-git-pull-request.mbox", "0003-git-pull-request-with-diff.mbox",
                "0007-cvs-format-diff.mbox", "0009-git-rename-with-diff.mbox", "0010-invalid-charset.mbox",
                "0013-with-utf8-body.mbox", "0015-with-invalid-utf8-headers.mbox", "0019-multipart-patch.mbox",
                "0020-multipart-comment.mbox", "0026-git-add-mixed-binary-text-files.mbox")) {
            out.add(Pipeline.patchwork("mail/" + name));
        }
        for (String name : List.of("1001-folded-headers.eml", "1005-base64.eml", "1006-lying-charset.eml",
                "1007-html-alternative.eml", "1009-patch-attachments.eml")) {
            out.add(Pipeline.fixture("mail/" + name));
        }
        for (String name : List.of("base64err.mbox", "x-face.mbox", "refshdr.mbox")) {
            out.add(Pipeline.patchwork("fuzz/" + name));
        }
        Corpus.Generated corpus = Corpus.fixture(30, 7);
        try (InputStream in = Files.newInputStream(corpus.mbox()); MboxReader r = MboxReader.open(in, MailLimits.DEFAULTS)) {
            MboxReader.MboxEntry e;
            int i = 0;
            while ((e = r.next()) != null) {
                if (i++ % 4 == 0) {
                    out.add(e.raw());
                }
            }
        }
        return out;
    }

    private static byte[] mutate(byte[] in, Random random) {
        byte[] b = in;
        int rounds = 1 + random.nextInt(3);
        for (int k = 0; k < rounds; k++) {
            switch (random.nextInt(8)) {
                case 0 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1)); // truncation
                case 1 -> { // byte flips
                    b = b.clone();
                    for (int n = 1 + random.nextInt(16); n > 0 && b.length > 0; n--) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                }
                case 2 -> b = duplicateHeader(b, random, 1 + random.nextInt(random.nextBoolean() ? 3 : 500));
                case 3 -> b = insert(b, random, hugeLine(random)); // huge line
                case 4 -> b = insert(b, random, "\nFrom nobody Mon Jan  1 00:00:00 2024\n".getBytes(StandardCharsets.US_ASCII));
                case 5 -> b = insert(b, random, pick(random, "\n\n", "\r", "=?UTF-8?B?////?=", "=?x?Q?=ZZ?=", "<", ">",
                        "\nContent-Transfer-Encoding: base64\n", "\nContent-Type: multipart/mixed; boundary=\"x\"\n",
                        "\n--x\n", "\nMessage-ID:\n", "\nIn-Reply-To: <a@b> <c@d> <\n", "\u0000\u0000")
                        .getBytes(StandardCharsets.UTF_8));
                case 6 -> b = removeBlankAfterHeaders(b);
                default -> { // splice two pieces of the same message
                    int a = random.nextInt(b.length + 1);
                    int c = random.nextInt(b.length + 1);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(b, 0, Math.max(a, c));
                    out.write(b, Math.min(a, c), b.length - Math.min(a, c));
                    b = out.toByteArray();
                }
            }
        }
        return b;
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static byte[] hugeLine(Random random) {
        byte[] line = new byte[70_000 + random.nextInt(200_000)];
        Arrays.fill(line, (byte) (random.nextBoolean() ? 'x' : '+'));
        line[0] = '\n';
        return line;
    }

    private static byte[] insert(byte[] b, Random random, byte[] what) {
        int at = random.nextInt(b.length + 1);
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    /** Repeats one header line (with its continuation lines) {@code times} times. */
    private static byte[] duplicateHeader(byte[] b, Random random, int times) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\n\n");
        if (end < 0) {
            return b;
        }
        String[] lines = s.substring(0, end).split("\n", -1);
        int i = random.nextInt(lines.length);
        StringBuilder header = new StringBuilder(lines[i]).append('\n');
        for (int j = i + 1; j < lines.length && (lines[j].startsWith(" ") || lines[j].startsWith("\t")); j++) {
            header.append(lines[j]).append('\n');
        }
        int at = s.indexOf(lines[i]);
        String dup = header.toString().repeat(times);
        return (s.substring(0, at) + dup + s.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] removeBlankAfterHeaders(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\n\n");
        return end < 0 ? b : (s.substring(0, end) + s.substring(end + 1)).getBytes(StandardCharsets.ISO_8859_1);
    }
}
