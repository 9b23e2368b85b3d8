package dev.patchtrack.ingest.tree;

import static dev.patchtrack.core.patch.PatchIdTest.git;
import static dev.patchtrack.core.patch.PatchIdTest.gitPatchId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.tree.TreeCommit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JGit side of tree scanning against the git command line on a real repository. */
class TreeWalkerTest {

    @TempDir
    Path dir;

    @Test
    void patchIdsOfCommitsAreGitsAndTagsAreWalkedInVersionOrder() throws IOException {
        git(dir, "init", "-q", "-b", "master");
        write("rust/kernel/lib.rs", "//! The kernel crate.\n" + "pub mod a;\n".repeat(3));
        commit("rust: add the kernel crate");
        git(dir, "tag", "v6.0");
        write("rust/kernel/lib.rs", "//! The kernel crate.\npub mod a;\npub mod b;\npub mod a;\n");
        write("drivers/block/rnull.rs", "// SPDX-License-Identifier: GPL-2.0\nfn main() {}\n");
        commit("rust: block: add rnull\n\nLink: https://lore.kernel.org/r/rnull-1@example.com");
        git(dir, "tag", "-a", "-m", "Linux 6.1-rc1", "v6.1-rc1");
        git(dir, "mv", "drivers/block/rnull.rs", "drivers/block/rnull2.rs");
        commit("rust: block: rename rnull");
        git(dir, "checkout", "-q", "-b", "side", "HEAD~1");
        write("side.txt", "side\n");
        commit("side work");
        git(dir, "checkout", "-q", "master");
        git(dir, "merge", "-q", "--no-ff", "-m", "Merge side", "side");
        git(dir, "tag", "v6.1");
        git(dir, "tag", "not-a-release");

        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).build();
             TreeWalker w = new TreeWalker("test", repo)) {
            List<TreeCommit> seen = new ArrayList<>();
            TreeWalker.Result r = w.scan(List.of("master"), "v*", null, Map.of(), Map.of(), seen::addAll);
            assertThat(r.tags().keySet()).containsExactly("v6.0", "v6.1-rc1", "v6.1");
            assertThat(seen).extracting(TreeCommit::subject).containsExactlyInAnyOrder("rust: add the kernel crate",
                    "rust: block: add rnull", "rust: block: rename rnull", "side work");
            for (TreeCommit c : seen) {
                String expected = gitPatchId(dir, git(dir, "show", c.sha()));
                assertThat(c.patchId()).as(c.subject()).isNotNull().isEqualTo(expected);
            }
            assertThat(seen).filteredOn(c -> c.subject().equals("rust: block: add rnull"))
                    .singleElement().satisfies(c -> {
                        assertThat(c.links()).containsExactly("rnull-1@example.com");
                        assertThat(c.firstTag()).isEqualTo("v6.1-rc1");
                        assertThat(c.authorEmail()).isEqualTo("author@example.org");
                    });
            assertThat(seen).filteredOn(c -> c.subject().startsWith("rust: block: rename")).singleElement()
                    .extracting(TreeCommit::firstTag).isEqualTo("v6.1");
            assertThat(seen).filteredOn(c -> c.subject().equals("rust: add the kernel crate")).singleElement()
                    .extracting(TreeCommit::firstTag).isEqualTo("v6.0");
            assertThat(r.firstTags().get("v6.1")).as("the merge is v6.1's too").hasSize(3);

            // nothing changed: nothing walked again
            List<TreeCommit> again = new ArrayList<>();
            TreeWalker.Result r2 = w.scan(List.of("master"), "v*", null, r.tips(), r.tags(), again::addAll);
            assertThat(again).isEmpty();
            assertThat(r2.firstTags()).isEmpty();
            assertThat(r2.walked()).isZero();
        }
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text);
    }

    private void commit(String message) {
        git(dir, "add", "-A");
        git(dir, "commit", "-q", "-m", message);
    }
}
