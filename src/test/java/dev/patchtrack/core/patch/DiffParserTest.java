package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.patchtrack.core.model.DiffStat;
import dev.patchtrack.core.model.FileChange;
import dev.patchtrack.core.model.FileChange.Change;
import dev.patchtrack.core.model.ParsedMail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiffParserTest {

    private static DiffStat stat(String fixture) {
        ParsedMail m = TestMail.fixtureMail(fixture);
        return DiffParser.parse(m.body(), m.attachments());
    }

    @Test
    void cvsIndexDiffInAnAttachment() {
        ParsedMail m = TestMail.fixtureMail("0007-cvs-format-diff.mbox");
        assertThat(m.attachments()).hasSize(1);
        assertThat(DiffParser.parse(m.body())).as("the body alone has no diff").isNull();
        DiffStat d = DiffParser.parse(m.body(), m.attachments());
        assertThat(d.files()).extracting(FileChange::oldPath, FileChange::newPath, FileChange::change,
                FileChange::added, FileChange::removed).containsExactly(
                tuple("bfd/elf-bfd.h", "bfd/elf-bfd.h", Change.MODIFY, 2, 0),
                tuple("bfd/elflink.c", "bfd/elflink.c", Change.MODIFY, 3, 0),
                tuple("bfd/elfxx-mips.c", "bfd/elfxx-mips.c", Change.MODIFY, 1, 0));
        assertThat(d.insertions()).isEqualTo(6);
        assertThat(d.deletions()).isZero();
    }

    @Test
    void mimeBoundaryAfterTheLastHunkIsNotCounted() {
        // the whole raw MIME text, boundaries and part headers included
        String raw = TestMail.fixture("0007-cvs-format-diff.mbox");
        DiffStat d = DiffParser.parse(raw.substring(raw.indexOf("\n\n") + 2));
        assertThat(d.files()).hasSize(3);
        assertThat(d.insertions()).isEqualTo(6);
        assertThat(d.deletions()).isZero();
    }

    @Test
    void renamesWithoutHunks() {
        DiffStat d = stat("0008-git-rename.mbox");
        assertThat(d.files()).extracting(FileChange::change, FileChange::added, FileChange::removed)
                .containsExactly(tuple(Change.RENAME, 0, 0), tuple(Change.RENAME, 0, 0));
        assertThat(d.files().get(0).oldPath())
                .isEqualTo("package/rpi-userland/rpi-userland-add-pkgconfig-files.patch");
        assertThat(d.files().get(0).newPath())
                .isEqualTo("package/rpi-userland/rpi-userland-000-add-pkgconfig-files.patch");
        assertThat(d.files().get(1).newPath()).isEqualTo(
                "package/rpi-userland/rpi-userland-001-makefiles-cmake-vmcs.cmake-allow-to-override-VMCS_IN.patch");
    }

    @Test
    void renameWithAHunk() {
        DiffStat d = stat("0009-git-rename-with-diff.mbox");
        assertThat(d.files()).extracting(FileChange::change, FileChange::added, FileChange::removed)
                .containsExactly(tuple(Change.RENAME, 1, 1), tuple(Change.RENAME, 0, 0));
        assertThat(d.files().get(0).oldPath()).endsWith("rpi-userland-add-pkgconfig-files.patch");
        assertThat(d.insertions()).isEqualTo(1);
        assertThat(d.deletions()).isEqualTo(1);
    }

    @Test
    void quotedPrintableBodyWithAWrappedDiffLine() {
        DiffStat d = stat("0010-invalid-charset.mbox");
        assertThat(d.files()).extracting(FileChange::path, FileChange::change, FileChange::added, FileChange::removed)
                .containsExactly(tuple("sysdeps/x86_64/fpu/multiarch/e_pow.c", Change.MODIFY, 1, 0));
    }

    @Test
    void missingFinalNewlineAndNewSymlinks() {
        DiffStat d = stat("0011-no-newline-at-end-of-file.mbox");
        assertThat(d.files()).extracting(FileChange::oldPath, FileChange::newPath, FileChange::change,
                FileChange::added, FileChange::removed).containsExactly(
                tuple("tools/testing/selftests/powerpc/Makefile", "tools/testing/selftests/powerpc/Makefile",
                        Change.MODIFY, 1, 1),
                tuple(null, "tools/testing/selftests/powerpc/vphn/vphn.c", Change.ADD, 1, 0),
                tuple(null, "tools/testing/selftests/powerpc/vphn/vphn.h", Change.ADD, 1, 0));
        assertThat(d.insertions()).isEqualTo(3);
        assertThat(d.deletions()).isEqualTo(1);
    }

    @Test
    void emptyNewFile() {
        DiffStat d = stat("0021-git-empty-new-file.mbox");
        assertThat(d.files()).extracting(FileChange::oldPath, FileChange::newPath, FileChange::change,
                FileChange::added, FileChange::removed, FileChange::binary)
                .containsExactly(tuple(null, "banana", Change.ADD, 0, 0, false));
    }

    @Test
    void modeChange() {
        DiffStat d = stat("0022-git-mode-change.mbox");
        assertThat(d.files()).extracting(FileChange::path, FileChange::change, FileChange::added, FileChange::removed)
                .containsExactly(tuple("scripts/kconfig/nconf-cfg.sh", Change.MODE, 0, 0));
    }

    @Test
    void binaryNewFileWithoutPrefixes() {
        DiffStat d = stat("0025-git-add-binary-file.mbox");
        assertThat(d.files()).extracting(FileChange::oldPath, FileChange::newPath, FileChange::change,
                FileChange::binary, FileChange::added).containsExactly(tuple(null, "pixel.bmp", Change.ADD, true, 0));
    }

    @Test
    void binaryAndTextFiles() {
        DiffStat d = stat("0026-git-add-mixed-binary-text-files.mbox");
        assertThat(d.files()).extracting(FileChange::newPath, FileChange::change, FileChange::binary,
                FileChange::added, FileChange::removed).containsExactly(
                tuple("pixel.bmp", Change.ADD, true, 0, 0),
                tuple("quit.sh", Change.ADD, false, 3, 0));
        assertThat(d.insertions()).isEqualTo(3);
    }

    @Test
    void modifiedBinaryFile() {
        DiffStat d = stat("0027-git-modify-binary-file.mbox");
        assertThat(d.files()).extracting(FileChange::oldPath, FileChange::newPath, FileChange::change,
                FileChange::binary).containsExactly(tuple("pixel.bmp", "pixel.bmp", Change.MODIFY, true));
    }

    @Test
    void pullRequestWithDiffAndAListFooter() {
        // the fixture holds the first three files of the six its diffstat announces, then a mailman footer
        DiffStat d = stat("0003-git-pull-request-with-diff.mbox");
        assertThat(d.files()).extracting(FileChange::path, FileChange::added, FileChange::removed).containsExactly(
                tuple("arch/x86/include/asm/smp.h", 1, 4),
                tuple("arch/x86/kernel/acpi/sleep.c", 1, 1),
                tuple("arch/x86/kernel/cpu/mtrr/main.c", 9, 1));
        assertThat(d.insertions()).isEqualTo(11);
        assertThat(d.deletions()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0003-git-pull-request-with-diff.mbox", "0009-git-rename-with-diff.mbox",
        "0011-no-newline-at-end-of-file.mbox", "0022-git-mode-change.mbox", "0026-git-add-mixed-binary-text-files.mbox"})
    void agreesWithJGit(String fixture) {
        ParsedMail m = TestMail.fixtureMail(fixture);
        Patch p = new Patch();
        byte[] bytes = m.body().getBytes(StandardCharsets.UTF_8);
        p.parse(bytes, 0, bytes.length);
        List<String> jgit = new ArrayList<>();
        for (FileHeader fh : p.getFiles()) {
            int add = 0;
            int del = 0;
            for (HunkHeader h : fh.getHunks()) {
                add += h.getOldImage().getLinesAdded();
                del += h.getOldImage().getLinesDeleted();
            }
            jgit.add(fh.getChangeType() + " +" + add + " -" + del);
        }
        List<String> ours = new ArrayList<>();
        for (FileChange f : stat(fixture).files()) {
            String type = switch (f.change()) {
                case MODE -> "MODIFY";
                default -> f.change().name();
            };
            ours.add(type + " +" + f.added() + " -" + f.removed());
        }
        assertThat(ours).isEqualTo(jgit);
    }

    @Test
    void plainUnifiedDiffWithPrefixesAndTimestamps() {
        String text = """
                Here is the fix.

                diff -urN linux.orig/drivers/foo.c linux/drivers/foo.c
                --- linux.orig/drivers/foo.c\t2024-01-01 10:00:00.000000000 +0100
                +++ linux/drivers/foo.c\t2024-01-02 10:00:00.000000000 +0100
                @@ -1,3 +1,4 @@
                 a
                -b
                +c
                +d
                 e
                --- /dev/null
                +++ b/new.txt
                @@ -0,0 +1 @@
                +hello
                --- a/gone.txt
                +++ /dev/null
                @@ -1,2 +0,0 @@
                -x
                -y
                """;
        DiffStat d = DiffParser.parse(text);
        assertThat(d.files()).extracting(FileChange::oldPath, FileChange::newPath, FileChange::change,
                FileChange::added, FileChange::removed).containsExactly(
                tuple("drivers/foo.c", "drivers/foo.c", Change.MODIFY, 2, 1),
                tuple(null, "new.txt", Change.ADD, 1, 0),
                tuple("gone.txt", null, Change.DELETE, 0, 2));
        DiffParser.Scan scan = DiffParser.scan(Lines.split(text));
        assertThat(scan.firstLine()).as("the diff -urN preamble starts the diff").isEqualTo(2);
    }

    @Test
    void gitCopyDeleteAndQuotedNames() {
        String text = """
                diff --git a/lib/one.rs b/lib/two.rs
                similarity index 90%
                copy from lib/one.rs
                copy to lib/two.rs
                index 1111111..2222222 100644
                --- a/lib/one.rs
                +++ b/lib/two.rs
                @@ -1,2 +1,2 @@
                -fn one() {}
                +fn two() {}
                 // end
                diff --git a/old.c b/old.c
                deleted file mode 100644
                index 3333333..0000000
                --- a/old.c
                +++ /dev/null
                @@ -1,3 +0,0 @@
                -int a;
                -int b;
                -int c;
                diff --git "a/dir/with space \\303\\251.txt" "b/dir/with space \\303\\251.txt"
                index 4444444..5555555 100644
                --- "a/dir/with space \\303\\251.txt"
                +++ "b/dir/with space \\303\\251.txt"
                @@ -1 +1 @@
                -x
                +y
                diff --git a/a b/a b b/a b/a b
                index 6666666..7777777 100644
                Binary files a/a b/a b and b/a b/a b differ
                """;
        DiffStat d = DiffParser.parse(text);
        assertThat(d.files()).extracting(FileChange::oldPath, FileChange::newPath, FileChange::change,
                FileChange::added, FileChange::removed, FileChange::binary).containsExactly(
                tuple("lib/one.rs", "lib/two.rs", Change.COPY, 1, 1, false),
                tuple("old.c", null, Change.DELETE, 0, 3, false),
                tuple("dir/with space é.txt", "dir/with space é.txt", Change.MODIFY, 1, 1, false),
                tuple("a b/a b", "a b/a b", Change.MODIFY, 0, 0, true));
    }

    @Test
    void plainBinaryFilesDiffer() {
        DiffStat d = DiffParser.parse("Only text here\nBinary files a/logo.png and b/logo.png differ\n");
        assertThat(d.files()).extracting(FileChange::path, FileChange::change, FileChange::binary)
                .containsExactly(tuple("logo.png", Change.MODIFY, true));
        assertThat(DiffParser.parse("Binary files /dev/null and b/new.png differ").files().get(0).change())
                .isEqualTo(Change.ADD);
    }

    @Test
    void modeChangeWithContentIsAModify() {
        String text = """
                diff --git a/run.sh b/run.sh
                old mode 100644
                new mode 100755
                index 1111111..2222222
                --- a/run.sh
                +++ b/run.sh
                @@ -1 +1 @@
                -echo a
                +echo b
                """;
        assertThat(DiffParser.parse(text).files().get(0).change()).isEqualTo(Change.MODIFY);
    }

    @Test
    void quotedDiffInAReplyIsNoDiff() {
        String text = """
                On Mon, Ann wrote:
                > diff --git a/x b/x
                > index 1..2 100644
                > --- a/x
                > +++ b/x
                > @@ -1 +1 @@
                > -a
                > +b

                Looks fine.
                """;
        assertThat(DiffParser.parse(text)).isNull();
        assertThat(DiffParser.parse(text, List.of())).isNull();
    }

    @Test
    void proseIsNoDiff() {
        assertThat(DiffParser.parse("""
                --- foo
                +++ bar
                this is a changelog, not a hunk
                diff --git is a command you can run
                Binary files are fine
                """)).isNull();
        assertThat(DiffParser.parse("")).isNull();
        assertThat(DiffParser.parse(null, null)).isNull();
    }

    @Test
    void signatureAfterTheLastHunkIsNotCountedAndTrimmedContextIsContext() {
        String text = "diff --git a/x b/x\r\nindex 1..2 100644\r\n--- a/x\r\n+++ b/x\r\n@@ -1,3 +1,3 @@\r\n"
                + " a\r\n\r\n-b\r\n+c\r\n-- \r\n2.43.0\r\n";
        DiffStat d = DiffParser.parse(text);
        assertThat(d.files()).extracting(FileChange::added, FileChange::removed).containsExactly(tuple(1, 1));
    }

    @Test
    void truncatedHunkIsCountedAsFarAsItGoesAndNamed() {
        String text = """
                diff --git a/x b/x
                index 1..2 100644
                --- a/x
                +++ b/x
                @@ -1,5 +1,5 @@
                 a
                -b
                +c
                Thanks!
                """;
        DiffParser.Scan scan = DiffParser.scan(Lines.split(text));
        assertThat(scan.files()).extracting(FileChange::added, FileChange::removed).containsExactly(tuple(1, 1));
        assertThat(scan.problems()).singleElement().asString().contains("hunk of x ends early");
        assertThat(scan.mask()[8]).as("the line after the damaged hunk is text").isFalse();
    }

    @Test
    void attachmentAlreadyInTheBodyCountsOnce() {
        String diff = "diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";
        assertThat(DiffParser.parse("Patch:\n" + diff, List.of(diff)).files()).hasSize(1);
        assertThat(DiffParser.parse("No diff here", List.of(diff)).files()).hasSize(1);
    }

    @Test
    void multipleHunksAndNoNewlineMarkers() {
        String text = """
                diff --git a/f b/f
                index 1..2 100644
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                -one
                +uno
                 two
                \\ No newline at end of file
                @@ -10 +10,2 @@ fn context()
                 ten
                +eleven
                """;
        DiffStat d = DiffParser.parse(text);
        assertThat(d.files()).extracting(FileChange::added, FileChange::removed).containsExactly(tuple(2, 1));
    }

    @Test
    void base85Lines() {
        assertThat(DiffParser.base85("zcmZ?r?PGv|E+AC{#Eft(0hV9^lFE7z3>E+r{}~t{2+VVG4=P5;5yxUeQzj#`nE?RC")).isTrue();
        assertThat(DiffParser.base85("HcmV?d00001")).isTrue();
        assertThat(DiffParser.base85("Hello world")).isFalse();
        assertThat(DiffParser.base85("Thanks")).isFalse();
    }

    @Test
    void largeDiffIsCountedWhole() {
        StringBuilder b = new StringBuilder("diff --git a/big b/big\nindex 1..2 100644\n--- a/big\n+++ b/big\n");
        b.append("@@ -1,200000 +1,200000 @@\n");
        for (int i = 0; i < 200_000; i++) {
            b.append(i % 2 == 0 ? "-old line\n" : "+new line\n");
        }
        // counts do not match the header exactly: the hunk ends early and is named, nothing throws
        DiffStat d = DiffParser.parse(b.toString());
        assertThat(d.insertions()).isEqualTo(100_000);
        assertThat(d.deletions()).isEqualTo(100_000);
    }
}
