package dev.patchtrack.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, made with {@code initdb} in a temporary directory and run by
 * the {@code postgres} user on a free port of 127.0.0.1 (trust authentication, nothing else
 * listening), so a test may stop and start it without touching the shared server. Needs root (to
 * become postgres) and the PostgreSQL server binaries; {@link #unavailable()} says why not.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private final Path dir;
    private final Path bin;
    private final int port;

    private ThrowawayPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    /** Empty when a cluster can be made here; else the reason, for a skipped test. */
    public static Optional<String> unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("needs root, to run initdb and pg_ctl as the postgres user");
        }
        if (binaries().isEmpty()) {
            return Optional.of("no initdb/pg_ctl found (PostgreSQL server binaries)");
        }
        if (Shell.run("id", "postgres") != 0) {
            return Optional.of("no postgres user");
        }
        return Optional.empty();
    }

    /** initdb, then start; the caller closes it (stop and delete). */
    public static ThrowawayPostgres start() throws IOException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(unavailable().orElse("no PostgreSQL")));
        Path dir = Files.createTempDirectory("patchtrack-pg-");
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
        ThrowawayPostgres pg = new ThrowawayPostgres(dir, bin, LoreLocal.freePort());
        pg.asPostgres(bin.resolve("initdb") + " -D " + pg.data() + " -U postgres -A trust -E UTF8 --no-sync --no-instructions");
        Files.writeString(Path.of(pg.data(), "postgresql.auto.conf"), "listen_addresses = '127.0.0.1'\nport = " + pg.port
                + "\nunix_socket_directories = '" + dir + "'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
        pg.startAgain();
        return pg;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Settings for a patchtrack process on {@code database} of this cluster. */
    public java.util.Map<String, String> settings(String database) {
        return java.util.Map.of("quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "");
    }

    public void createDatabase(String name) {
        asPostgres(bin.resolve("psql") + " -h 127.0.0.1 -p " + port + " -U postgres -d postgres -qc 'CREATE DATABASE " + name + "'");
    }

    /** A database whose files live in {@code location} (a tablespace there; the directory is given to postgres). */
    public void createDatabaseIn(String name, Path location) throws IOException {
        UserPrincipal postgres = location.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(location, postgres);
        String psql = bin.resolve("psql") + " -h 127.0.0.1 -p " + port + " -U postgres -d postgres -qc ";
        asPostgres(psql + "\"CREATE TABLESPACE " + name + "_space LOCATION '" + location + "'\"");
        asPostgres(psql + "'CREATE DATABASE " + name + " TABLESPACE " + name + "_space'");
    }

    /** Stops the server at once, as a crash or an operator would (connections cut). */
    public void stop() {
        asPostgres(bin.resolve("pg_ctl") + " -D " + data() + " -m fast -w -t 60 stop");
    }

    /** Starts it again on the same port with the same data. */
    public void startAgain() {
        asPostgres(bin.resolve("pg_ctl") + " -D " + data() + " -l " + dir.resolve("server.log") + " -w -t 60 start");
    }

    @Override
    public void close() throws IOException {
        try {
            if (Files.exists(Path.of(data(), "postmaster.pid"))) {
                stop();
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void asPostgres(String command) {
        // from a directory postgres may enter, so that su does not complain
        List<String> cmd = List.of("su", "postgres", "-s", "/bin/sh", "-c", "cd " + dir + " && " + command);
        int rc = Shell.run(cmd);
        if (rc != 0) {
            String log = "";
            try {
                Path server = dir.resolve("server.log");
                log = Files.exists(server) ? Files.readString(server) : "";
            } catch (IOException ignored) {
                // best effort
            }
            throw new IllegalStateException("failed (" + rc + "): " + command + "\n" + log);
        }
    }

    private static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Optional<Path> packaged = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder());
            if (packaged.isPresent()) {
                return packaged;
            }
        } catch (IOException ignored) {
            // not a Debian layout
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path b = Path.of(p);
            if (Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("psql"))) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
