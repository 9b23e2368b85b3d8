package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.ParsedMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stable patch-id against what {@code git patch-id --stable} prints for the same text. */
public class PatchIdTest {

    @TempDir
    Path tmp;

    /** git's answer for {@code input}: the patch-id, or null when git prints none. */
    public static String gitPatchId(Path cwd, String input) {
        try {
            Process p = new ProcessBuilder("git", "patch-id", "--stable").directory(cwd.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (var out = p.getOutputStream()) {
                out.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor()).isZero();
            return text.isEmpty() ? null : text.split(" ")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=A U Thor", "-c", "user.email=author@example.org",
                "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0003-git-pull-request-with-diff.mbox", "0008-git-rename.mbox",
            "0009-git-rename-with-diff.mbox", "0011-no-newline-at-end-of-file.mbox", "0021-git-empty-new-file.mbox",
            "0022-git-mode-change.mbox", "0025-git-add-binary-file.mbox", "0026-git-add-mixed-binary-text-files.mbox",
            "0027-git-modify-binary-file.mbox", "0013-with-utf8-body.mbox", "0007-cvs-format-diff.mbox"})
    void mailFixturesAgreeWithGit(String fixture) {
        ParsedMail m = TestMail.fixtureMail(fixture);
        assertThat(PatchId.of(m.body())).as(fixture).isEqualTo(gitPatchId(tmp, m.body()));
    }

    @Test
    void commitsOfARealRepositoryAgreeWithGitAndDoNotDependOnLineNumbersOrFileOrder() throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        git(repo, "init", "-q", "-b", "master");
        Files.writeString(repo.resolve("a.c"), lines("int a%d;\n", 40));
        Files.writeString(repo.resolve("b.rs"), lines("fn b%d() {}\n", 30));
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "base");
        // several hunks in two files, a new file without a final newline, a deletion, a rename, a mode change
        Files.writeString(repo.resolve("a.c"), lines("int a%d;\n", 40).replace("int a3;", "long a3;")
                .replace("int a30;", "int  a30; /* spaced */"));
        Files.writeString(repo.resolve("b.rs"), "// head\n" + lines("fn b%d() {}\n", 30));
        Files.writeString(repo.resolve("c.txt"), "no newline at the end");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "change things");
        git(repo, "rm", "-q", "b.rs");
        git(repo, "mv", "a.c", "renamed.c");
        Files.writeString(repo.resolve("renamed.c"), Files.readString(repo.resolve("renamed.c")) + "int tail;\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "rename and delete");
        git(repo, "update-index", "--chmod=+x", "c.txt");
        git(repo, "commit", "-q", "-m", "mode only");
        for (String rev : List.of("HEAD~2", "HEAD~1", "HEAD")) {
            String patch = git(repo, "format-patch", "-1", "--stdout", rev);
            String expected = gitPatchId(repo, patch);
            assertThat(expected).as(rev).isNotNull();
            assertThat(PatchId.of(patch)).as(rev + "\n" + patch).isEqualTo(expected);
            String show = git(repo, "show", "--format=commit %H%n%n    %s", rev);
            assertThat(PatchId.of(show)).as("git show of " + rev).isEqualTo(expected);
        }
        // the mode-only commit: git prints an id too
        String modeOnly = git(repo, "format-patch", "-1", "--stdout", "HEAD");
        assertThat(PatchId.of(modeOnly)).isEqualTo(gitPatchId(repo, modeOnly));

        String patch = git(repo, "format-patch", "-1", "--stdout", "HEAD~2");
        String shifted = patch.replace("@@ -1,", "@@ -101,").replace("+1,", "+101,");
        assertThat(PatchId.of(shifted)).as("line numbers do not count").isEqualTo(PatchId.of(patch));
        String[] files = patch.substring(0, patch.lastIndexOf("\n-- \n") + 1).split("(?m)(?=^diff --git )");
        String reordered = files[0] + Stream.of(files).skip(1).sorted((x, y) -> y.compareTo(x)).reduce("", String::concat);
        assertThat(reordered).isNotEqualTo(patch);
        assertThat(PatchId.of(reordered)).as("file order does not count").isEqualTo(PatchId.of(patch));
        assertThat(PatchId.of(patch.replace("long a3;", "long a4;"))).as("content does").isNotEqualTo(PatchId.of(patch));
    }

    @Test
    void textWithoutAGitDiffHasNone() {
        assertThat(PatchId.of("Hello,\n\nthanks for the review.\n")).isNull();
        assertThat(PatchId.of((String) null)).isNull();
        String sig = "diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n-- \n2.39.5\n";
        assertThat(PatchId.of(sig)).as("the signature is not part of the patch")
                .isEqualTo(PatchId.of(sig.substring(0, sig.indexOf("-- \n"))))
                .isEqualTo(gitPatchId(tmp, sig));
    }

    @Test
    void nonAsciiAndLongLinesAgreeWithGit() {
        String longLine = "x".repeat(300) + " \t " + "y".repeat(300);
        String diff = "diff --git a/n.txt b/n.txt\nindex 1111111..2222222 100644\n--- a/n.txt\n+++ b/n.txt\n"
                + "@@ -1,4 +1,5 @@\n ascii\n-caf\u00e9 na\u00efve\n+caf\u00e9  na\u00efve \u2014 \uD83E\uDD80\n"
                + "+" + longLine + "\n \t tabs\r\n-" + "\u00fc".repeat(400) + "\n ende\n";
        assertThat(PatchId.of(diff)).isNotNull().isEqualTo(gitPatchId(tmp, diff));
        assertThat(PatchId.of(diff.replace("\u00e9  na", "\u00e9 na"))).as("white space does not count")
                .isEqualTo(PatchId.of(diff));
        assertThat(PatchId.of(diff.replace("\uD83E\uDD80", "\uD83E\uDD81"))).as("every character counts")
                .isNotEqualTo(PatchId.of(diff));
    }

    private static String lines(String format, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(String.format(format, i));
        }
        return b.toString();
    }
}
