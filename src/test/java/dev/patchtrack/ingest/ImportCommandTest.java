package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Corpus;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The command-line import: one command, a progress bar, a summary, and the same file twice changes nothing. */
@QuarkusMainTest
class ImportCommandTest {

    private static final Pattern SUMMARY =
            Pattern.compile("(\\d+) read, (\\d+) stored, (\\d+) duplicates, (\\d+) unparseable, (\\d+) problems");

    @Test
    void importsAnMboxGzAndReportsDuplicatesTheSecondTime(QuarkusMainLauncher launcher) throws IOException {
        Path mbox = Corpus.generate(3, 99).mbox();
        Path gz = Path.of("target", "corpus", "cli-3-99.mbox.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(mbox));
        }
        int messages = Corpus.generate(3, 99).truth().size();

        // One launch, the same file twice: each launch may start from a fresh database.
        LaunchResult run = launcher.launch("import", "--list", "rust-for-linux", gz.toString(), gz.toString());
        assertThat(run.exitCode()).as(run.getErrorOutput()).isZero();
        Matcher m = SUMMARY.matcher(run.getOutput());
        assertThat(m.find()).as(run.getOutput()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(messages);
        assertThat(Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3))).isEqualTo(messages);
        assertThat(Integer.parseInt(m.group(2))).isPositive();
        assertThat(run.getOutput()).contains("series:");

        assertThat(m.find()).as("a summary for the second file").isTrue();
        assertThat(m.group(2)).isEqualTo("0");
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(messages);
        assertThat(run.getErrorOutput()).as("the progress bar").contains("100%");
    }

    @Test
    void reclassifyAndBadUsage(QuarkusMainLauncher launcher) {
        LaunchResult none = launcher.launch("import");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.getErrorOutput()).contains("no file given");

        LaunchResult missing = launcher.launch("import", "target/does-not-exist.mbox");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.getErrorOutput()).contains("does-not-exist.mbox");

        LaunchResult reclassify = launcher.launch("reclassify");
        assertThat(reclassify.exitCode()).isZero();
        assertThat(reclassify.getOutput()).containsPattern("reclassified \\d+ series");

        LaunchResult unknown = launcher.launch("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.getErrorOutput()).contains("unknown command");
    }
}
