package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.ReplyScope;
import java.util.List;
import org.junit.jupiter.api.Test;
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
            Applied (1-4) to `rust-next` -- thanks everyone!                                   | -                     | rust-next
            This is now available in the mainline.                                             | -                     | mainline
            series.  Now pull to for-next branch.                                              | -                     | for-next
            With the following changes, applied to driver-core-linus, thanks.                  | -                     | driver-core-linus
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
        "Reviewed-by: Applied Person <applied@example.org>", "I dropped the unused import.",
        "Squashed into v3.", "We should not pull this into stable.", "I squashed the two commits locally and it builds."})
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

    /** The reply's scope, or an empty one when it said nothing of it. */
    private static ReplyScope scope(String body) {
        String[] lines = Lines.split(body);
        ReplyNames.Named n = ReplyNames.scan(lines, new boolean[lines.length]);
        return n.scope() != null ? n.scope() : new ReplyScope(false, List.of(), List.of(), List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"For the whole series and the bits I maintain:", "Either way, for the whole series:",
        "For the entire series:", "For the series:", "Both patches:", "For all patches:"})
    void aReplyCanSpeakForTheWholeSeriesFromAnyPatch(String line) {
        // real lines from linux-pci and linux-kbuild replies, each just above its trailer
        assertThat(scope(line + "\n\nAcked-by: Danilo Krummrich <dakr@kernel.org>\n").wholeSeries()).as(line).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thanks for the series!", "This series looks like a good start.",
        "I have not looked at the whole series yet.", "> For the whole series:"})
    void otherMentionsOfTheSeriesSayNothingOfScope(String line) {
        assertThat(scope(line + "\n\nReviewed-by: Bob <bob@example.org>\n").wholeSeries()).as(line).isFalse();
    }

    @Test
    void sameForPatchNExtendsTheTrailersAndExceptionsNarrowThem() {
        // Dirk Behme on v2 2/2 of the pci::Bar doc fixes
        assertThat(scope("Reviewed-by: Dirk Behme <dirk.behme@de.bosch.com>\n\nSame for patch 1/2.\n").alsoPatches())
                .containsExactly(1);
        assertThat(scope("As in patch 1, I would rename it.\n\nReviewed-by: Bob <bob@example.org>\n").alsoPatches())
                .isEmpty();
        String[] lines = Lines.split("With the exception of patch 2, for the whole series:\nReviewed-by: Bob <bob@example.org>\n");
        ReplyNames.Named n = ReplyNames.scan(lines, new boolean[lines.length]);
        assertThat(n.scope().exceptPatches()).containsExactly(2);
        assertThat(n.scope().wholeSeries()).isTrue();
        assertThat(n.numbers()).as("an excluded patch is not named").isEmpty();
        assertThat(scope("Looks good, except for patches 3 and 5.\nAcked-by: Bob <bob@example.org>\n").exceptPatches())
                .containsExactly(3, 5);
    }

    @Test
    void aFewQuotedLinesOfTheCoverLettersListNameThosePatches() {
        // Wei Liu on the "Rust support" v10 cover: the one patch he could review, quoted from the list
        String body = """
                On Tue, Sep 27, 2022 at 03:14:31PM +0200, Miguel Ojeda wrote:
                >\s
                > Miguel Ojeda (22):
                >   rust: import upstream `alloc` crate

                I cannot find this patch in my inbox.

                    Reviewed-by: Wei Liu <wei.liu@kernel.org>

                to that patch.
                """;
        assertThat(scope(body).quotedTitles())
                .containsExactly(SubjectParser.parse("rust: import upstream `alloc` crate").normalizedTitle());
        // the whole list quoted is no narrowing, nor are quoted lines that are not the list
        String whole = "> Ann (4):\n>   a: one thing\n>   a: two things\n>   a: three things\n>   a: four things\n\n"
                + "Reviewed-by: Bob <bob@example.org>\n";
        assertThat(scope(whole).quotedTitles()).isEmpty();
        assertThat(scope(">     let x: u32 = 5;\n\nReviewed-by: Bob <bob@example.org>\n").quotedTitles()).isEmpty();
    }

    @Test
    void noticesSayWhichPatchesTheyTookWhatTheyWithdrawAndWhatTheyTookAlong() {
        assertThat(applied("Applied (1-4) to `rust-next` -- thanks everyone!\n").commits())
                .extracting(AppliedNotice.Commit::number).containsExactly(1, 2, 3, 4);
        assertThat(applied("Applied patches 1 and 3, thanks!\n").commits())
                .extracting(AppliedNotice.Commit::number).containsExactly(1, 3);
        AppliedNotice mainline = applied("This is now available in the mainline.\n\ndf01b7cfcef08bf3fdcac2909d0e1910781d6bfd\n");
        assertThat(mainline.commits()).extracting(AppliedNotice.Commit::commit)
                .containsExactly("df01b7cfcef08bf3fdcac2909d0e1910781d6bfd");
        assertThat(applied("Squashed.\nThanks!\n")).isNotNull();
        AppliedNotice dropped = applied("I dropped v1 for now,\nexpecting to get v2 soon.\n");
        assertThat(dropped.withdrawn()).isTrue();
        assertThat(applied("Applied to rust-next, thanks!\n").withdrawn()).isFalse();
        AppliedNotice along = applied("Tentatively applied to see how it goes in linux-next.\n\n"
                + "I included the additional patch I just sent.\n");
        assertThat(along.includesSendersPatches()).isTrue();
        assertThat(applied("Applied, thanks!\n").includesSendersPatches()).isFalse();
    }
}
