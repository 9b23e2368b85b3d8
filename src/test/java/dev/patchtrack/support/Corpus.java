package dev.patchtrack.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The shared mail corpora beside the checkout: Patchwork's test mail, read in place from
 * ../shared/corpus/patchwork, and generated corpora (../shared/tools/gen-mbox.py run into target/, with its
 * truth file).
 */
public final class Corpus {

    public static final Path SHARED = Path.of("..", "shared").toAbsolutePath().normalize();

    /** Patchwork's parser test data: mail/, fuzz/, series/ and patches/ (see corpus/README.md there). */
    public static final Path PATCHWORK = SHARED.resolve("corpus/patchwork");

    private Corpus() {
    }

    /**
     * {@code ../shared/corpus/patchwork/<path>}, a file or a directory. Fails, saying where it looked, if the
     * shared corpus is not beside the checkout or lacks the file: these tests have no copy to fall back on.
     */
    public static Path patchwork(String path) {
        if (!Files.isDirectory(PATCHWORK)) {
            throw new IllegalStateException("the shared corpus is missing: no directory " + PATCHWORK
                    + " (tests read Patchwork's mail in place from ../shared/corpus/patchwork beside the checkout)");
        }
        Path file = PATCHWORK.resolve(path);
        if (!Files.exists(file)) {
            throw new IllegalStateException("the shared corpus has no " + path + " (looked for " + file + ")");
        }
        return file;
    }

    /** The bytes of {@code ../shared/corpus/patchwork/<path>}. */
    public static byte[] patchworkBytes(String path) {
        try {
            return Files.readAllBytes(patchwork(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in {@code ../shared/corpus/patchwork/<dir>}, sorted. */
    public static List<String> patchworkFiles(String dir) {
        try (Stream<Path> files = Files.list(patchwork(dir))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An mbox and its truth rows. */
    public record Generated(Path mbox, List<JsonNode> truth) {

        /**
         * How many messages the corpus stores: one per truth row, except a row that reuses an earlier
         * row's Message-ID (gen-mbox's dup-message-id), which is a duplicate of it, not a message.
         */
        public int messages() {
            Set<String> ids = new HashSet<>();
            int n = 0;
            for (JsonNode r : truth) {
                JsonNode mid = r.get("mid");
                if (mid == null || mid.isNull() || ids.add(mid.asText())) {
                    n++;
                }
            }
            return n;
        }
    }

    /** {@code gen-mbox.py COUNT SEED OUT --fixture --truth TRUTH}, cached under target/corpus. */
    public static Generated fixture(int count, int seed) {
        return generate(count, seed, "--fixture");
    }

    public static Generated generate(int count, int seed, String... extra) {
        try {
            Path dir = Path.of("target", "corpus").toAbsolutePath();
            Files.createDirectories(dir);
            String name = "gen-" + count + "-" + seed + String.join("", extra).replace("-", "_");
            Path mbox = dir.resolve(name + ".mbox");
            Path truth = dir.resolve(name + ".truth");
            if (!Files.exists(mbox) || !Files.exists(truth)) {
                List<String> cmd = new ArrayList<>(List.of("python3", SHARED.resolve("tools/gen-mbox.py").toString(),
                        String.valueOf(count), String.valueOf(seed), mbox.toString(), "--truth", truth.toString()));
                cmd.addAll(List.of(extra));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("gen-mbox failed: " + out);
                }
            }
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> rows = new ArrayList<>();
            for (String line : Files.readAllLines(truth)) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
            return new Generated(mbox, rows);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
