package dev.patchtrack.core.series;

import static dev.patchtrack.core.series.Mail.cover;
import static dev.patchtrack.core.series.Mail.patch;
import static dev.patchtrack.core.series.Mail.reply;
import static dev.patchtrack.core.series.Mail.single;
import static dev.patchtrack.core.series.SeriesBuilderTest.build;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.series.SeriesModel.AppliedDraft;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which notices count, and for which revision, as real threads need it (linux-kbuild, linux-pci). */
class AppliedNoticesTest {

    static final AppliedNotice APPLIED = new AppliedNotice(null, "rust-next", null, List.of());
    static final AppliedNotice DROPPED = new AppliedNotice(null, null, null, List.of(), true, false);

    static List<String> notices(RevisionDraft r) {
        return r.applied().stream().map(AppliedDraft::messageId).toList();
    }

    @Test
    void aWithdrawalTakesBackTheSamePersonsEarlierNotice() {
        // "Applied to linux-kbuild/fixes", later "I dropped v1 for now" from the same maintainer
        List<SeriesDraft> s = build(
                single("p").at(0).title("kbuild: rust: avoid creating temporary files"),
                reply("ty", "p").at(10).from("masahiroy@kernel.org").applied(APPLIED),
                reply("other", "p").at(11).from("ojeda@kernel.org").applied(APPLIED),
                reply("drop", "ty").at(20).from("masahiroy@kernel.org").applied(DROPPED));
        assertThat(notices(s.get(0).revisions().get(0))).containsExactly("other");
    }

    @Test
    void aWholeRevisionNoticeInAnOlderThreadCreditsTheNewestPostedBeforeIt() {
        // "Thanks, applied to perf-tools" answers v4 a week after v5 was posted
        List<SeriesDraft> s = build(
                single("v4").v(4).at(0).title("tools build: Fix rust cross compilation"),
                single("v5").v(5).at(100).title("tools build: Fix rust cross compilation"),
                reply("ty", "v4").at(200).from("acme@kernel.org").applied(APPLIED),
                // a notice naming patches by title stays where it is
                reply("named", "v4").at(201).from("acme@kernel.org").applied(new AppliedNotice(null, null, null,
                        List.of(new AppliedNotice.Commit(1, "tools build: Fix rust cross compilation", "abc1234")))));
        assertThat(s).hasSize(1);
        List<RevisionDraft> r = s.get(0).revisions();
        assertThat(r).extracting(RevisionDraft::version).containsExactly(4, 5);
        assertThat(notices(r.get(0))).containsExactly("named");
        assertThat(notices(r.get(1))).containsExactly("ty");
    }

    @Test
    void aNoticeBeforeTheNewerPostingStaysWithItsRevision() {
        List<SeriesDraft> s = build(
                single("v1").v(1).at(0).title("rust: add a thing"),
                reply("ty", "v1").at(50).from("maint@example.org").applied(APPLIED),
                single("v2").v(2).at(100).title("rust: add a thing"));
        List<RevisionDraft> r = s.get(0).revisions();
        assertThat(notices(r.get(0))).containsExactly("ty");
        assertThat(notices(r.get(1))).isEmpty();
    }

    @Test
    void aNoticeThatIncludedItsSendersPatchTakesItAlong() {
        // Miguel's own patch posted inside the CStr thread, then "I included the additional patch I just sent"
        List<SeriesDraft> s = build(
                cover("c", 2).at(0).from("tamird@kernel.org").title("rust: replace kernel::str::CStr"),
                patch("p1", 1, 2).at(1).from("tamird@kernel.org").inReplyTo("c"),
                patch("p2", 2, 2).at(2).from("tamird@kernel.org").inReplyTo("c"),
                single("own").at(30).from("ojeda@kernel.org").inReplyTo("p2").refs("c", "p2")
                        .title("samples: rust: debugfs: use core::ffi::CStr method names"),
                single("else").at(40).from("someone@example.org").inReplyTo("p2").refs("c", "p2")
                        .title("rust: an unrelated patch in the thread"),
                reply("ty", "c").at(120).from("ojeda@kernel.org")
                        .applied(new AppliedNotice(null, null, null, List.of(), false, true)));
        RevisionDraft own = revision(s, "own");
        assertThat(notices(own)).containsExactly("ty");
        assertThat(notices(revision(s, "else"))).isEmpty();
        assertThat(notices(revision(s, "c"))).containsExactly("ty");
    }

    static RevisionDraft revision(List<SeriesDraft> series, String key) {
        return series.stream().flatMap(x -> x.revisions().stream()).filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no revision " + key));
    }
}
