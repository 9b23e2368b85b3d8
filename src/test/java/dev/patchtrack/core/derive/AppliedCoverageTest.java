package dev.patchtrack.core.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.AppliedNotice.Commit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule for which patches an applied notice covers, and which of its commits concern each. */
class AppliedCoverageTest {

    private static final Address AUTHOR = new Address("Alice", "alice@example.com");
    private static final Address MAINTAINER = new Address("Miguel", "ojeda@example.org");

    private static List<Integer> covered(AppliedNotice n, int answers, Address sender, String... titles) {
        return java.util.stream.IntStream.rangeClosed(1, titles.length)
                .filter(i -> AppliedCoverage.covers(n, answers, sender, i, titles[i - 1], AUTHOR)).boxed().toList();
    }

    @Test
    void aNoticeOnTheCoverLetterWithoutAListCoversEveryPatch() {
        AppliedNotice n = new AppliedNotice(null, "rust-next", null, List.of());
        assertThat(covered(n, 0, MAINTAINER, "one", "two", "three")).containsExactly(1, 2, 3);
    }

    @Test
    void aNoticeAnsweringOnePatchCoversThatPatchAlone() {
        AppliedNotice n = new AppliedNotice(null, "rust-next", null, List.of());
        assertThat(covered(n, 2, MAINTAINER, "one", "two", "three")).containsExactly(2);
    }

    @Test
    void aThankYouListingPatchesCoversThoseByNumberOrByTitle() {
        AppliedNotice numbered = new AppliedNotice(null, "rust-next", null,
                List.of(new Commit(1, "rust: one", "aaa111"), new Commit(3, "rust: three", "ccc333")));
        assertThat(covered(numbered, 0, MAINTAINER, "one", "two", "three")).containsExactly(1, 3);

        AppliedNotice titled = new AppliedNotice(null, "rust-next", null,
                List.of(new Commit(0, "rust: two", "bbb222")));
        assertThat(covered(titled, 0, MAINTAINER, "rust: one", "rust: two", "rust: three")).containsExactly(2);
    }

    @Test
    void theAuthorSpeakingOfTheirOwnWorkWithoutATreeCoversNothing() {
        AppliedNotice own = new AppliedNotice(null, null, null, List.of());
        assertThat(covered(own, 0, AUTHOR, "one", "two")).isEmpty();
        AppliedNotice toTree = new AppliedNotice("netdev/net-next.git", null, null, List.of());
        assertThat(covered(toTree, 0, AUTHOR, "one", "two")).as("naming a tree, the author reports a fact")
                .containsExactly(1, 2);
    }

    @Test
    void thePatchGetsTheCommitsThatConcernIt() {
        List<Commit> commits = List.of(new Commit(1, "rust: one", "aaa111"), new Commit(2, "rust: two", "bbb222"));
        assertThat(AppliedCoverage.commitsFor(commits, 2, "rust: two")).extracting(Commit::commit).containsExactly("bbb222");
        assertThat(AppliedCoverage.commitsFor(commits, 0, null)).as("the revision: all of them").hasSize(2);
        List<Commit> byTitle = List.of(new Commit(0, "rust: one", "aaa111"), new Commit(0, "rust: two", "bbb222"));
        assertThat(AppliedCoverage.commitsFor(byTitle, 2, "rust: two")).extracting(Commit::commit).containsExactly("bbb222");
        List<Commit> only = List.of(new Commit(0, null, "ddd444"));
        assertThat(AppliedCoverage.commitsFor(only, 1, "rust: one")).as("the only commit of a lone patch's notice")
                .extracting(Commit::commit).containsExactly("ddd444");

        AppliedNotice n = new AppliedNotice("rust.git", "rust-next", null, byTitle);
        assertThat(AppliedCoverage.detail(n, 2, "rust: two")).isEqualTo("applied to rust.git rust-next (commit bbb222)");
    }
}
