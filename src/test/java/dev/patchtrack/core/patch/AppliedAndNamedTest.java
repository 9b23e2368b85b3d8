package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.AppliedNotice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** "Applied" notices and the patches a reply names, line by line as maintainers write them. */
class AppliedAndNamedTest {

    private static AppliedNotice applied(String body) {
        String[] lines = Lines.split(body);
        return AppliedParser.parse(lines, new boolean[lines.length]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Applied, thanks!                                                                   | -                     | -
            Applied to `rust-next`, thanks!                                                    | -                     | rust-next
            Applied to rust-next -- thanks everyone!                                           | -                     | rust-next
            Applied to `9p-next` -- thanks everyone!                                           | -                     | 9p-next
            Thanks, queued in for-next.                                                        | -                     | for-next
            Thanks, applied.                                                                   | -                     | -
            Applied to the kbuild tree, thanks.                                                | -                     | kbuild
            Applied to https://git.kernel.org/pub/scm/linux/kernel/git/a/linux.git (fixes), thanks! | https://git.kernel.org/pub/scm/linux/kernel/git/a/linux.git | fixes
            This series was applied to netdev/net-next.git (main)                              | netdev/net-next.git   | main
            This patch was applied to bpf/bpf.git (master):                                    | bpf/bpf.git           | master
            """)
    void noticesAreRecognisedWithTreeAndBranch(String line, String tree, String branch) {
        AppliedNotice n = applied("On Mon, someone wrote:\n> Applied to quoted-tree, thanks!\n\n" + line + "\n");
        assertThat(n).as(line).isNotNull();
        assertThat(n.tree()).isEqualTo(tree);
        assertThat(n.branch()).isEqualTo(branch);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Applied on top of v6.8 and tested, works fine.", "> Applied to rust-next, thanks!",
        "It does not apply to rust-next, please rebase.", "LGTM, thanks!", "I applied the patch and it boots.",
        "Reviewed-by: Applied Person <applied@example.org>"})
    void otherSentencesAreNotNotices(String line) {
        assertThat(applied(line + "\n")).as(line).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            For patch 7:                                   | 7
            for patches 2-4 and 6                          | 2,3,4,6
            Patches 1, 3 & 5 look good.                    | 1,3,5
            Patch 3/5 looks good to me.                    | 3
            [PATCH v2 3/5] rust: pci: add helpers          | 3
            For the series:                                | -
            I have no comment on the patch itself.         | -
            > For patch 7:                                 | -
            """)
    void aReplyNamesThePatchesItMeans(String line, String numbers) {
        String[] lines = Lines.split(line + "\n");
        ReplyNames.Named named = ReplyNames.scan(lines, new boolean[lines.length]);
        assertThat(named.numbers().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("-"))
                .as(line).isEqualTo(numbers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"For \"rust: pci: add IRQ vector helpers\":", "Acked for \u201crust: pci: add IRQ vector helpers\u201d"})
    void aQuotedTitleNamesThatPatch(String line) {
        String[] lines = Lines.split(line + "\n");
        assertThat(ReplyNames.scan(lines, new boolean[lines.length]).titles())
                .containsExactly(SubjectParser.parse("rust: pci: add IRQ vector helpers").normalizedTitle());
    }
}
