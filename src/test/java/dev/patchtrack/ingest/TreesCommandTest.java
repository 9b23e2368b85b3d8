package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.api.TreesTest;
import dev.patchtrack.ingest.ImportCommandTest.Run;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.GitTree;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** {@code trees}: scan the configured git trees from the command line. */
@QuarkusTest
class TreesCommandTest {

    @Inject
    PatchtrackMain main;

    @Inject
    Database database;

    @Test
    void scansNamedOrAllTreesAndSaysWhatIsWrong() {
        database.clear();
        try (GitTree g = TreesTest.firstRelease()) {
            Run one = ImportCommandTest.run(main, "trees", "test/linux");
            assertThat(one.exitCode()).as(one.errorOutput()).isZero();
            assertThat(one.output()).contains("test/linux: 3 commits read, 3 new, 0 first tags set")
                    .contains("; Rust state of 1 releases read in "); // v6.1-rc1

            Run all = ImportCommandTest.run(main, "trees");
            assertThat(all.exitCode()).as("a tree that cannot be read fails the command").isEqualTo(1);
            assertThat(all.output()).as("the second scan finds the first one's commits").contains("test/linux: 0 commits read, 0 new");
            assertThat(all.errorOutput()).contains("trees: test/missing: patchtrack.trees.test/missing.url:")
                    .contains("trees: test/remote: patchtrack.trees.test/remote.url: https://git.example.org/pub/linux.git is not")
                    .contains("does not exist");

            Run unknown = ImportCommandTest.run(main, "trees", "nope");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.errorOutput()).contains("no tree 'nope' is configured");
        }
    }
}
