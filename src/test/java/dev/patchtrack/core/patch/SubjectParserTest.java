package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.SubjectTags;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectParserTest {

    /** Columns: subject | reply | patch | rfc | resend | version | minor | n | N | tree tags | other tags | title. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            [PATCH] rust: add foo                                   | false | true  | false | false | 0  | 0 | 0  | 0  | -                 | -              | rust: add foo
            [PATCH v3 05/12] rust: nvme: add queue                  | false | true  | false | false | 3  | 0 | 5  | 12 | -                 | -              | rust: nvme: add queue
            [RFC PATCH net-next v11 0/4] net: phy: rust             | false | true  | true  | false | 11 | 0 | 0  | 4  | net-next          | -              | net: phy: rust
            [PATCH 00/13] [RFC] Rust support                        | false | true  | true  | false | 0  | 0 | 0  | 13 | -                 | -              | Rust support
            [PATCHv2 1/3] kbuild: rust: foo                         | false | true  | false | false | 2  | 0 | 1  | 3  | -                 | -              | kbuild: rust: foo
            [PATCH v2] rust: alloc                                  | false | true  | false | false | 2  | 0 | 0  | 0  | -                 | -              | rust: alloc
            [v2 1/3] block: fix                                     | false | true  | false | false | 2  | 0 | 1  | 3  | -                 | -              | block: fix
            [PATCH v5.1 10/12] rust: respin                         | false | true  | false | false | 5  | 1 | 10 | 12 | -                 | -              | rust: respin
            [RESEND PATCH] mm: fix                                  | false | true  | false | true  | 0  | 0 | 0  | 0  | -                 | -              | mm: fix
            [PATCH RESEND] mm: fix                                  | false | true  | false | true  | 0  | 0 | 0  | 0  | -                 | -              | mm: fix
            [PATCH 0 of 2] Sample Mercurial patches                 | false | true  | false | false | 0  | 0 | 0  | 2  | -                 | -              | Sample Mercurial patches
            [PATCH 1 of 2] contrib: fix check-commit                | false | true  | false | false | 0  | 0 | 1  | 2  | -                 | -              | contrib: fix check-commit
            [GIT PULL] Rust for v6.8                                | false | true  | false | false | 0  | 0 | 0  | 0  | -                 | GIT PULL       | Rust for v6.8
            [git pull] Please pull powerpc.git next branch          | false | true  | false | false | 0  | 0 | 0  | 0  | -                 | git pull       | Please pull powerpc.git next branch
            [PULL] drm-misc-next                                    | false | true  | false | false | 0  | 0 | 0  | 0  | -                 | PULL           | drm-misc-next
            [RFC] rust: idea                                        | false | true  | true  | false | 0  | 0 | 0  | 0  | -                 | -              | rust: idea
            Re: [PATCH v2 3/4] rust: foo                            | true  | true  | false | false | 2  | 0 | 3  | 4  | -                 | -              | rust: foo
            RE: Re:  [PATCH] rust: foo                              | true  | true  | false | false | 0  | 0 | 0  | 0  | -                 | -              | rust: foo
            Re : AW: Fwd: [PATCH 2/2] x                             | true  | true  | false | false | 0  | 0 | 2  | 2  | -                 | -              | x
            Re[2]: [PATCH] x                                        | true  | true  | false | false | 0  | 0 | 0  | 0  | -                 | -              | x
            Aw: Rust for Linux                                      | true  | false | false | false | 0  | 0 | 0  | 0  | -                 | -              | Rust for Linux
            [patch v4 2/7] lower case                               | false | true  | false | false | 4  | 0 | 2  | 7  | -                 | -              | lower case
            [PATCH V3 0/4] upper V                                  | false | true  | false | false | 3  | 0 | 0  | 4  | -                 | -              | upper V
            [net,v2,1/2] net: ieee802154: remove explicit set       | false | true  | false | false | 2  | 0 | 1  | 2  | net               | -              | net: ieee802154: remove explicit set
            [PATCH bpf-next v3 2/5] bpf: foo                        | false | true  | false | false | 3  | 0 | 2  | 5  | bpf-next          | -              | bpf: foo
            [PATCH -next] bpf: Use PTR_ERR_OR_ZERO                  | false | true  | false | false | 0  | 0 | 0  | 0  | -next             | -              | bpf: Use PTR_ERR_OR_ZERO
            [PATCH rust-next 1/1] rust: kernel: x                   | false | true  | false | false | 0  | 0 | 1  | 1  | rust-next         | -              | rust: kernel: x
            [Buildroot] [PATCH 01/11] package/rpi-userland: rename  | false | true  | false | false | 0  | 0 | 1  | 11 | -                 | Buildroot      | package/rpi-userland: rename
            [PATCH][net-next] tcp: foo                              | false | true  | false | false | 0  | 0 | 0  | 0  | net-next          | -              | tcp: foo
            [Patch 2/2]: powerpc/hotplug/mm: Fix                    | false | true  | false | false | 0  | 0 | 2  | 2  | -                 | -              | powerpc/hotplug/mm: Fix
            [PATCH net-next v3 0/4] net: dsa: work (v3)             | false | true  | false | false | 3  | 0 | 0  | 4  | net-next          | -              | net: dsa: work (v3)
            [PATCH 5.10 001/123] stable review                      | false | true  | false | false | 0  | 0 | 1  | 123| 5.10              | -              | stable review
            [RFC PATCH v2 net-next 0/3] a b                         | false | true  | true  | false | 2  | 0 | 0  | 3  | net-next          | -              | a b
            [PATCH 1/5 v2] order does not matter                    | false | true  | false | false | 2  | 0 | 1  | 5  | -                 | -              | order does not matter
            [RFCv2 0/2] rfc with version                            | false | true  | true  | false | 2  | 0 | 0  | 2  | -                 | -              | rfc with version
            [ANNOUNCE] v6.8-rt1                                     | false | false | false | false | 0  | 0 | 0  | 0  | -                 | ANNOUNCE       | v6.8-rt1
            Rust [PATCH] in the middle                              | false | false | false | false | 0  | 0 | 0  | 0  | -                 | -              | Rust [PATCH] in the middle
            [PATCH unclosed group                                   | false | false | false | false | 0  | 0 | 0  | 0  | -                 | -              | [PATCH unclosed group
            Re-add the foo driver                                   | false | false | false | false | 0  | 0 | 0  | 0  | -                 | -              | Re-add the foo driver
            [GIT] Networking                                        | false | true  | false | false | 0  | 0 | 0  | 0  | -                 | GIT            | Networking
            """)
    void parsesRealWorldSubjects(String subject, boolean reply, boolean patch, boolean rfc, boolean resend,
            int version, int minor, int number, int total, String tree, String other, String title) {
        SubjectTags t = SubjectParser.parse(subject);
        assertThat(t.subject()).isEqualTo(subject);
        assertThat(t.reply()).as("reply").isEqualTo(reply);
        assertThat(t.patch()).as("patch").isEqualTo(patch);
        assertThat(t.rfc()).as("rfc").isEqualTo(rfc);
        assertThat(t.resend()).as("resend").isEqualTo(resend);
        assertThat(t.version()).as("version").isEqualTo(version);
        assertThat(t.versionMinor()).as("minor").isEqualTo(minor);
        assertThat(t.number()).as("number").isEqualTo(number);
        assertThat(t.total()).as("total").isEqualTo(total);
        assertThat(t.treeTags()).as("tree tags").isEqualTo(list(tree));
        assertThat(t.otherTags()).as("other tags").isEqualTo(list(other));
        assertThat(t.title()).as("title").isEqualTo(title);
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of() : Arrays.asList(csv.split(";"));
    }

    @Test
    void gccsCommittedAndPushedPostingsAnnounceACommit() {
        SubjectTags t = SubjectParser.parse("[COMMITTED 001/145] gccrs: Fix ICE when resolving a missing lang item");
        assertThat(t.committed()).isTrue();
        assertThat(t.number()).isEqualTo(1);
        assertThat(t.total()).isEqualTo(145);
        assertThat(t.title()).isEqualTo("gccrs: Fix ICE when resolving a missing lang item");
        assertThat(SubjectParser.parse("[pushed] c++: fix ICE").committed()).isTrue();
        assertThat(SubjectParser.parse("[PATCH v2 1/3] rust: committed to main").committed()).isFalse();
        assertThat(SubjectParser.parse("[PATCH net-next] net: phy: rust").committed()).isFalse();
    }

    @Test
    void normalizedTitleFoldsCaseAndWhiteSpace() {
        SubjectTags t = SubjectParser.parse("Re: [PATCH v2 1/3]   Rust:\tNVMe   Driver  ");
        assertThat(t.title()).isEqualTo("Rust:\tNVMe   Driver");
        assertThat(t.normalizedTitle()).isEqualTo("rust: nvme driver");
    }

    @Test
    void sameWorkAcrossVersionsHasTheSameNormalizedTitle() {
        assertThat(SubjectParser.parse("[PATCH 0/3] rust: 9p: Add a Rust 9p transport").normalizedTitle())
                .isEqualTo(SubjectParser.parse("[RFC PATCH v4 0/3]  Rust: 9p: add a rust 9p transport")
                        .normalizedTitle());
    }

    @Test
    void foldedSubjectLinesAreWhiteSpace() {
        SubjectTags t = SubjectParser.parse("[PATCH v2\n 2/3] rust: foo\n bar");
        assertThat(t.version()).isEqualTo(2);
        assertThat(t.number()).isEqualTo(2);
        assertThat(t.normalizedTitle()).isEqualTo("rust: foo bar");
    }

    @Test
    void emptyAndNullSubjects() {
        assertThat(SubjectParser.parse("").title()).isEmpty();
        SubjectTags t = SubjectParser.parse(null);
        assertThat(t.subject()).isEmpty();
        assertThat(t.patch()).isFalse();
        assertThat(t.counted()).isFalse();
        assertThat(SubjectParser.parse("[PATCH]").title()).isEmpty();
    }

    @Test
    void counterAndVersionHelpers() {
        SubjectTags cover = SubjectParser.parse("[PATCH v3 0/2] x");
        assertThat(cover.counted()).isTrue();
        assertThat(cover.effectiveVersion()).isEqualTo(3);
        assertThat(SubjectParser.parse("[PATCH] x").effectiveVersion()).isEqualTo(1);
    }

    @Test
    void pullRequestsAreRecognised() {
        assertThat(SubjectParser.isPullRequest("[GIT PULL] soc: updates for v5.5")).isTrue();
        assertThat(SubjectParser.isPullRequest("[PULL REQUEST] foo")).isTrue();
        assertThat(SubjectParser.parse("[PULL REQUEST] foo").treeTags()).isEmpty();
        assertThat(SubjectParser.isPullRequest("[git pull] Please pull")).isTrue();
        assertThat(SubjectParser.isPullRequest("[PATCH] git: pull fixes")).isFalse();
        assertThat(SubjectParser.isPullRequest("Re: pull request")).isFalse();
    }

    @Test
    void wordsThatMerelyStartLikeKeywordsAreTreeTags() {
        SubjectTags t = SubjectParser.parse("[PATCH patchy RFCs] x");
        assertThat(t.treeTags()).containsExactly("patchy", "RFCs");
        assertThat(t.rfc()).isFalse();
    }

    @Test
    void aVeryLongSubjectStillParses() {
        String s = "Re: ".repeat(5000) + "[PATCH v2 1/2] " + "x".repeat(100_000);
        SubjectTags t = SubjectParser.parse(s);
        assertThat(t.reply()).isTrue();
        assertThat(t.number()).isEqualTo(1);
    }
}
