package dev.patchtrack.core.mail;

import dev.patchtrack.support.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test mail: the project's fixtures under fixtures/mail, Patchwork's under ../shared/corpus/patchwork, and the
 * generated kernel-mail corpus.
 */
final class Fixtures {

    /** The generator shipped next to the project (a fresh clone has ../shared beside it). */
    static final Path GEN_MBOX = Path.of("../shared/tools/gen-mbox.py");

    private static Path generated;

    private Fixtures() {
    }

    /** The project's own fixture {@code fixtures/mail/<name>} (src/test/resources). */
    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/mail/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Patchwork's {@code ../shared/corpus/patchwork/<path>}, read in place: {@code mail/0016-no-subject.mbox}. */
    static byte[] patchwork(String path) {
        return Corpus.patchworkBytes(path);
    }

    static List<MboxReader.MboxEntry> readAll(byte[] input, MailLimits limits) {
        try (MboxReader r = MboxReader.open(new java.io.ByteArrayInputStream(input), limits)) {
            List<MboxReader.MboxEntry> out = new ArrayList<>();
            MboxReader.MboxEntry e;
            while ((e = r.next()) != null) {
                out.add(e);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * {@code gen-mbox.py 30 7 --fixture} (about 640 messages, 10 deliberately malformed) with its truth
     * file, generated once into target/.
     */
    static synchronized Path generatedCorpus() throws IOException, InterruptedException {
        if (generated != null) {
            return generated;
        }
        assertThat(GEN_MBOX).as("the shared generator beside the project").exists();
        Path dir = Path.of("target", "gen-mbox");
        Files.createDirectories(dir);
        Path mbox = dir.resolve("corpus-30-7.mbox");
        Path truth = dir.resolve("corpus-30-7.truth.jsonl");
        Process p = new ProcessBuilder("python3", GEN_MBOX.toString(), "30", "7", mbox.toString(), "--fixture",
                "--truth", truth.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("gen-mbox finished").isTrue();
        assertThat(p.exitValue()).as("gen-mbox: " + out).isZero();
        generated = mbox;
        return mbox;
    }

    static Path generatedTruth() throws IOException, InterruptedException {
        Path mbox = generatedCorpus();
        return mbox.resolveSibling("corpus-30-7.truth.jsonl");
    }
}
