package dev.patchtrack.ingest;

import dev.patchtrack.core.audit.AuditFinding;
import dev.patchtrack.core.audit.AuditKind;
import dev.patchtrack.core.audit.AuditText;
import dev.patchtrack.ingest.lwn.ArticleClassifier;
import dev.patchtrack.ingest.tree.TreeService;
import dev.patchtrack.store.EmbeddedBackup;
import dev.patchtrack.store.StoreFailure;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar's entry point. With no arguments (or {@code serve}) it runs the service; with
 * {@code import} it imports mbox files into the configured database, showing progress on stderr
 * and a summary on stdout, without opening the HTTP port.
 */
@QuarkusMain
public class PatchtrackMain implements QuarkusApplication {

    static final String USAGE = """
            usage: java -jar quarkus-run.jar [serve]
                   java -jar quarkus-run.jar import [--list NAME] FILE...   (FILE: mbox, mbox.gz or one message; - is stdin)
                   java -jar quarkus-run.jar reclassify                      (topics and states again, with the rules as they are now)
                   java -jar quarkus-run.jar trees [NAME...]                 (scan the configured git trees now for accepted patches)
                   java -jar quarkus-run.jar audit [--kind K]... [--json]    (derivations to doubt: counts per kind, then each finding)
                   java -jar quarkus-run.jar backup FILE.zip                 (the embedded H2 database, also while the service runs)
                   java -jar quarkus-run.jar restore FILE.zip                (the embedded H2 database from a backup; the service stopped)
            """;

    public static void main(String... args) {
        // an out-of-memory error that reaches a thread of ours ends the process (see Fatal)
        Fatal.install();
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            // plain JDBC on the embedded file, without starting the service: it works when the service cannot start
            System.exit(backupCommand(List.of(args), System.out, System.err));
        }
        if (!Fatal.jvmExitsOnOutOfMemory()) {
            System.err.println("patchtrack: the JVM runs without -XX:+ExitOnOutOfMemoryError; patchtrack ends itself on the"
                    + " out-of-memory errors it sees, but give the option too (JDK_JAVA_OPTIONS=-XX:+ExitOnOutOfMemoryError)");
        }
        // Maintainers paste Message-IDs with their angle brackets into curl, which sends them raw;
        // Quarkus would refuse such a request line with an empty 400 before the API could read it.
        if (System.getProperty("vertx.disableURIValidation") == null) {
            System.setProperty("vertx.disableURIValidation", "true");
        }
        if (args.length > 0 && !"serve".equals(args[0])) {
            // A command, not the service: no HTTP port, quiet logs, progress on the terminal instead.
            System.setProperty("quarkus.http.host-enabled", "false");
            // nor a lore sync: a command must not take a scheduled tick from the running service
            System.setProperty("quarkus.scheduler.enabled", "false");
            System.setProperty("quarkus.log.level", "WARN");
            System.setProperty("quarkus.log.category.\"org.flywaydb\".level", "ERROR");
        }
        Quarkus.run(PatchtrackMain.class, args);
    }

    @Inject
    ImportService importer;

    @Inject
    SeriesRebuilder rebuilder;

    @Inject
    ArticleClassifier articleClassifier;

    @Inject
    TreeService trees;

    @Inject
    AuditService audit;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Override
    public int run(String... args) {
        if (args.length == 0 || "serve".equals(args[0])) {
            Quarkus.waitForExit();
            return 0;
        }
        try {
            return command(args);
        } catch (RuntimeException | Error e) {
            Fatal.exitIfOutOfMemory(e);
            throw e;
        }
    }

    /** {@code backup FILE} or {@code restore FILE}, for the embedded H2 database. */
    static int backupCommand(List<String> args, PrintStream out, PrintStream err) {
        String command = args.get(0);
        if (args.size() != 2 || args.get(1).startsWith("-")) {
            err.print(command + ": give one file\n" + USAGE);
            return 2;
        }
        Path file = Path.of(args.get(1));
        long t0 = System.nanoTime();
        try {
            EmbeddedBackup.Result r = command.equals("backup") ? EmbeddedBackup.backup(file) : EmbeddedBackup.restore(file);
            double secs = (System.nanoTime() - t0) / 1e9;
            if (command.equals("backup")) {
                out.printf("backup: %,d messages (schema version %s) written to %s (%,d bytes) in %.1f s%n", r.messages(),
                        r.schema(), r.file(), r.bytes(), secs);
            } else {
                out.printf("restore: %,d messages (schema version %s) from %s are now %s%s (%.1f s)%n", r.messages(), r.schema(),
                        file.toAbsolutePath(), r.file(), r.kept() == null ? "" : "; the file it replaced is kept as " + r.kept(), secs);
            }
            return 0;
        } catch (EmbeddedBackup.Refused e) {
            err.println(command + ": " + e.getMessage());
            return 2;
        } catch (java.sql.SQLException | IOException | RuntimeException e) {
            err.println(command + ": failed: " + e.getMessage());
            return 1;
        }
    }

    private int command(String... args) {
        return switch (args[0]) {
            case "import" -> importCommand(List.of(args).subList(1, args.length), System.out, System.err);
            case "reclassify" -> {
                System.err.println("reclassifying all series from the stored mail...");
                SeriesRebuilder.Summary s = rebuilder.rebuild();
                System.out.printf("reclassified %,d series (%,d revisions) from %,d messages in %.1f s; %,d series and"
                                + " %,d revisions changed, %,d events%n", s.series(), s.revisions(), s.messages(),
                        s.millis() / 1000.0, s.seriesWritten(), s.revisionsWritten(), s.events());
                System.out.printf("reclassified %,d LWN articles%n", articleClassifier.reclassifyAll());
                yield 0;
            }
            case "audit" -> auditCommand(List.of(args).subList(1, args.length), System.out, System.err);
            case "trees" -> treesCommand(List.of(args).subList(1, args.length), System.out, System.err);
            case "help", "--help", "-h" -> {
                System.out.print(USAGE);
                yield 0;
            }
            default -> {
                System.err.print("unknown command: " + args[0] + "\n" + USAGE);
                yield 2;
            }
        };
    }

    /** {@code audit [--kind K]... [--json]}: the counts per kind, then the findings (of the kinds given). */
    public int auditCommand(List<String> args, PrintStream out, PrintStream err) {
        java.util.Set<AuditKind> kinds = java.util.EnumSet.noneOf(AuditKind.class);
        boolean asJson = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            if (a.equals("--json")) {
                asJson = true;
            } else if (a.equals("--kind") && i + 1 < args.size()) {
                value = args.get(++i);
            } else if (a.startsWith("--kind=")) {
                value = a.substring("--kind=".length());
            } else {
                err.print("audit: unknown argument: " + a + "\n" + USAGE);
                return 2;
            }
            if (value != null) {
                for (String v : value.split(",")) {
                    if (v.isBlank()) {
                        continue;
                    }
                    java.util.Optional<AuditKind> k = AuditKind.fromWire(v);
                    if (k.isEmpty()) {
                        err.println("audit: unknown kind '" + v.strip() + "'; kinds are " + String.join(", ", AuditKind.wireNames()));
                        return 2;
                    }
                    kinds.add(k.get());
                }
            }
        }
        AuditService.Report r = audit.run(kinds);
        if (asJson) {
            java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
            java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            r.counts().forEach((k, n) -> counts.put(k.wireName(), n));
            doc.put("counts", counts);
            List<Object> findings = new ArrayList<>();
            for (AuditFinding f : r.findings()) {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("kind", f.kind().wireName());
                m.put("seriesId", f.seriesId());
                m.put("revisionId", f.revisionId());
                m.put("summary", f.summary());
                m.put("messageIds", f.messageIds());
                findings.add(m);
            }
            doc.put("findings", findings);
            try {
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.print(AuditText.render(r.counts(), r.findings(), 100, null));
        }
        return 0;
    }

    int treesCommand(List<String> names, PrintStream out, PrintStream err) {
        List<String> todo = names.isEmpty() ? List.copyOf(trees.configured().keySet()) : names;
        if (todo.isEmpty()) {
            err.println("trees: no tree is configured (patchtrack.trees.<name>.url)");
            return 2;
        }
        int status = 0;
        for (String name : todo) {
            if (!trees.configured().containsKey(name)) {
                err.println("trees: no tree '" + name + "' is configured; configured: " + trees.configured().keySet());
                status = 2;
                continue;
            }
            err.println("scanning " + name + "...");
            TreeService.Scan s = trees.scan(name);
            if (s.error() != null) {
                err.println("trees: " + name + ": " + s.error());
                status = Math.max(status, 1);
                continue;
            }
            out.printf("%s: %,d commits read, %,d new, %,d first tags set, %,d patch matches changed%s; Rust state of %,d"
                    + " releases read in %.1f s%n", name, s.walked(), s.added(), s.tagged(), s.matchesChanged(),
                    s.rebuilt() ? "; series rebuilt" : "", s.releasesRead(), s.millis() / 1000.0);
        }
        return status;
    }

    int importCommand(List<String> args, PrintStream out, PrintStream err) {
        String list = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--list") && i + 1 < args.size()) {
                list = args.get(++i);
            } else if (a.startsWith("--list=")) {
                list = a.substring("--list=".length());
            } else if (a.startsWith("--") ) {
                err.print("unknown option: " + a + "\n" + USAGE);
                return 2;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            err.print("import: no file given\n" + USAGE);
            return 2;
        }
        if (list != null && !ImportService.validListName(list)) {
            err.println("import: not a list name: " + list);
            return 2;
        }
        int status = 0;
        for (String file : files) {
            try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
                long size = file.equals("-") ? -1 : Files.size(Path.of(file));
                ProgressBar bar = new ProgressBar(err, file, size);
                ImportSummary s = importer.importStream(in, list, bar);
                bar.done();
                out.println(SummaryText.render(file, s));
            } catch (IOException e) {
                err.println("import: " + file + ": " + e.getMessage());
                status = 1;
            } catch (RuntimeException e) {
                // what was stored before stays; the same import again goes on from there
                err.println("import: " + file + ": storing failed" + (StoreFailure.diskFull(e)
                        ? ": the database's disk is full" : "") + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    /** A one-line progress bar, redrawn at most four times a second. */
    static final class ProgressBar implements ImportService.Progress {
        private final PrintStream err;
        private final String name;
        private final long size;
        private final long start = System.nanoTime();
        private long lastDraw;
        private long lastBytes;
        private int lastMessages;

        ProgressBar(PrintStream err, String name, long size) {
            this.err = err;
            this.name = name;
            this.size = size;
        }

        @Override
        public void update(long bytesRead, int messagesRead) {
            lastBytes = bytesRead;
            lastMessages = messagesRead;
            long now = System.nanoTime();
            if (now - lastDraw < 250_000_000L) {
                return;
            }
            draw(now);
        }

        private void draw(long now) {
            lastDraw = now;
            long bytesRead = lastBytes;
            int messagesRead = lastMessages;
            double secs = Math.max(1e-3, (now - start) / 1e9);
            String rate = String.format("%,d messages, %.0f msg/s", messagesRead, messagesRead / secs);
            if (size > 0) {
                int pct = (int) Math.min(100, bytesRead * 100 / size);
                int filled = pct / 4;
                err.printf("\r%s [%s%s] %3d%% %s", name, "#".repeat(filled), " ".repeat(25 - filled), pct, rate);
            } else {
                err.printf("\r%s %s", name, rate);
            }
            err.flush();
        }

        void done() {
            if (lastDraw != 0) {
                draw(System.nanoTime());
                err.println();
            }
        }
    }
}
