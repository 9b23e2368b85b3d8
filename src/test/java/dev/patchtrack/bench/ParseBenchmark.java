package dev.patchtrack.bench;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.PatchAnalyzer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parse-only throughput on one thread: the mbox is split into messages first (not timed), then each
 * message is parsed (RFC 822, MIME, charsets) and analysed (subject tags, trailers, diffstat, kind) as the
 * import does, without the database. A warm-up pass lets the JIT compile before the timed passes.
 * Run by bench/parse.sh; never part of the tests.
 */
public final class ParseBenchmark {

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
        long sink = run(messages, Math.min(messages.size(), 30_000), parser, analyzer); // warm-up
        double best = Double.MAX_VALUE;
        for (int p = 1; p <= passes; p++) {
            long start = System.nanoTime();
            sink += run(messages, messages.size(), parser, analyzer);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.min(best, seconds);
            System.out.printf("pass %d: %.2f s, %,.0f messages/s, %.1f MB/s%n", p, seconds, messages.size() / seconds,
                    bytes / 1e6 / seconds);
        }
        System.out.printf("parse-only, one thread, best of %d: %,.0f messages/s, %.1f MB/s (checksum %d)%n", passes,
                messages.size() / best, bytes / 1e6 / best, sink);
    }

    private static long run(List<byte[]> messages, int count, MailParser parser, PatchAnalyzer analyzer) {
        long sink = 0;
        for (int i = 0; i < count; i++) {
            ParsedMail mail = parser.parse(messages.get(i));
            MailFacts facts = analyzer.analyze(mail);
            sink += facts.trailers().size() + facts.kind().ordinal() + mail.body().length();
        }
        return sink;
    }
}
