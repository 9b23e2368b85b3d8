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
        // help, an unknown command, bad arguments and missing files are answered at once, not after a start
        int answered = answerBeforeStart(List.of(args), System.out, System.err);
        if (answered != NEEDS_SERVICE) {
            System.exit(answered);
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
            return command(List.of(args), System.out, System.err);
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

    /** {@link #answerBeforeStart}'s answer when the command needs the service. */
    static final int NEEDS_SERVICE = -1;

    /**
     * What a command line can be told before the service starts: help, an unknown command, bad
     * arguments, files that are not there. The exit status, or {@link #NEEDS_SERVICE}. {@code main}
     * asks it first, so a typo costs no start-up; {@link #command} asks it again, so the same rules hold
     * however the command is reached.
     */
    static int answerBeforeStart(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("serve")) {
            return NEEDS_SERVICE;
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                return 0;
            }
            case "import" -> {
                ImportArgs a = importArgs(rest, err);
                if (a == null) {
                    return 2;
                }
                for (String file : a.files()) {
                    String missing = file.equals("-") ? null : unreadable(file);
                    if (missing != null) {
                        err.println("import: " + file + ": " + missing + "; nothing was imported");
                        return 1;
                    }
                }
                return NEEDS_SERVICE;
            }
            case "audit" -> {
                return auditArgs(rest, err) == null ? 2 : NEEDS_SERVICE;
            }
            case "reclassify", "trees" -> {
                return NEEDS_SERVICE;
            }
            default -> {
                err.print("unknown command: " + args.get(0) + "\n" + USAGE);
                return 2;
            }
        }
    }

    /** Why a file given to {@code import} cannot be read, or null. */
    private static String unreadable(String file) {
        try {
            Path p = Path.of(file);
            if (!Files.exists(p)) {
                return "no such file";
            }
            return Files.isRegularFile(p) && Files.isReadable(p) ? null : "not a readable file";
        } catch (java.nio.file.InvalidPathException e) {
            return "not a file name";
        }
    }

    /**
     * A command with its arguments (not {@code serve}, {@code backup} or {@code restore}), in this
     * process: what {@link #run} does after the start, and what tests call on the running service.
     */
    public int command(List<String> args, PrintStream out, PrintStream err) {
        int answered = answerBeforeStart(args, out, err);
        if (answered != NEEDS_SERVICE) {
            return answered;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "import" -> importCommand(importArgs(rest, err), out, err);
            case "reclassify" -> reclassifyCommand(out, err);
            case "audit" -> auditCommand(rest, out, err);
            case "trees" -> treesCommand(rest, out, err);
            default -> throw new IllegalArgumentException("not a command: " + args.get(0));
        };
    }

    private int reclassifyCommand(PrintStream out, PrintStream err) {
        err.println("reclassifying all series from the stored mail...");
        SeriesRebuilder.Summary s = rebuilder.rebuild();
        out.printf("reclassified %,d series (%,d revisions) from %,d messages in %.1f s; %,d series and"
                        + " %,d revisions changed, %,d events%n", s.series(), s.revisions(), s.messages(),
                s.millis() / 1000.0, s.seriesWritten(), s.revisionsWritten(), s.events());
        out.printf("reclassified %,d LWN articles%n", articleClassifier.reclassifyAll());
        return 0;
    }

    /** The arguments of {@code audit}: the kinds asked for (none: all) and whether as JSON. */
    record AuditArgs(java.util.Set<AuditKind> kinds, boolean json) {
    }

    /** {@code audit}'s arguments, or null after saying on {@code err} what is wrong with them. */
    static AuditArgs auditArgs(List<String> args, PrintStream err) {
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
                return null;
            }
            if (value != null) {
                for (String v : value.split(",")) {
                    if (v.isBlank()) {
                        continue;
                    }
                    java.util.Optional<AuditKind> k = AuditKind.fromWire(v);
                    if (k.isEmpty()) {
                        err.println("audit: unknown kind '" + v.strip() + "'; kinds are " + String.join(", ", AuditKind.wireNames()));
                        return null;
                    }
                    kinds.add(k.get());
                }
            }
        }
        return new AuditArgs(kinds, asJson);
    }

    /** {@code audit [--kind K]... [--json]}: the counts per kind, then the findings (of the kinds given). */
    public int auditCommand(List<String> args, PrintStream out, PrintStream err) {
        AuditArgs parsed = auditArgs(args, err);
        if (parsed == null) {
            return 2;
        }
        AuditService.Report r = audit.run(parsed.kinds());
        if (parsed.json()) {
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

    /** The arguments of {@code import}: the list (null: from the mail) and the files. */
    record ImportArgs(String list, List<String> files) {
    }

    /** {@code import}'s arguments, or null after saying on {@code err} what is wrong with them. */
    static ImportArgs importArgs(List<String> args, PrintStream err) {
        String list = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--list") && i + 1 < args.size()) {
                list = args.get(++i);
            } else if (a.startsWith("--list=")) {
                list = a.substring("--list=".length());
            } else if (a.startsWith("--")) {
                err.print("unknown option: " + a + "\n" + USAGE);
                return null;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            err.print("import: no file given\n" + USAGE);
            return null;
        }
        if (list != null && !ImportService.validListName(list)) {
            err.println("import: not a list name: " + list);
            return null;
        }
        return new ImportArgs(list, List.copyOf(files));
    }

    private int importCommand(ImportArgs args, PrintStream out, PrintStream err) {
        String list = args.list();
        List<String> files = args.files();
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
