package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.api.TreesTest;
import dev.patchtrack.support.GitTree;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** {@code trees}: scan the configured git trees from the command line. */
@QuarkusMainTest
class TreesCommandTest {

    @Test
    void scansNamedOrAllTreesAndSaysWhatIsWrong(QuarkusMainLauncher launcher) {
        try (GitTree g = TreesTest.firstRelease()) {
            LaunchResult one = launcher.launch("trees", "test/linux");
            assertThat(one.exitCode()).as(one.getErrorOutput()).isZero();
            assertThat(one.getOutput()).contains("test/linux: 3 commits read, 3 new, 0 first tags set")
                    .contains("; Rust state of 1 releases read in "); // v6.1-rc1

            LaunchResult all = launcher.launch("trees");
            assertThat(all.exitCode()).as("a tree that cannot be read fails the command").isEqualTo(1);
            // a second launch may find the database of the first (then nothing is new) or a fresh one
            assertThat(all.getOutput()).containsPattern("test/linux: (0 commits read, 0 new|3 commits read, 3 new)");
            assertThat(all.getErrorOutput()).contains("trees: test/missing: patchtrack.trees.test/missing.url:")
                    .contains("trees: test/remote: patchtrack.trees.test/remote.url: https://git.example.org/pub/linux.git is not")
                    .contains("does not exist");

            LaunchResult unknown = launcher.launch("trees", "nope");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.getErrorOutput()).contains("no tree 'nope' is configured");
        }
    }
}
