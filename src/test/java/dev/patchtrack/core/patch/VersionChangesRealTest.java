package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import dev.patchtrack.support.RealMail;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The changelogs authors wrote in the real threads, as a maintainer would quote them. */
class VersionChangesRealTest {

    static final Pattern MENTIONS = Pattern.compile("(?is).*(changes (in|since|from) v\\d|v\\d+ ?-> ?v\\d).*");

    @Test
    void aB4CoverKeepsEveryVersionsNotesAndStopsAtTheShortlog() {
        String cl = VersionChanges.changelog(RealMail.kbuild().bodies.get("20240704-shadow-call-stack-v3-0-d11c7a6ebe30@google.com"));
        assertThat(cl).startsWith("Changes in v3:\n- Use -Zfixed-x18.\n")
                .contains("\n\nChanges in v2:\n- Add -Cforce-unwind-tables flag.\n")
                .endsWith("- Link to v1: https://lore.kernel.org/rust-for-linux/20240304-shadow-call-stack-v1-1-f055eaf40a2c@google.com/")
                .doesNotContain("Alice Ryhl (2):", "Makefile ", "base-commit");
    }

    @Test
    void numberedNotesAfterABlankLineBelongToTheirHeading() {
        String cl = VersionChanges.changelog(RealMail.kbuild().bodies.get("20240620205453.81799-1-jhubbard@nvidia.com"));
        assertThat(cl).startsWith("Changes since v1:\n\n1) Thanks to Alice Ryhl")
                .endsWith("3) As requested by Miguel, split out some new comment documentation\n"
                        + "   for the rust-analyzer target into its own patch.")
                .doesNotContain("John Hubbard (2):");
    }

    @Test
    void aSinglePatchCarriesItsNotesBelowTheDashes() {
        String body = RealMail.kbuild().bodies.get("20241017210430.2401398-2-elsk@google.com");
        assertThat(VersionChanges.patchChangelog(body))
                .isEqualTo("v1 -> v2: Updated text in kbuild.rst as suggested by aliceryhl@google.com.");
        assertThat(VersionChanges.changelog(body.substring(0, body.indexOf("\n---\n")))).as("the commit message has none")
                .isNull();
    }

    @Test
    void everyRealRevisionThatSpeaksOfItsChangesGetsThemAndNothingElse() {
        for (RealMail m : List.of(RealMail.kbuild(), RealMail.of(RealMail.Archive.PCI))) {
            int revisions = 0;
            int mention = 0;
            List<String> found = new ArrayList<>();
            List<String> missed = new ArrayList<>();
            for (SeriesDraft s : m.series) {
                for (RevisionDraft r : s.revisions()) {
                    if (r.version() < 2 || r.patches().isEmpty() && r.coverMessageId() == null) {
                        continue;
                    }
                    revisions++;
                    boolean cover = r.coverMessageId() != null && m.bodies.containsKey(r.coverMessageId());
                    String text = cover ? m.bodies.get(r.coverMessageId()) : m.bodies.get(r.patches().get(0).messageId());
                    String cl = cover ? VersionChanges.changelog(text) : VersionChanges.patchChangelog(text);
                    if (text != null && MENTIONS.matcher(text).matches()) {
                        mention++;
                        if (cl == null) {
                            missed.add(cover ? r.coverMessageId() : r.patches().get(0).messageId());
                        }
                    }
                    if (cl != null) {
                        found.add(cl);
                    }
                }
            }
            System.out.printf("%s: %d revisions after a first, %d speak of their changes, %d changelogs found, missed %s%n",
                    m.archive, revisions, mention, found.size(), missed);
            assertThat(missed).as(m.archive + ": changes spoken of, none found").isEmpty();
            assertThat(found).as("no changelog runs into the diffstat, the shortlog or the diff").allSatisfy(cl -> assertThat(cl)
                    .doesNotContainPattern("(?m)^ \\S+\\s+\\|\\s+\\d+|^\\S.* \\(\\d+\\):$|^diff --git |\\d+ files? changed")
                    .hasSizeLessThanOrEqualTo(VersionChanges.CHANGELOG_MAX_CHARS + 6));
        }
    }
}
