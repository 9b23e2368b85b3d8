package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The command-line import and reclassify, run as the jar's entry point runs them once the service has
 * started (the packaged jar's own start is EmbeddedStoreIT's): one command, a progress bar, a summary,
 * and the same file twice changes nothing.
 */
@QuarkusTest
class ImportCommandTest {

    private static final Pattern SUMMARY =
            Pattern.compile("(\\d+) read, (\\d+) stored, (\\d+) duplicates, (\\d+) unparseable, (\\d+) problems");

    @Inject
    PatchtrackMain main;

    @Inject
    Database database;

    /** A command's exit status and what it printed. */
    record Run(int exitCode, String output, String errorOutput) {
    }

    static Run run(PatchtrackMain main, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = main.command(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importsAnMboxGzAndReportsDuplicatesTheSecondTime() throws IOException {
        database.clear();
        Path mbox = Corpus.generate(3, 99).mbox();
        Path gz = Path.of("target", "corpus", "cli-3-99.mbox.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(mbox));
        }
        int messages = Corpus.generate(3, 99).truth().size();

        Run run = run(main, "import", "--list", "rust-for-linux", gz.toString(), gz.toString());
        assertThat(run.exitCode()).as(run.errorOutput()).isZero();
        Matcher m = SUMMARY.matcher(run.output());
        assertThat(m.find()).as(run.output()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(messages);
        assertThat(Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3))).isEqualTo(messages);
        assertThat(Integer.parseInt(m.group(2))).isPositive();
        assertThat(run.output()).contains("series:");

        assertThat(m.find()).as("a summary for the second file").isTrue();
        assertThat(m.group(2)).isEqualTo("0");
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(messages);
        assertThat(run.errorOutput()).as("the progress bar").contains("100%");
    }

    @Test
    void reclassifyAndBadUsage() {
        Run none = run(main, "import");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.errorOutput()).contains("no file given");

        Run missing = run(main, "import", "target/does-not-exist.mbox");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errorOutput()).contains("does-not-exist.mbox: no such file");

        Run reclassify = run(main, "reclassify");
        assertThat(reclassify.exitCode()).as(reclassify.errorOutput()).isZero();
        assertThat(reclassify.output()).containsPattern("reclassified \\d+ series");

        Run unknown = run(main, "frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errorOutput()).contains("unknown command");
    }
}
