package dev.patchtrack.bench;

import dev.patchtrack.core.tree.TreeCommit;
import dev.patchtrack.ingest.tree.TreeWalker;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Tree scanning without the database, on one thread: every commit of {@code master} read with its
 * stable patch-id (a Myers diff against its parent), subject, author and Link: trailers, then the first
 * release tag of every commit. A warm-up pass first. Then a sample of patch-ids is compared with
 * {@code git patch-id --stable}. Run by bench/trees.sh; never part of the tests.
 */
public final class TreeScanBenchmark {

    private TreeScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TreeScanBenchmark GIT_DIR [passes]");
            System.exit(2);
        }
        File dir = new File(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir).setMustExist(true).build()) {
            List<TreeCommit> all = new ArrayList<>();
            for (int pass = 0; pass <= passes; pass++) {
                List<TreeCommit> got = new ArrayList<>();
                long t0 = System.nanoTime();
                TreeWalker.Result r;
                try (TreeWalker w = new TreeWalker("bench", repo)) {
                    r = w.scan(List.of("master"), "v*", null, Map.of(), Map.of(), got::addAll);
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                long tagged = got.stream().filter(c -> c.firstTag() != null).count();
                long linked = got.stream().filter(c -> !c.links().isEmpty()).count();
                System.out.printf("%s: %,d commits (%,d with a first tag among %d tags, %,d with Link:) in %.2f s:"
                                + " %,.0f commits/s%n", pass == 0 ? "warm-up" : "pass " + pass, got.size(), tagged,
                        r.tags().size(), linked, secs, got.size() / secs);
                all = got;
            }
            try (TreeWalker w = new TreeWalker("bench", repo)) {
                long t0 = System.nanoTime();
                Map<String, String> tags = w.tags("v*");
                int n = w.firstTags(tags, Map.of()).values().stream().mapToInt(List::size).sum();
                System.out.printf("first tags alone: %d tags, %,d commits in %.2f s%n", tags.size(), n,
                        (System.nanoTime() - t0) / 1e9);
            }
            int agree = 0;
            int sample = Math.min(50, all.size());
            for (int i = 0; i < sample; i++) {
                TreeCommit c = all.get(i * all.size() / sample);
                if (c.patchId() != null && c.patchId().equals(gitPatchId(dir, c.sha()))) {
                    agree++;
                }
            }
            System.out.printf("patch-ids equal to git patch-id --stable: %d of %d sampled%n", agree, sample);
        }
    }

    private static String gitPatchId(File gitDir, String sha) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "git --git-dir=\"$0\" show " + sha + " | git patch-id --stable",
                gitDir.getAbsolutePath()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out.isEmpty() ? null : out.split(" ")[0];
    }
}
