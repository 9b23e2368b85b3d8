package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.DatabaseDump;
import dev.patchtrack.support.ThrowawayPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code import} killed with SIGKILL half way through a large mbox, then run again to the end,
 * leaves the same database as one clean import of the same file into another: same messages (and
 * raw hashes), people, series, revisions, patches, trailers, states, topics and events.
 */
class InterruptedImportIT {

    @Test
    void anImportKilledHalfWayAndRepeatedEqualsOneCleanImport() throws Exception {
        Corpus.Generated corpus = Corpus.generate(300, 29);
        int total = corpus.truth().size();
        Path dir = Path.of("target", "it", "interrupted-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        ThrowawayPostgres pg = null;
        if (Instance.PG) {
            ThrowawayPostgres.unavailable().ifPresent(why -> Assumptions.abort("no throwaway PostgreSQL: " + why));
            pg = ThrowawayPostgres.start();
        }
        try {
            Db interrupted = database(pg, dir, "interrupted");
            Db clean = database(pg, dir, "clean");

            long t0 = System.nanoTime();
            Process first = Instance.java(dir, "import-killed", interrupted.settings, "import", "--list", "rust-for-linux",
                    corpus.mbox().toString());
            // part way: some batches committed, more to come. A quarter, not less: H2 writes committed
            // transactions to its file within its write delay (~0.5 s, several batches at today's rate),
            // so what a kill leaves behind can trail what a running import shows.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!first.isAlive()) {
                    throw new IllegalStateException("the import ended before it could be killed; see import-killed.log");
                }
                long stored = interrupted.ready() ? interrupted.messages() : 0;
                return stored > total / 4;
            });
            first.destroyForcibly();
            first.waitFor();
            long atKill = interrupted.messages();
            System.out.printf("import killed with %d of %d messages stored%n", atKill, total);
            assertThat(atKill).isPositive().isLessThan(total);

            run(Instance.java(dir, "import-again", interrupted.settings, "import", "--list", "rust-for-linux",
                    corpus.mbox().toString()), dir.resolve("import-again.log"));
            run(Instance.java(dir, "import-clean", clean.settings, "import", "--list", "rust-for-linux",
                    corpus.mbox().toString()), dir.resolve("import-clean.log"));
            System.out.printf("three imports of %d messages in %d s%n", total, (System.nanoTime() - t0) / 1_000_000_000L);

            Map<String, List<String>> a = interrupted.dump();
            Map<String, List<String>> b = clean.dump();
            assertThat(b.get("message")).hasSizeGreaterThan(total / 2);
            assertThat(b.get("series")).isNotEmpty();
            assertThat(b.get("trailer")).isNotEmpty();
            for (String table : b.keySet()) {
                assertThat(a.get(table)).as(table + " (interrupted and repeated vs clean)").containsExactlyElementsOf(b.get(table));
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    static void run(Process p, Path log) throws Exception {
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished: " + log).isTrue();
        assertThat(p.exitValue()).as("exit status; see " + log).isZero();
    }

    /** A database of this test: a database of the throwaway cluster, or an H2 file. */
    record Db(Map<String, String> settings, String url, String user, String password, Path h2File) {
        boolean ready() {
            return h2File == null || Files.exists(h2File);
        }

        long messages() {
            return DatabaseDump.messages(url, user, password);
        }

        Map<String, List<String>> dump() throws java.sql.SQLException {
            return DatabaseDump.dump(url, user, password);
        }
    }

    static Db database(ThrowawayPostgres pg, Path dir, String name) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("patchtrack.import.batch-size", "50");
        if (pg != null) {
            pg.createDatabase(name);
            s.put("quarkus.profile", "pg");
            s.putAll(pg.settings(name));
            return new Db(s, pg.jdbcUrl(name), "postgres", "", null);
        }
        String url = "jdbc:h2:file:" + dir.resolve(name) + Instance.H2_FLAGS;
        s.put("quarkus.datasource.jdbc.url", url);
        return new Db(s, url, "sa", "", dir.resolve(name + ".mv.db"));
    }
}
