package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the jar answers before the service starts, and what it leaves to the service. */
class AnswerBeforeStartTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int answer(String... args) {
        out.reset();
        err.reset();
        return PatchtrackMain.answerBeforeStart(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theServiceAndWellFormedCommandsStart(@TempDir Path dir) throws IOException {
        Path mbox = Files.writeString(dir.resolve("a.mbox"), "From x\n");
        assertThat(answer()).isEqualTo(PatchtrackMain.NEEDS_SERVICE);
        assertThat(answer("serve")).isEqualTo(PatchtrackMain.NEEDS_SERVICE);
        assertThat(answer("import", "--list", "linux-pci", mbox.toString(), "-")).isEqualTo(PatchtrackMain.NEEDS_SERVICE);
        assertThat(answer("import", "--list=linux-pci", mbox.toString())).isEqualTo(PatchtrackMain.NEEDS_SERVICE);
        assertThat(answer("reclassify")).isEqualTo(PatchtrackMain.NEEDS_SERVICE);
        assertThat(answer("trees", "any/name")).as("tree names are the configuration's, read once started")
                .isEqualTo(PatchtrackMain.NEEDS_SERVICE);
        assertThat(answer("audit", "--kind", "duplicate-message-id", "--json")).isEqualTo(PatchtrackMain.NEEDS_SERVICE);
        assertThat(out() + err()).isEmpty();
    }

    @Test
    void helpIsAnsweredOnStandardOutput() {
        for (String help : List.of("help", "--help", "-h")) {
            assertThat(answer(help)).isZero();
            assertThat(out()).startsWith("usage: java -jar quarkus-run.jar [serve]").contains("import [--list NAME] FILE...");
            assertThat(err()).isEmpty();
        }
    }

    @Test
    void usageErrorsExitTwoAndSayWhatIsWrong() {
        assertThat(answer("frobnicate")).isEqualTo(2);
        assertThat(err()).startsWith("unknown command: frobnicate\n").contains("usage:");
        assertThat(answer("import")).isEqualTo(2);
        assertThat(err()).startsWith("import: no file given");
        assertThat(answer("import", "--lst", "linux-pci", "a.mbox")).isEqualTo(2);
        assertThat(err()).startsWith("unknown option: --lst");
        assertThat(answer("import", "--list", "not a list", "a.mbox")).isEqualTo(2);
        assertThat(err()).isEqualTo("import: not a list name: not a list\n");
        assertThat(answer("audit", "--kind=typo")).isEqualTo(2);
        assertThat(err()).startsWith("audit: unknown kind 'typo'; kinds are ").contains("duplicate-message-id");
        assertThat(answer("audit", "--verbose")).isEqualTo(2);
        assertThat(err()).startsWith("audit: unknown argument: --verbose");
        assertThat(out()).isEmpty();
    }

    @Test
    void aFileThatIsNotThereStopsTheImportBeforeAnythingIsRead(@TempDir Path dir) throws IOException {
        Path here = Files.writeString(dir.resolve("here.mbox"), "From x\n");
        Path gone = dir.resolve("gone.mbox");
        assertThat(answer("import", here.toString(), gone.toString())).isEqualTo(1);
        assertThat(err()).isEqualTo("import: " + gone + ": no such file; nothing was imported\n");
        assertThat(answer("import", dir.toString())).isEqualTo(1);
        assertThat(err()).isEqualTo("import: " + dir + ": not a readable file; nothing was imported\n");
    }
}
