package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Corpus;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The embedded H2 file, as an operator lives with it: a backup taken while the service runs; the
 * store closed under the running service (as H2 does after a failed write), which liveness reports
 * DOWN; the file then damaged, and restored from the backup (refused while the service has it
 * open), after which it opens and holds every message again.
 */
class EmbeddedStoreIT {

    @Test
    void backupWhileRunningLivenessOnAClosedStoreAndRestoreAfterDamage() throws Exception {
        Assumptions.assumeFalse(Instance.PG, "the embedded H2 file only (PostgreSQL: pg_dump and pg_restore)");
        Corpus.Generated corpus = Corpus.fixture(5, 3);
        Path dir = Path.of("target", "it", "embedded-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        Map<String, String> props = new LinkedHashMap<>(Instance.database(dir, false));
        Path zip = dir.resolve("backup.zip");
        String mbox = corpus.mbox().toString();
        // a typo is answered before the service starts: the database is not even created
        String typo = run(Instance.java(dir, "typo", props, "improt", mbox), dir, "typo", 2);
        assertThat(typo).contains("unknown command: improt").contains("usage:");
        assertThat(dir.resolve("db.mv.db")).doesNotExist();
        run(Instance.java(dir, "import", props, "import", "--list", "rust-for-linux", mbox), dir, "import", 0);

        try (Instance svc = Instance.start("svc", dir, props)) {
            String backup = run(Instance.java(dir, "backup", props, "backup", zip.toString()), dir, "backup", 0);
            assertThat(backup).contains("backup: " + corpus.messages() + " messages");
            assertThat(zip).exists();
            String busy = run(Instance.java(dir, "restore-busy", props, "restore", zip.toString()), dir, "restore-busy", 2);
            assertThat(busy).contains("is in use");

            // the store closed under the service
            String url = props.get("quarkus.datasource.jdbc.url");
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                c.createStatement().execute("SHUTDOWN IMMEDIATELY");
            } catch (SQLException expected) {
                // the connection goes with the database
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                svc.api().get("/api/series");
                return svc.api().get("/q/health/live").statusCode() == 503;
            });
            assertThat(svc.api().get("/q/health/live").asString()).contains("closed under the service");
        }

        // damage: the file cut in half (what an interrupted shrink leaves)
        Path file = dir.resolve("db.mv.db");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        String restore = run(Instance.java(dir, "restore", props, "restore", zip.toString()), dir, "restore", 0);
        assertThat(restore).contains("restore: " + corpus.messages() + " messages").contains("kept as");
        String again = run(Instance.java(dir, "import-again", props, "import", "--list", "rust-for-linux", mbox), dir,
                "import-again", 0);
        assertThat(again).contains(" 0 stored");
    }

    static String run(Process p, Path dir, String name, int status) throws Exception {
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished: " + name).isTrue();
        String log = Files.readString(dir.resolve(name + ".log"));
        assertThat(p.exitValue()).as("exit status of %s:%n%s", name, log.length() > 3000 ? log.substring(log.length() - 3000) : log)
                .isEqualTo(status);
        return log;
    }
}
