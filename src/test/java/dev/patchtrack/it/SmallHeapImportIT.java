package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.DatabaseDump;
import dev.patchtrack.support.Mutants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile mutants (every other message of a generated corpus with a header line of about a
 * megabyte) imported with the command at a small heap, with the batch size at its default: the
 * import finishes, and the database then opens (a second import of the same file) and holds every
 * message, the second import storing nothing. Prints the heap the import needed (from its GC log).
 */
class SmallHeapImportIT {

    static final String HEAP = "-Xmx160m";
    static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @Test
    void hostileMutantsAtASmallHeapLeaveAnIntactDatabaseHoldingEverything() throws Exception {
        Corpus.Generated corpus = Corpus.generate(8, 97);
        Path mutants = Mutants.of(corpus.mbox(), 2, 1_000_000);
        int total = corpus.messages();
        Path dir = Path.of("target", "it", "small-heap-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        Map<String, String> db = new LinkedHashMap<>(Instance.database(dir, true));
        db.remove("quarkus.flyway.clean-at-start");
        String url = db.get("quarkus.datasource.jdbc.url");
        String user = Instance.PG ? "patchtrack" : "sa";
        String password = Instance.PG ? "patchtrack" : "";
        if (Instance.PG) {
            db.put("quarkus.flyway.clean-at-start", "true"); // the first run starts from an empty database
        }

        int read = corpus.truth().size();
        String first = importAtSmallHeap(dir, "import-mutants", db, mutants);
        System.out.printf("mutants (%d MB, %d messages) at %s: %s; heap after GC at most %d MB%n",
                Files.size(mutants) >> 20, read, HEAP, summary(first), peakAfterGc(dir.resolve("import-mutants.gc")));
        assertThat(first).contains(read + " read, " + total + " stored");
        assertThat(DatabaseDump.messages(url, user, password)).isEqualTo(total);

        db.remove("quarkus.flyway.clean-at-start");
        String again = importAtSmallHeap(dir, "import-again", db, mutants);
        assertThat(again).contains(read + " read, 0 stored, " + read + " duplicates");
        assertThat(DatabaseDump.messages(url, user, password)).isEqualTo(total);
    }

    /**
     * The service run out of memory on purpose (batches allowed to hold the whole upload): it ends,
     * with the status -XX:+ExitOnOutOfMemoryError gives, instead of answering 503 for ever; the
     * database then opens and takes the same mail in a normal import.
     */
    @Test
    void anOutOfMemoryErrorEndsTheServiceAndTheDatabaseOpensAfter() throws Exception {
        Corpus.Generated corpus = Corpus.generate(8, 97);
        Path mutants = Mutants.of(corpus.mbox(), 2, 1_000_000);
        Path dir = Path.of("target", "it", "out-of-memory-" + System.nanoTime()).toAbsolutePath();
        Map<String, String> props = new LinkedHashMap<>(Instance.database(dir, true));
        props.put("patchtrack.api-tokens", "it-token");
        props.put("patchtrack.import.batch-size", "100000");
        // every bound lifted, so that the upload cannot fit (as environment variables: a build without them ignores them)
        Map<String, String> unbounded = Map.of("PATCHTRACK_IMPORT_BATCH_BYTES", "1073741824",
                "PATCHTRACK_MAIL_MAX_HEADER_CHARS", "2000000", "PATCHTRACK_MAIL_MAX_REFERENCES", "1000000");
        try (Instance svc = Instance.start("oom", dir, props, List.of(HEAP), unbounded)) {
            try {
                svc.api().header("Authorization", "Bearer it-token").contentType("application/mbox")
                        .body(Files.readAllBytes(mutants)).post("/api/import?list=rust-for-linux");
            } catch (Exception cut) {
                // the process ended while answering (RestAssured lets the IOException through as it is)
            }
            assertThat(svc.process.waitFor(2, TimeUnit.MINUTES)).as("the process ended; see oom.log").isTrue();
            assertThat(svc.process.exitValue()).as("exit status; see oom.log").isEqualTo(3);
            assertThat(Files.readString(dir.resolve("oom.log"))).contains("out of memory");
        }
        Map<String, String> db = new LinkedHashMap<>(Instance.database(dir, false));
        String again = importAtSmallHeap(dir, "import-after", db, mutants);
        assertThat(again).contains(corpus.truth().size() + " read, ");
        assertThat(again).contains(" 0 unparseable");
    }

    static String importAtSmallHeap(Path dir, String name, Map<String, String> db, Path mbox) throws Exception {
        List<String> jvm = new ArrayList<>(List.of(HEAP, "-Xlog:gc:file=" + dir.resolve(name + ".gc")));
        Process p = Instance.java(dir, name, jvm, db, "import", "--list", "rust-for-linux", mbox.toString());
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished; see " + name + ".log").isTrue();
        String log = Files.readString(dir.resolve(name + ".log"));
        assertThat(p.exitValue()).as("exit status; see %s.log:%n%s", name, tail(log)).isZero();
        return log;
    }

    static String summary(String log) {
        return log.lines().filter(l -> l.contains(" read, ")).findFirst().orElse("(no summary)");
    }

    static String tail(String log) {
        return log.length() <= 3000 ? log : log.substring(log.length() - 3000);
    }

    /** The largest heap left after a collection: what the import holds live, at most. */
    static long peakAfterGc(Path gcLog) throws Exception {
        long peak = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(2)));
                }
            }
        }
        return peak;
    }
}
