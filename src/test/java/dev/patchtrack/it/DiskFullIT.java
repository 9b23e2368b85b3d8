package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Mutants;
import dev.patchtrack.support.Shell;
import dev.patchtrack.support.ThrowawayPostgres;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The database's disk full (a small tmpfs: the H2 file on it, or a PostgreSQL tablespace holding
 * the database): an upload that fills it gets a 507 problem saying the disk is full, not "the
 * database cannot be reached", and the service goes on.
 */
class DiskFullIT {

    @Test
    void aFullDiskIsReportedAsSuch() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path dir = Path.of("target", "it", "disk-full-" + System.nanoTime()).toAbsolutePath();
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        ThrowawayPostgres pg = null;
        if (Instance.PG) {
            ThrowawayPostgres.unavailable().ifPresent(why -> Assumptions.abort("no throwaway PostgreSQL: " + why));
        }
        mount(small, Instance.PG ? "20m" : "10m");
        try {
            Map<String, String> props = new LinkedHashMap<>();
            if (Instance.PG) {
                pg = ThrowawayPostgres.start();
                pg.createDatabaseIn("disk_full", small); // FULL is a keyword in PostgreSQL
                props.put("quarkus.profile", "pg");
                props.putAll(pg.settings("disk_full"));
            } else {
                props.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + small.resolve("db") + Instance.H2_FLAGS);
            }
            props.put("patchtrack.api-tokens", "it-token");
            try (Instance svc = Instance.start("full", dir, props)) {
                Response r = null;
                // hostile mutants of one corpus after another, until the disk is full
                for (int seed = 97; seed < 103 && (r == null || r.statusCode() == 200); seed++) {
                    Path mutants = Mutants.of(Corpus.generate(8, seed).mbox(), 2, 1_000_000);
                    r = svc.api().header("Authorization", "Bearer it-token").contentType("application/mbox")
                            .body(Files.readAllBytes(mutants)).post("/api/import?list=rust-for-linux");
                }
                System.out.printf("disk full: %d %s%n", r.statusCode(), r.asString());
                assertThat(r.statusCode()).isEqualTo(507);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.jsonPath().getString("detail")).contains("disk").doesNotContain("cannot be reached");
                assertThat(svc.process.isAlive()).isTrue();
                if (Instance.PG) {
                    // the rest of the database is fine: reads go on
                    svc.api().get("/api/series").then().statusCode(200);
                    svc.api().get("/q/health/live").then().statusCode(200);
                }
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
            Shell.run("umount", "-l", small.toString());
        }
    }

    static void mount(Path dir, String size) throws IOException {
        int rc = Shell.run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        Assumptions.assumeTrue(rc == 0, "cannot mount a tmpfs here");
    }
}
