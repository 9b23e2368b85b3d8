package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.SeriesSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * New mail re-derives only the series it can touch, and that gives exactly what one import of all of
 * it gives: the same series, revisions, patches, trailers, states and topics, whether the corpus comes
 * in consecutive parts (later versions and replies after their patches) or dealt out round-robin
 * (replies before what they answer, patches of one posting in different imports). The full pass
 * afterwards finds nothing to change.
 */
@QuarkusTest
class IncrementalDerivationTest {

    private static final Pattern FROM_LINE = Pattern.compile("(?m)^From ");

    static byte[] corpus;
    static List<byte[]> messages;

    @Inject
    Database database;

    @Inject
    ImportService imports;

    @Inject
    SeriesRebuilder rebuilder;

    @Inject
    dev.patchtrack.core.mail.MailLimits limits;

    @BeforeAll
    static void generate() throws Exception {
        corpus = Files.readAllBytes(Corpus.fixture(120, 23).mbox());
        messages = split(corpus);
    }

    /** The messages of an mboxrd, each with its From_ line, byte for byte. */
    static List<byte[]> split(byte[] mbox) {
        String all = new String(mbox, StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        Matcher m = FROM_LINE.matcher(all);
        while (m.find()) {
            starts.add(m.start());
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : all.length();
            out.add(all.substring(starts.get(i), end).getBytes(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static Set<String> wholeSeries;

    /** The series one import of the whole corpus gives: imported once, the first time a test asks. */
    private Set<String> importWhole() {
        if (wholeSeries == null) {
            database.clear();
            imports.importStream(new ByteArrayInputStream(corpus), "rust-for-linux", ImportService.Progress.NONE);
            wholeSeries = SeriesSnapshot.take();
        }
        return wholeSeries;
    }

    private Set<String> importParts(List<List<byte[]>> parts, boolean local) {
        database.clear();
        for (List<byte[]> part : parts) {
            ImportSummary s = imports.importStream(new ByteArrayInputStream(concat(part)), "rust-for-linux",
                    ImportService.Progress.NONE);
            assertThat(s.changedIds()).as("the import names what it changed").isNotNull().isNotEmpty();
            if (local) {
                assertThat(s.rebuild().messages()).as("only the touched part is derived again")
                        .isLessThan(messages.size());
            }
        }
        return SeriesSnapshot.take();
    }

    private static byte[] concat(List<byte[]> part) {
        int n = part.stream().mapToInt(b -> b.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] b : part) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }

    @Test
    void consecutivePartsGiveWhatOneImportGives() {
        Set<String> whole = importWhole();
        assertThat(whole).hasSizeGreaterThan(100);
        List<List<byte[]>> parts = new ArrayList<>();
        int size = messages.size() / 6 + 1;
        for (int i = 0; i < messages.size(); i += size) {
            parts.add(messages.subList(i, Math.min(messages.size(), i + size)));
        }
        SeriesSnapshot.assertSame("incremental-consecutive", importParts(parts, true), whole);
        SeriesRebuilder.Summary full = rebuilder.rebuild();
        assertThat(full.seriesWritten() + full.revisionsWritten() + full.patchesWritten() + full.trailersWritten()
                + full.deleted()).as("the full pass agrees with what the parts left").isZero();
        SeriesSnapshot.assertSame("incremental-consecutive-full", SeriesSnapshot.take(), whole);
    }

    @Test
    void partsDealtRoundRobinGiveWhatOneImportGives() {
        Set<String> whole = importWhole();
        List<List<byte[]>> parts = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < messages.size(); i++) {
            parts.get(i % 4).add(messages.get(i));
        }
        SeriesSnapshot.assertSame("incremental-round-robin", importParts(parts, false), whole);
    }

    /**
     * A pull request is read by the groups whose titles it lists, without joining them: whether it comes
     * before the patches, between two revisions or after them, the series end as one import leaves them,
     * with the pull request applied to the latest revision posted before it.
     */
    @Test
    void pullRequestsReachThePatchesTheyListWhicheverComesFirst() throws Exception {
        List<byte[]> merged = split(Files.readAllBytes(java.nio.file.Path.of("src/test/resources/fixtures/series/3007-merged-by-pull.mbox")));
        assertThat(merged).hasSize(7);
        List<byte[]> v1 = merged.subList(0, 3);
        List<byte[]> v2 = merged.subList(3, 6);
        List<byte[]> pull = merged.subList(6, 7);
        List<byte[]> all = new ArrayList<>(messages);
        all.addAll(merged);
        database.clear();
        imports.importStream(new ByteArrayInputStream(concat(all)), "rust-for-linux", ImportService.Progress.NONE);
        Set<String> whole = SeriesSnapshot.take();
        assertThat(whole.stream().filter(s -> s.contains("GITPULL.ojeda@example.org")))
                .as("the pull request marks v2 applied").hasSize(1)
                .allMatch(s -> s.contains("\"state\":\"accepted\""));
        List<List<List<byte[]>>> orders = List.of(
                List.of(messages, v1, pull, v2),
                List.of(messages, pull, v1, v2),
                List.of(v1, v2, messages, pull));
        for (List<List<byte[]>> order : orders) {
            database.clear();
            for (List<byte[]> part : order) {
                ImportSummary s = imports.importStream(new ByteArrayInputStream(concat(part)), "rust-for-linux",
                        ImportService.Progress.NONE);
                if (part == pull) {
                    assertThat(s.rebuild().messages()).as("a pull request reaches the series it lists, not the rest")
                            .isLessThan(20);
                }
            }
            SeriesSnapshot.assertSame("incremental-pull", SeriesSnapshot.take(), whole);
        }
    }

    @Test
    void mailStoredByAProcessThatDiedBeforeDerivingIsDerivedByTheNextImport() throws Exception {
        Set<String> whole = importWhole();
        database.clear();
        int half = messages.size() / 2;
        // what a process killed between storing and deriving leaves: the mail, no series
        try (var reader = dev.patchtrack.core.mail.MboxReader.open(new ByteArrayInputStream(concat(messages.subList(0, half))),
                limits)) {
            imports.ingest(MailFeed.of(reader), "rust-for-linux", ImportService.Progress.NONE, ImportService.BatchHook.NONE);
        }
        assertThat(rebuilder.hasPending()).as("the stored mail waits for its series").isTrue();
        // the same half again stores nothing new, and still derives what waits
        ImportSummary again = imports.importStream(new ByteArrayInputStream(concat(messages.subList(0, half))),
                "rust-for-linux", ImportService.Progress.NONE);
        assertThat(again.stored()).isZero();
        assertThat(rebuilder.hasPending()).isFalse();
        imports.importStream(new ByteArrayInputStream(concat(messages.subList(half, messages.size()))), "rust-for-linux",
                ImportService.Progress.NONE);
        SeriesSnapshot.assertSame("died-before-deriving", SeriesSnapshot.take(), whole);
    }
}
