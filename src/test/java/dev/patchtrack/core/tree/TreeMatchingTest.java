package dev.patchtrack.core.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.DiffStat;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.patch.SubjectParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tag order, Link: trailers and the choice of the commit that carries a patch. */
class TreeMatchingTest {

    @Test
    void releaseCandidatesComeBeforeTheirReleaseAndNumbersCompareAsNumbers() {
        List<String> expected = List.of("v5.19", "v6.0-rc1", "v6.0-rc2", "v6.0-rc10", "v6.0", "v6.0.1", "v6.0.2",
                "v6.0.10", "v6.1-rc1", "v6.1", "v6.2-rc1", "v6.10-rc1", "v6.10", "v10.0", "next-tag");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(TagOrder.ORDER);
        assertThat(shuffled).containsExactlyElementsOf(expected);
        assertThat(TagOrder.compare("v6.1", "v6.1.0")).as("equal versions fall back to the name").isNegative();
    }

    @Test
    void tagPatternsAreGlobs() {
        assertThat(TagOrder.matches("v*", "v6.1-rc1")).isTrue();
        assertThat(TagOrder.matches("v*", "next-20240603")).isFalse();
        assertThat(TagOrder.matches("v6.?", "v6.1")).isTrue();
        assertThat(TagOrder.matches("v6.?", "v6.10")).isFalse();
        assertThat(TagOrder.matches("rust-6.*", "rust-6.1")).isTrue();
    }

    @Test
    void linkTrailersNameTheMessageInEveryLoreForm() {
        String msg = """
                rust: nvme: add queue setup

                Adds it.

                Signed-off-by: Ana <ana@example.com>
                Link: https://lore.kernel.org/r/20240603.1-ana@example.com
                Link: https://lore.kernel.org/rust-for-linux/20240603.2-ana%40example.com/
                link: https://patch.msgid.link/<20240603.3-ana@example.com>
                Link: https://lore.kernel.org/r/20240603.1-ana@example.com [1]
                Link: https://github.com/Rust-for-Linux/linux/issues/2
                Closes: https://lore.kernel.org/r/not-a-link@example.com
                """;
        assertThat(TreeMatcher.linkedMessageIds(msg)).containsExactly("20240603.1-ana@example.com",
                "20240603.2-ana@example.com", "20240603.3-ana@example.com");
        assertThat(TreeMatcher.linkedMessageIds("no trailers")).isEmpty();
    }

    @Test
    void theStrongestSignalWinsThenTheFirstRelease() {
        MailFacts patch = patch("p1@example.com", "Ana <ANA@example.com>", "[PATCH 1/2] rust:  NVMe: add queue setup",
                "aaaa");
        TreeCommit byLink = commit("linux", "c1", null, "something else", "x@example.org", List.of("p1@example.com"), null);
        TreeCommit byPatchIdLate = commit("linux", "c2", "aaaa", "other", "x@example.org", List.of(), "v6.2");
        TreeCommit byPatchIdEarly = commit("rust", "c3", "aaaa", "other", "x@example.org", List.of(), "v6.1-rc1");
        TreeCommit bySubject = commit("linux", "c4", "bbbb", "rust: nvme: add queue setup", "ana@example.com",
                List.of(), "v6.0");
        TreeCommit otherAuthor = commit("linux", "c5", "bbbb", "rust: nvme: add queue setup", "bob@example.com",
                List.of(), "v6.0");

        assertThat(TreeMatcher.match(patch, List.of(bySubject, byPatchIdLate, byLink)))
                .isEqualTo(new TreeMatch(byLink, TreeMatch.Signal.LINK));
        assertThat(TreeMatcher.match(patch, List.of(byPatchIdLate, bySubject, byPatchIdEarly)))
                .isEqualTo(new TreeMatch(byPatchIdEarly, TreeMatch.Signal.PATCH_ID));
        TreeMatch s = TreeMatcher.match(patch, List.of(otherAuthor, bySubject));
        assertThat(s).isEqualTo(new TreeMatch(bySubject, TreeMatch.Signal.SUBJECT_AUTHOR));
        assertThat(TreeMatcher.match(patch, List.of(otherAuthor))).isNull();
        assertThat(new TreeMatch(byPatchIdEarly, TreeMatch.Signal.PATCH_ID).detail())
                .isEqualTo("in rust as c3, first in v6.1-rc1 (matched by patch-id)");
        assertThat(new TreeMatch(commit("torvalds/linux", "1a2b3c4d5e6f7a8b", null, "s", "e", List.of(), null),
                TreeMatch.Signal.LINK).detail())
                .isEqualTo("in torvalds/linux as 1a2b3c4d5e6f, in no release yet (matched by link)");
    }

    private static TreeCommit commit(String tree, String sha, String pid, String subject, String email,
                                     List<String> links, String tag) {
        return new TreeCommit(tree, sha, pid, subject, email, links, Instant.EPOCH, tag);
    }

    private static MailFacts patch(String id, String from, String subject, String patchId) {
        Address a = new Address(from.substring(0, from.indexOf('<')).strip(),
                from.substring(from.indexOf('<') + 1, from.indexOf('>')));
        return new MailFacts(id, false, MessageKind.PATCH, SubjectParser.parse(subject), a, a, Instant.EPOCH,
                List.of(), List.of(), List.of(), new DiffStat(List.of(), 1, 0, patchId), List.of(), null, 0,
                List.of(), List.of(), List.of());
    }
}
