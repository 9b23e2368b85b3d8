package dev.patchtrack.bench;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.store.FactsCodec;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Parse and analyse throughput on one thread: the mbox is split into messages first (not timed), then each
 * message is parsed (RFC 822, MIME, charsets) and analysed (subject tags, trailers, diffstat, kind) as the
 * import does, without the database. Parsing and analysis are timed apart. A warm-up pass lets the JIT
 * compile before the timed passes. The phases are timed in this thread's CPU time, which other work on a
 * shared machine disturbs less than the wall clock. Run by bench/parse.sh; never part of the tests.
 *
 * <p>With {@code -Dbench.digest=true} it times nothing and prints a SHA-256 over the stored form
 * ({@link FactsCodec#write}) of every message's facts, to show that a change to the analysis leaves its
 * output as it was.
 */
public final class ParseBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ParseBenchmark MBOX [passes]");
            System.exit(2);
        }
        Path mbox = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<byte[]> messages = new ArrayList<>();
        long bytes = 0;
        long readStart = System.nanoTime();
        try (InputStream in = Files.newInputStream(mbox); MboxReader r = MboxReader.open(in, MailLimits.DEFAULTS)) {
            MboxReader.MboxEntry e;
            while ((e = r.next()) != null) {
                messages.add(e.raw());
                bytes += e.raw().length;
            }
        }
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        System.out.printf("corpus: %s, %,d messages, %.1f MB (mbox split in %.2f s)%n", mbox, messages.size(),
                bytes / 1e6, readSeconds);

        MailParser parser = new MailParser(MailLimits.DEFAULTS);
        PatchAnalyzer analyzer = new PatchAnalyzer();
        if (Boolean.getBoolean("bench.digest")) {
            digest(messages, parser, analyzer);
            return;
        }
        Times warm = new Times();
        long sink = run(messages, Math.min(messages.size(), 30_000), parser, analyzer, warm);
        double best = Double.MAX_VALUE;
        Times bestTimes = null;
        for (int p = 1; p <= passes; p++) {
            Times t = new Times();
            long start = System.nanoTime();
            sink += run(messages, messages.size(), parser, analyzer, t);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (bestTimes == null || t.cpu() < bestTimes.cpu()) {
                bestTimes = t;
            }
            best = Math.min(best, seconds);
            System.out.printf("pass %d: %.2f s wall, %.2f s CPU (parse %.2f s, analyse %.2f s), %,.0f messages/s CPU%n",
                    p, seconds, t.cpu() / 1e9, t.parse / 1e9, t.analyse / 1e9, messages.size() / (t.cpu() / 1e9));
        }
        System.out.printf("parse+analyse, one thread, best of %d: %,.0f messages/s wall, %,.0f messages/s CPU, "
                + "%.1f MB/s CPU (checksum %d)%n", passes, messages.size() / best,
                messages.size() / (bestTimes.cpu() / 1e9), bytes / 1e6 / (bestTimes.cpu() / 1e9), sink);
        System.out.printf("  of which parse %.2f s CPU (%,.0f messages/s), analyse %.2f s CPU (%,.0f messages/s)%n",
                bestTimes.parse / 1e9, messages.size() / (bestTimes.parse / 1e9), bestTimes.analyse / 1e9,
                messages.size() / (bestTimes.analyse / 1e9));
    }

    /** CPU nanoseconds spent parsing and analysing in one pass. */
    private static final class Times {
        long parse;
        long analyse;

        long cpu() {
            return parse + analyse;
        }
    }

    private static long run(List<byte[]> messages, int count, MailParser parser, PatchAnalyzer analyzer, Times t) {
        long sink = 0;
        for (int i = 0; i < count; i++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            ParsedMail mail = parser.parse(messages.get(i));
            long t1 = THREADS.getCurrentThreadCpuTime();
            MailFacts facts = analyzer.analyze(mail);
            long t2 = THREADS.getCurrentThreadCpuTime();
            t.parse += t1 - t0;
            t.analyse += t2 - t1;
            sink += facts.trailers().size() + facts.kind().ordinal() + mail.body().length();
        }
        return sink;
    }

    private static void digest(List<byte[]> messages, MailParser parser, PatchAnalyzer analyzer) throws Exception {
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        for (byte[] raw : messages) {
            all.update(FactsCodec.write(analyzer.analyze(parser.parse(raw))).getBytes(StandardCharsets.UTF_8));
            all.update((byte) '\n');
        }
        System.out.printf("facts sha-256 over %,d messages: %s%n", messages.size(), HexFormat.of().formatHex(all.digest()));
    }
}
