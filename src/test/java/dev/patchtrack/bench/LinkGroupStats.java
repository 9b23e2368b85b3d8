package dev.patchtrack.bench;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.core.series.LinkKeys;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The groups the link keys close a corpus into, without the database: how many, and how large the
 * largest are. The largest bounds the memory and the time of deriving series (docs/performance.md).
 * Run by bench/groups.sh; never part of the tests.
 */
public final class LinkGroupStats {

    private LinkGroupStats() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LinkGroupStats MBOX");
            System.exit(2);
        }
        MailParser parser = new MailParser(MailLimits.DEFAULTS);
        PatchAnalyzer analyzer = new PatchAnalyzer();
        List<Set<Long>> keys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of(args[0])); MboxReader r = MboxReader.open(in, MailLimits.DEFAULTS)) {
            MboxReader.MboxEntry e;
            while ((e = r.next()) != null) {
                ParsedMail mail = parser.parse(e.raw());
                keys.add(LinkKeys.of(mail.readable() ? analyzer.analyze(mail) : null));
            }
        }
        List<List<Integer>> groups = LinkKeys.components(keys);
        groups.sort(Comparator.comparingInt((List<Integer> g) -> g.size()).reversed());
        System.out.printf("link-key scheme %d: %,d messages in %,d groups; largest: %s%n", LinkKeys.VERSION, keys.size(),
                groups.size(), groups.stream().limit(8).map(g -> String.format("%,d", g.size())).toList());
    }
}
