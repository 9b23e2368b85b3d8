package dev.patchtrack.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Backup and restore of the embedded H2 file, by plain JDBC, without starting the service (so that
 * they work when it cannot start). {@code backup} writes H2's online backup (a zip holding the
 * {@code .mv.db} file as of one transaction), also while the service runs: the command then reaches
 * the database through the running service. {@code restore} checks the backup first (it opens it and
 * counts the messages), refuses while anything has the database open, and keeps the file it replaces.
 * PostgreSQL has its own tools (pg_dump, pg_restore).
 */
public final class EmbeddedBackup {

    /** What a backup or restore did. */
    public record Result(Path file, long bytes, long messages, String schema, Path kept) {
    }

    /** The database is not the embedded H2 file, or is in use: nothing was done. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private EmbeddedBackup() {
    }

    /**
     * The JDBC URL this process would use: {@code quarkus.datasource.jdbc.url} as a system property,
     * in the environment, or in the application.properties of the jar (for the active profile), as
     * Quarkus would read it.
     */
    public static String configuredUrl() {
        String key = "quarkus.datasource.jdbc.url";
        String v = System.getProperty(key);
        if (v == null) {
            v = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        }
        if (v != null) {
            return v;
        }
        String profile = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        Properties p = new Properties();
        try (InputStream in = EmbeddedBackup.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("application.properties unreadable: " + e.getMessage(), e);
        }
        for (String prof : profile.split(",")) {
            String forProfile = p.getProperty("%" + prof.strip() + "." + key);
            if (forProfile != null) {
                v = forProfile;
            }
        }
        return v != null ? v : p.getProperty(key);
    }

    /** The database file of an embedded H2 URL ({@code jdbc:h2:file:./data/patchtrack;...} gives ./data/patchtrack.mv.db). */
    static Path file(String url) throws Refused {
        String prefix = "jdbc:h2:file:";
        if (url == null || !url.startsWith(prefix)) {
            throw new Refused("the database is not the embedded H2 file (" + (url == null ? "no URL" : url.split("[;?]")[0])
                    + "): back PostgreSQL up with pg_dump and restore it with pg_restore (docs/operations.md)");
        }
        String path = url.substring(prefix.length()).split(";")[0];
        return Path.of(path + ".mv.db").toAbsolutePath().normalize();
    }

    /** H2's online backup of the database into {@code zip}; works while the service has it open. */
    public static Result backup(Path zip) throws Refused, SQLException, IOException {
        String url = configuredUrl();
        Path db = file(url);
        if (!Files.exists(db)) {
            throw new Refused("no database at " + db);
        }
        Path target = zip.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new Refused(target + " exists; give another file");
        }
        Files.createDirectories(target.getParent());
        try (Connection c = DriverManager.getConnection(withIfExists(url), user(), password()); Statement st = c.createStatement()) {
            long messages = count(st);
            String schema = schema(st);
            // the path is read by the process that has the database open: always absolute
            st.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            return new Result(target, Files.size(target), messages, schema, null);
        }
    }

    /**
     * Restores the database from a backup made by {@link #backup}: checked first, then put in place of
     * the current file, which is kept beside it ({@code .mv.db.before-restore-<time>}).
     */
    public static Result restore(Path zip) throws Refused, SQLException, IOException {
        String url = configuredUrl();
        Path db = file(url);
        Path source = zip.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new Refused("no backup at " + source);
        }
        if (Files.exists(db)) {
            refuseWhileInUse(db);
        }
        Files.createDirectories(db.getParent());
        Path restored = Files.createTempFile(db.getParent(), "restore-", ".mv.db");
        try {
            extract(source, restored);
            long messages;
            String schema;
            String check = "jdbc:h2:file:" + base(restored) + ";IFEXISTS=TRUE;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";
            try (Connection c = DriverManager.getConnection(check, user(), password()); Statement st = c.createStatement()) {
                messages = count(st);
                schema = schema(st);
            } catch (SQLException e) {
                throw new Refused("the backup " + source + " cannot be opened: " + e.getMessage().lines().findFirst().orElse(""));
            }
            Path kept = null;
            if (Files.exists(db)) {
                kept = db.resolveSibling(db.getFileName() + ".before-restore-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
                Files.move(db, kept);
            }
            Files.move(restored, db, StandardCopyOption.ATOMIC_MOVE);
            return new Result(db, Files.size(db), messages, schema, kept);
        } finally {
            Files.deleteIfExists(restored);
            Files.deleteIfExists(restored.resolveSibling(restored.getFileName().toString().replace(".mv.db", ".trace.db")));
        }
    }

    /** Another process (the service) has the file open: opening it exclusively says so. */
    private static void refuseWhileInUse(Path db) throws Refused {
        String probe = "jdbc:h2:file:" + base(db) + ";IFEXISTS=TRUE;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";
        try (Connection c = DriverManager.getConnection(probe, user(), password())) {
            c.isValid(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) { // DATABASE_ALREADY_OPEN
                throw new Refused(db + " is in use (is the service running?): stop it before a restore");
            }
            // unreadable (which is why one restores): it is replaced all the same
        }
    }

    private static void extract(Path zip, Path to) throws IOException, Refused {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory() && e.getName().endsWith(".mv.db")) {
                    try (OutputStream out = Files.newOutputStream(to)) {
                        in.transferTo(out);
                    }
                    return;
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new Refused(zip + " is not a backup (a zip): " + e.getMessage());
        }
        throw new Refused(zip + " holds no database file (.mv.db)");
    }

    private static String base(Path mvDb) {
        String s = mvDb.toAbsolutePath().toString();
        return s.substring(0, s.length() - ".mv.db".length());
    }

    private static String withIfExists(String url) {
        return url.contains("IFEXISTS") ? url : url + ";IFEXISTS=TRUE";
    }

    private static long count(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM message")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String schema(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC FETCH FIRST 1 ROWS ONLY")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String user() {
        String v = System.getProperty("quarkus.datasource.username", System.getenv("QUARKUS_DATASOURCE_USERNAME"));
        return v == null ? "sa" : v;
    }

    private static String password() {
        String v = System.getProperty("quarkus.datasource.password", System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
        return v == null ? "" : v;
    }
}
