package dev.patchtrack.core.mail;

import dev.patchtrack.core.mail.MboxReader.MboxEntry;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Pipeline;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static dev.patchtrack.support.Pipeline.fixture;
import static dev.patchtrack.support.Pipeline.patchwork;
import static org.assertj.core.api.Assertions.assertThat;

class MboxReaderTest {

    private static final MailLimits LIMITS = MailLimits.DEFAULTS;

    @Test
    void splitsAnMboxAtFromLinesAndDropsTheSeparatorAndTheTrailingBlankLine() {
        byte[] file = patchwork("series/base-cover-letter.mbox");
        List<MboxEntry> entries = Pipeline.entries(file, LIMITS);

        assertThat(entries).hasSize(3);
        for (int i = 0; i < entries.size(); i++) {
            MboxEntry e = entries.get(i);
            // the offset points at the entry's "From " line in the file
            assertThat(startsWith(file, (int) e.offset(), "From ")).isTrue();
            // raw = the bytes after that line up to the next separator, less the one blank line mbox adds
            int start = indexOf(file, (byte) '\n', (int) e.offset()) + 1;
            int end = i + 1 < entries.size() ? (int) entries.get(i + 1).offset() - 1 : file.length - 1;
            assertThat(e.raw()).isEqualTo(Arrays.copyOfRange(file, start, end));
            // git send-email ends each mail with "2.7.4" and a blank line, then mbox adds one more
            assertThat(text(e.raw())).startsWith("Return-Path: ").endsWith("\n-- \n2.7.4\n\n")
                    .doesNotEndWith("\n\n\n");
            assertThat(e.truncated()).isFalse();
            assertThat(Problem.details(e.problems())).isEmpty();
        }
        assertThat(entries.get(0).offset()).isZero();
    }

    @Test
    void aBareMessageWithoutFromLineIsOneEntryKeptByteForByte() {
        byte[] file = patchwork("mail/0016-no-subject.mbox");
        assertThat(text(file)).startsWith("From: ");

        List<MboxEntry> entries = Pipeline.entries(file, LIMITS);

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.raw()).isEqualTo(file);
            assertThat(e.offset()).isZero();
            assertThat(e.truncated()).isFalse();
        });
    }

    @Test
    void aBareMessageIsNeverSplitNorUnescaped() {
        String msg = "Subject: x\nMessage-ID: <a@b>\n\nbody\n\nFrom 1234 Mon Sep 17 00:00:00 2001\n>From quoted\n";

        List<MboxEntry> entries = Pipeline.entries(msg.getBytes(StandardCharsets.UTF_8), LIMITS);

        assertThat(entries).singleElement().satisfies(e -> assertThat(text(e.raw())).isEqualTo(msg));
    }

    @Test
    void unescapesMboxrdAndSplitsOnlyAfterBlankLines() {
        byte[] file = fixture("mail/2001-mboxrd-escapes.mbox");

        List<MboxEntry> entries = Pipeline.entries(file, LIMITS);

        assertThat(entries).hasSize(3);
        String first = text(entries.get(0).raw());
        assertThat(first)
                .contains("\nFrom the start, this line was escaped once")
                .contains("\n>From here, this one was \">From\" in the original.")
                .contains("\nFrom a paragraph line that follows a non-blank line: not a separator.\n")
                .doesNotContain(">>From")
                .endsWith("not a separator.\n");
        // the message's own blank lines stay; only the one the format adds goes
        assertThat(text(entries.get(1).raw())).endsWith("own.\n\n");
        // the last message of the file has no final newline: kept as it is
        assertThat(text(entries.get(2).raw())).endsWith("end of the file.");
        assertThat(entries).extracting(MboxEntry::offset).containsExactly(0L, 411L, 691L);
        for (MboxEntry e : entries) {
            assertThat(startsWith(file, (int) e.offset(), "From mboxrd@z")).isTrue();
        }
    }

    @Test
    void crlfMailKeepsItsLineEndings() {
        List<MboxEntry> lf = Pipeline.entries(fixture("mail/2001-mboxrd-escapes.mbox"), LIMITS);
        List<MboxEntry> crlf = Pipeline.entries(fixture("mail/2002-crlf.mbox"), LIMITS);

        assertThat(crlf).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(text(crlf.get(i).raw())).isEqualTo(text(lf.get(i).raw()).replace("\n", "\r\n"));
        }
        assertThat(text(crlf.get(0).raw())).endsWith("separator.\r\n");
    }

    @Test
    void gzipIsRecognizedByItsMagicBytesAndOffsetsAreUncompressed() throws IOException {
        byte[] gz = fixture("mail/2003-gzip.mbox.gz");
        List<MboxEntry> plain = Pipeline.entries(fixture("mail/2001-mboxrd-escapes.mbox"), LIMITS);

        try (MboxReader r = MboxReader.open(new ByteArrayInputStream(gz), LIMITS)) {
            List<MboxEntry> entries = drain(r);
            assertThat(entries).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(entries.get(i).raw()).isEqualTo(plain.get(i).raw());
                assertThat(entries.get(i).offset()).isEqualTo(plain.get(i).offset());
            }
            assertThat(r.bytesRead()).isEqualTo(gz.length);
            assertThat(Problem.details(r.problems())).isEmpty();
        }
    }

    @Test
    void truncatedGzipKeepsWhatWasReadAndFlagsTheLastMessage() throws IOException {
        byte[] cut = fixture("mail/2004-truncated.mbox.gz");
        List<MboxEntry> full = Pipeline.entries(patchwork("series/revision-basic.mbox"), LIMITS);
        assertThat(full).hasSize(6);

        try (MboxReader r = MboxReader.open(new ByteArrayInputStream(cut), LIMITS)) {
            List<MboxEntry> entries = drain(r);

            assertThat(entries).hasSizeBetween(1, 5);
            for (int i = 0; i < entries.size() - 1; i++) {
                assertThat(entries.get(i).raw()).isEqualTo(full.get(i).raw());
                assertThat(entries.get(i).truncated()).isFalse();
            }
            MboxEntry last = entries.get(entries.size() - 1);
            assertThat(last.truncated()).isTrue();
            assertThat(Problem.details(last.problems())).anyMatch(p -> p.contains("ended early"));
            byte[] whole = full.get(entries.size() - 1).raw();
            assertThat(last.raw().length).isLessThanOrEqualTo(whole.length);
            assertThat(Arrays.copyOf(whole, last.raw().length)).isEqualTo(last.raw());
            assertThat(Problem.details(r.problems())).anyMatch(p -> p.startsWith("gzip stream truncated"));
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void aBrokenGzipHeaderIsAStreamProblemNotAnException() throws IOException {
        try (MboxReader r = MboxReader.open(new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b, 8}), LIMITS)) {
            assertThat(r.next()).isNull();
            assertThat(Problem.details(r.problems())).singleElement().asString().startsWith("gzip header unreadable");
        }
    }

    @Test
    void binaryGarbageIsYieldedAsOneEntry() {
        byte[] garbage = fixture("mail/2005-binary-garbage.bin");

        List<MboxEntry> entries = Pipeline.entries(garbage, LIMITS);

        assertThat(entries).singleElement().satisfies(e -> assertThat(e.raw()).isEqualTo(garbage));
        assertThat(new MailParser(LIMITS).parse(entries.get(0).raw()).readable()).isFalse();
    }

    @Test
    void linesLongerThanTheLimitAreCutButKeepTheirLineEnd() {
        String mbox = "From a@b Mon Jan  1 00:00:00 2024\nSubject: one\n\n" + "x".repeat(5000) + "\nafter\n\n"
                + "From a@b Mon Jan  1 00:00:00 2024\nSubject: two\n\nshort\n";
        MailLimits limits = MailLimits.DEFAULTS.withMaxMessageBytes(1 << 20).withMaxHeaderCount(100)
                .withMaxLineLength(1000).withMaxBodyChars(1 << 20);

        List<MboxEntry> entries = Pipeline.entries(mbox.getBytes(StandardCharsets.US_ASCII), limits);

        assertThat(entries).hasSize(2);
        assertThat(text(entries.get(0).raw())).isEqualTo("Subject: one\n\n" + "x".repeat(1000) + "\nafter\n");
        assertThat(Problem.details(entries.get(0).problems())).containsExactly("1 line(s) longer than 1000 bytes cut");
        assertThat(entries.get(0).truncated()).isFalse();
        assertThat(text(entries.get(1).raw())).isEqualTo("Subject: two\n\nshort\n");
        assertThat(Problem.details(entries.get(1).problems())).isEmpty();
    }

    @Test
    void aMessageOverTheSizeLimitIsTruncatedAndTheReaderFindsTheNextOne() {
        String big = "Subject: big\n\n" + "line of a very long message\n".repeat(500);
        String mbox = "From a@b Mon Jan  1 00:00:00 2024\n" + big + "\n"
                + "From a@b Mon Jan  1 00:00:00 2024\nSubject: next\n\nsmall\n\n";
        MailLimits limits = MailLimits.DEFAULTS.withMaxMessageBytes(2000).withMaxHeaderCount(100)
                .withMaxLineLength(1000).withMaxBodyChars(1 << 20);

        List<MboxEntry> entries = Pipeline.entries(mbox.getBytes(StandardCharsets.US_ASCII), limits);

        assertThat(entries).hasSize(2);
        MboxEntry first = entries.get(0);
        assertThat(first.truncated()).isTrue();
        assertThat(first.raw()).hasSize(2000);
        assertThat(text(first.raw())).isEqualTo(big.substring(0, 2000));
        assertThat(Problem.details(first.problems())).contains("message larger than 2000 bytes: cut");
        MboxEntry second = entries.get(1);
        assertThat(second.truncated()).isFalse();
        assertThat(text(second.raw())).isEqualTo("Subject: next\n\nsmall\n");
    }

    @Test
    void anIoErrorMidStreamEndsTheStreamWithAProblem() throws IOException {
        byte[] file = patchwork("series/revision-basic.mbox");
        InputStream failing = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos >= 5000) {
                    throw new IOException("connection reset");
                }
                return file[pos++] & 0xFF;
            }
        };

        try (MboxReader r = MboxReader.open(failing, LIMITS)) {
            List<MboxEntry> entries = drain(r);

            assertThat(entries).isNotEmpty();
            assertThat(entries.get(entries.size() - 1).truncated()).isTrue();
            assertThat(entries.subList(0, entries.size() - 1)).noneMatch(MboxEntry::truncated);
            assertThat(Problem.details(r.problems()))
                    .anyMatch(p -> p.startsWith("I/O error") && p.contains("connection reset"));
        }
    }

    @Test
    void theResultDoesNotDependOnHowTheInputArrives() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(); // by name, which seeds the trickle
        files.put("2001-mboxrd-escapes.mbox", fixture("mail/2001-mboxrd-escapes.mbox"));
        files.put("2002-crlf.mbox", fixture("mail/2002-crlf.mbox"));
        files.put("revision-basic.mbox", patchwork("series/revision-basic.mbox"));
        files.put("2003-gzip.mbox.gz", fixture("mail/2003-gzip.mbox.gz"));
        files.put("0019-multipart-patch.mbox", patchwork("mail/0019-multipart-patch.mbox"));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String name = f.getKey();
            byte[] file = f.getValue();
            List<MboxEntry> whole = Pipeline.entries(file, LIMITS);
            java.util.Random random = new java.util.Random(name.hashCode());
            InputStream trickle = new ByteArrayInputStream(file) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
                }
            };
            try (MboxReader r = MboxReader.open(trickle, LIMITS)) {
                List<MboxEntry> trickled = drain(r);
                assertThat(trickled).as(name).hasSameSizeAs(whole);
                for (int i = 0; i < whole.size(); i++) {
                    assertThat(trickled.get(i).raw()).as(name).isEqualTo(whole.get(i).raw());
                    assertThat(trickled.get(i).offset()).isEqualTo(whole.get(i).offset());
                }
            }
        }
    }

    @Test
    void emptyInputsHaveNoMessages() {
        assertThat(Pipeline.entries(new byte[0], LIMITS)).isEmpty();
        assertThat(Pipeline.entries("\n\r\n  \n".getBytes(StandardCharsets.US_ASCII), LIMITS)).isEmpty();
    }

    @Test
    void emptyMessagesBetweenSeparatorsAreSkippedAndCounted() throws IOException {
        String mbox = "From a\n\nFrom b\nSubject: real\n\nbody\n";
        try (MboxReader r = MboxReader.open(new ByteArrayInputStream(mbox.getBytes(StandardCharsets.US_ASCII)),
                LIMITS)) {
            List<MboxEntry> entries = drain(r);
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(text(e.raw())).isEqualTo("Subject: real\n\nbody\n");
                assertThat(e.offset()).isEqualTo(8);
            });
            assertThat(Problem.details(r.problems())).containsExactly("empty message skipped at offset 0");
        }
    }

    @Test
    void readsAHugeStreamMessageByMessage() throws IOException {
        int count = 40_000;
        String separator = "From a@b Mon Jan  1 00:00:00 2024\n";
        byte[] one = (separator + "Subject: s\nMessage-ID: <m@x>\n\n"
                + "a body line of text\n".repeat(20) + "\n").getBytes(StandardCharsets.US_ASCII);
        long total = (long) one.length * count;
        InputStream endless = new InputStream() {
            private long pos;

            @Override
            public int read() {
                return pos < total ? one[(int) (pos++ % one.length)] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, Math.min(total - pos, one.length - pos % one.length));
                System.arraycopy(one, (int) (pos % one.length), b, off, n);
                pos += n;
                return n;
            }
        };
        try (MboxReader r = MboxReader.open(endless, LIMITS)) {
            MboxEntry first = r.next();
            assertThat(first).isNotNull();
            // streaming: only a buffer's worth has been consumed, not the 19 MB behind it
            assertThat(r.bytesRead()).isLessThan(200_000);
            int n = 1;
            long lastOffset = first.offset();
            MboxEntry e;
            while ((e = r.next()) != null) {
                n++;
                assertThat(e.offset()).isEqualTo(lastOffset + one.length);
                lastOffset = e.offset();
                assertThat(e.raw()).hasSize(one.length - separator.length() - 1);
            }
            assertThat(n).isEqualTo(count);
            assertThat(r.bytesRead()).isEqualTo(total);
        }
    }

    @Test
    void bytesReadFollowsTheCompressedInput() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        byte[] plain = patchwork("series/revision-basic.mbox");
        java.util.Random random = new java.util.Random(42);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            for (int i = 0; i < 200; i++) {
                gz.write(plain);
                byte[] noise = new byte[2048]; // incompressible, so the compressed file spans many buffers
                random.nextBytes(noise);
                gz.write(("From x\nSubject: noise\n\n" + java.util.Base64.getMimeEncoder().encodeToString(noise)
                        + "\n\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] gz = bos.toByteArray();
        try (MboxReader r = MboxReader.open(new ByteArrayInputStream(gz), LIMITS)) {
            r.next();
            long early = r.bytesRead();
            int n = 1;
            while (r.next() != null) {
                n++;
            }
            assertThat(n).isEqualTo(7 * 200);
            assertThat(early).isPositive().isLessThan(gz.length);
            assertThat(r.bytesRead()).isEqualTo(gz.length);
        }
    }

    @Test
    void theGeneratedKernelCorpusSplitsIntoEveryMessage() throws Exception {
        Corpus.Generated corpus = Corpus.fixture(30, 7);
        Path mbox = corpus.mbox();
        long truthLines = corpus.truth().size();
        Pattern formatPatchFrom = Pattern.compile("(?m)^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001$");

        try (InputStream in = Files.newInputStream(mbox); MboxReader r = MboxReader.open(in, LIMITS)) {
            List<MboxEntry> entries = drain(r);

            assertThat(entries).hasSize((int) truthLines).hasSize(640);
            assertThat(entries).noneMatch(MboxEntry::truncated);
            assertThat(Problem.details(r.problems())).isEmpty();
            assertThat(r.bytesRead()).isEqualTo(Files.size(mbox));
            // the fixup patch's "From <sha>" line was mboxrd-escaped in the archive: it comes back unescaped
            assertThat(entries).filteredOn(e -> formatPatchFrom.matcher(text(e.raw())).find()).hasSize(1);
            assertThat(entries).noneMatch(e -> text(e.raw()).contains("\n>From "));
            // the CRLF reply keeps its CRLF
            assertThat(entries).filteredOn(e -> text(e.raw()).contains("\r\n")).hasSize(1);
        }
    }

    private static List<MboxEntry> drain(MboxReader r) {
        List<MboxEntry> out = new ArrayList<>();
        MboxEntry e;
        while ((e = r.next()) != null) {
            out.add(e);
        }
        return out;
    }

    private static boolean startsWith(byte[] b, int at, String prefix) {
        return new String(b, at, Math.min(prefix.length(), b.length - at), StandardCharsets.ISO_8859_1)
                .equals(prefix);
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
