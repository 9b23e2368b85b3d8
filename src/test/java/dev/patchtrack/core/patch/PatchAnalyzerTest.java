package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.PullRequest;
import dev.patchtrack.core.model.Trailer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatchAnalyzerTest {

    private final PatchAnalyzer analyzer = new PatchAnalyzer();

    private MailFacts facts(TestMail.Builder b) {
        return analyzer.analyze(b.build());
    }

    private static final String DIFF = """
            diff --git a/rust/kernel/foo.rs b/rust/kernel/foo.rs
            index 1111111..2222222 100644
            --- a/rust/kernel/foo.rs
            +++ b/rust/kernel/foo.rs
            @@ -1,2 +1,3 @@
             fn a() {}
            +fn b() {}
             fn c() {}
            """;

    // ---- kinds ----

    @ParameterizedTest
    @ValueSource(strings = {"0001-git-pull-request.mbox", "0002-git-pull-request-wrapped.mbox",
        "0003-git-pull-request-with-diff.mbox", "0004-git-pull-request-git+ssh.mbox", "0005-git-pull-request-ssh.mbox",
        "0006-git-pull-request-http.mbox", "0017-git-pull-request-git-2-14-3.mbox",
        "0023-git-pull-request-newline-in-url.mbox", "0024-git-pull-request-trailing-space.mbox"})
    void pullRequestFixturesArePulls(String fixture) {
        ParsedMail m = TestMail.fixtureMail(fixture);
        MailFacts f = analyzer.analyze(m);
        assertThat(f.kind()).isEqualTo(MessageKind.PULL);
        assertThat(PullRequestParser.parse(m.body())).isNotNull();
    }

    @Test
    void requestPullOutputWithoutAPullTagIsAPull() {
        String body = TestMail.fixtureMail("0024-git-pull-request-trailing-space.mbox").body();
        assertThat(facts(TestMail.mail().subject("DaVinci SoC updates for v5.6").body(body)).kind())
                .isEqualTo(MessageKind.PULL);
        assertThat(facts(TestMail.mail().subject("Re: [GIT PULL] DaVinci").body(body)).kind())
                .isEqualTo(MessageKind.REPLY);
        String quoted = "> " + body.replace("\n", "\n> ");
        assertThat(facts(TestMail.mail().subject("DaVinci").body(quoted)).kind()).isEqualTo(MessageKind.OTHER);
    }

    @Test
    void pullRequestWithDiffKeepsItsDiff() {
        MailFacts f = analyzer.analyze(TestMail.fixtureMail("0003-git-pull-request-with-diff.mbox"));
        assertThat(f.kind()).isEqualTo(MessageKind.PULL);
        assertThat(f.diff().files()).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0001-git-pull-request.mbox                | git://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git | next | e10117d36ef758da0690c95ecffc09d5dd7da479 |
            0002-git-pull-request-wrapped.mbox        | git://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git | next | e10117d36ef758da0690c95ecffc09d5dd7da479 |
            0003-git-pull-request-with-diff.mbox      | git://git.kernel.org/pub/scm/linux/kernel/git/tip/linux-2.6-tip.git | x86-fixes-for-linus | e10117d36ef758da0690c95ecffc09d5dd7da479 |
            0004-git-pull-request-git+ssh.mbox        | git+ssh://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git | next | e10117d36ef758da0690c95ecffc09d5dd7da479 |
            0005-git-pull-request-ssh.mbox            | ssh://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git | next | e10117d36ef758da0690c95ecffc09d5dd7da479 |
            0006-git-pull-request-http.mbox           | http://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git | next | e10117d36ef758da0690c95ecffc09d5dd7da479 |
            0017-git-pull-request-git-2-14-3.mbox     | git://git.kernel.org/pub/scm/linux/kernel/git/davem/net | | ef7f8cec80a0ba7bd00ece46844c8994117dc910 | ccc12b11c5332c84442ef120dcd631523be75089
            0023-git-pull-request-newline-in-url.mbox | https://git.kernel.org/pub/scm/linux/kernel/git/matthias.bgg/linux.git/ | tags/v5.4-next-soc | 54ecb8f7028c5eb3d740bb82b0f1d90f2df63c5c | 662c9d55c5ccb37f3920ecab9720f2ebf2a6ca18
            0024-git-pull-request-trailing-space.mbox | git://git.kernel.org/pub/scm/linux/kernel/git/nsekhar/linux-davinci.git | tags/davinci-for-v5.6/soc | e42617b825f8073569da76dc4510bfa019b1c35a | 5e06d19694a463a012c2589e29078196eb209448
            """)
    void pullRequestRepositoryAndBranch(String fixture, String repo, String branch, String base, String head) {
        PullRequest pr = PullRequestParser.parse(TestMail.fixtureMail(fixture).body());
        assertThat(pr.repository()).isEqualTo(repo);
        assertThat(pr.branch()).isEqualTo(branch);
        assertThat(pr.baseCommit()).isEqualTo(base);
        assertThat(pr.headCommit()).isEqualTo(head);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0007-cvs-format-diff.mbox", "0008-git-rename.mbox", "0009-git-rename-with-diff.mbox",
        "0010-invalid-charset.mbox", "0011-no-newline-at-end-of-file.mbox", "0021-git-empty-new-file.mbox",
        "0022-git-mode-change.mbox", "0025-git-add-binary-file.mbox", "0026-git-add-mixed-binary-text-files.mbox",
        "0027-git-modify-binary-file.mbox"})
    void diffFixturesArePatches(String fixture) {
        MailFacts f = analyzer.analyze(TestMail.fixtureMail(fixture));
        assertThat(f.kind()).isEqualTo(MessageKind.PATCH);
        assertThat(f.diff()).isNotNull();
        assertThat(PullRequestParser.parse(TestMail.fixtureMail(fixture).body())).isNull();
    }

    @Test
    void coverLetter() {
        MailFacts f = facts(TestMail.mail().subject("[PATCH v2 0/3] rust: nvme: driver").body("""
                This series adds a driver.

                For the series:
                Reviewed-by: Ann Author <ann@example.org>
                """));
        assertThat(f.kind()).isEqualTo(MessageKind.COVER);
        assertThat(f.diff()).isNull();
        assertThat(f.tags().version()).isEqualTo(2);
        assertThat(f.trailers()).extracting(Trailer::name).containsExactly("Reviewed-by");
        assertThat(facts(TestMail.mail().subject("[PATCH 0 of 2] Sample Mercurial patches")).kind())
                .isEqualTo(MessageKind.COVER);
        assertThat(facts(TestMail.mail().subject("[RFC 00/13] rust: idea")).kind()).isEqualTo(MessageKind.COVER);
    }

    @Test
    void patchesWithAndWithoutDiffs() {
        assertThat(facts(TestMail.mail().subject("[PATCH 2/3] x").body("diff got lost")).kind())
                .isEqualTo(MessageKind.PATCH);
        assertThat(facts(TestMail.mail().subject("fix foo").body("Fix.\n---\n" + DIFF)).kind())
                .isEqualTo(MessageKind.PATCH);
        assertThat(facts(TestMail.mail().subject("[PATCH] fix").body("no diff, no thread")).kind())
                .isEqualTo(MessageKind.OTHER);
        assertThat(facts(TestMail.mail().subject("[PATCH] fix").body("Fix.").attachment(DIFF)).kind())
                .isEqualTo(MessageKind.PATCH);
        // a respin sent in reply to the patch it replaces: no Re:, so a patch
        MailFacts respin = facts(TestMail.mail().subject("[PATCH v5.1 10/12] rust: respin").inReplyTo("p10@x")
                .body("Respin.\n---\n" + DIFF));
        assertThat(respin.kind()).isEqualTo(MessageKind.PATCH);
        assertThat(respin.version()).isEqualTo(5);
        assertThat(respin.tags().versionMinor()).isEqualTo(1);
    }

    @Test
    void repliesAndOthers() {
        MailFacts reply = facts(TestMail.mail().subject("Re: [PATCH 1/2] x").inReplyTo("p1@x").body("""
                > +fn b() {}

                Something like this instead:

                """ + DIFF + """

                Reviewed-by: Rev <rev@example.org>
                change-id: 20240101-not-mine-0123456789ab
                """));
        assertThat(reply.kind()).isEqualTo(MessageKind.REPLY);
        assertThat(reply.diff()).as("a reply keeps its own diff").isNotNull();
        assertThat(reply.trailers()).extracting(Trailer::name).containsExactly("Reviewed-by");
        assertThat(reply.changeId()).as("replies name no change-id").isNull();
        assertThat(reply.parent()).isEqualTo("p1@x");

        assertThat(facts(TestMail.mail().subject("thanks").inReplyTo("p1@x")).kind()).isEqualTo(MessageKind.REPLY);
        assertThat(facts(TestMail.mail().subject("Rust meeting notes").body("Hi all")).kind())
                .isEqualTo(MessageKind.OTHER);
        MailFacts quotedDiff = facts(TestMail.mail().subject("question").body("> " + DIFF.replace("\n", "\n> ")));
        assertThat(quotedDiff.kind()).isEqualTo(MessageKind.OTHER);
        assertThat(quotedDiff.diff()).isNull();
    }

    // ---- authors and trailers ----

    @Test
    void inBodyFromNamesThePatchAuthor() {
        MailFacts f = facts(TestMail.mail().subject("[PATCH 1/2] x").from("Sender", "sender@example.org").body("""

                From: "Real, Author" <real@example.org>

                Commit message.

                Signed-off-by: Real Author <real@example.org>
                Signed-off-by: Sender <sender@example.org>
                ---
                """ + DIFF));
        assertThat(f.author()).isEqualTo(new Address("Real, Author", "real@example.org"));
        assertThat(f.from()).isEqualTo(new Address("Sender", "sender@example.org"));
        assertThat(f.trailers()).extracting(t -> t.person().email())
                .containsExactly("real@example.org", "sender@example.org");
    }

    @Test
    void inBodyFromOnlyCountsAsFirstLineOfAPatch() {
        String late = "Commit message.\nFrom: Other <other@example.org>\n---\n" + DIFF;
        assertThat(facts(TestMail.mail().subject("[PATCH] x").body(late)).author().email()).isEqualTo("ann@example.org");
        String first = "From: Other <other@example.org>\n\nHi\n";
        assertThat(facts(TestMail.mail().subject("Re: [PATCH] x").body(first)).author().email())
                .isEqualTo("ann@example.org");
        assertThat(facts(TestMail.mail().subject("[PATCH] x").body("From: =?UTF-8?q?J=C3=B6rg?= <j@example.org>\n\nx\n"
                + DIFF)).author()).isEqualTo(new Address("Jörg", "j@example.org"));
        assertThat(facts(TestMail.mail().subject("[PATCH] x").body("From: nobody\n\nx\n" + DIFF)).author().email())
                .isEqualTo("ann@example.org");
    }

    @Test
    void patchTrailersComeFromTheCommitMessageOnly() {
        MailFacts f = facts(TestMail.mail().subject("[PATCH v2 1/1] x").body("""
                Commit message.

                Link: https://lore.kernel.org/r/report@example.org
                Acked-by: Ack <ack@example.org>
                Signed-off-by: Ann Author <ann@example.org>
                ---
                Changes in v2:
                Reviewed-by: Notes <notes@example.org>
                """ + DIFF + """
                --\s
                Tested-by: Sig <sig@example.org>
                """));
        assertThat(f.trailers()).extracting(Trailer::name).containsExactly("Link", "Acked-by", "Signed-off-by");
        assertThat(f.trailers().get(0).person()).isNull();
    }

    // ---- change-id ----

    @Test
    void changeIdFromB4CoverAndPatch() {
        MailFacts cover = facts(TestMail.mail().subject("[PATCH v2 0/2] rust: nvme").body("""
                Cover text.

                ---
                Changes in v2:
                - Link to v1: https://lore.kernel.org/r/20240506-rnvme-v1-0-abc@example.org

                ---
                base-commit: 1ee8855c14d71babab23762a7b5768870b9add9a
                change-id: 20240506-rnvme-7c1e2f4b9a3d

                Best regards,
                --\s
                Ann Author <ann@example.org>
                """));
        assertThat(cover.changeId()).isEqualTo("20240506-rnvme-7c1e2f4b9a3d");
        MailFacts patch = facts(TestMail.mail().subject("[PATCH v2 1/2] rust: nvme: a").body("Msg.\n---\n" + DIFF
                + "\n---\nbase-commit: 1ee8855c14d71babab23762a7b5768870b9add9a\nchange-id: 20240506-rnvme-7c1e2f4b9a3d\n"
                + "\nBest regards,\n-- \nAnn\n"));
        assertThat(patch.changeId()).isEqualTo("20240506-rnvme-7c1e2f4b9a3d");
    }

    @Test
    void gerritAndQuotedChangeIdsAreNotB4s() {
        assertThat(facts(TestMail.mail().subject("[PATCH] x").body(
                "Msg.\n\nChange-Id: I0123456789abcdef0123456789abcdef01234567\n---\n" + DIFF)).changeId()).isNull();
        assertThat(facts(TestMail.mail().subject("[PATCH] x").body(
                "Msg.\n\nchange-id: I0123456789abcdef0123456789abcdef01234567\n---\n" + DIFF)).changeId()).isNull();
        assertThat(facts(TestMail.mail().subject("[PATCH 0/2] x").body("> change-id: 20240506-rnvme-7c1e2f4b9a3d\n"))
                .changeId()).isNull();
    }

    // ---- body versions ----

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            2 | Hi, this is v2 of the driver.
            2 | This is the second version of the series.
            2 | Here is v2 of this series.
            2 | Changes since v1:
            2 | changes since v1 - fix the build
            3 | Changes in v3:\\n- foo\\nChanges in v2:\\n- bar
            2 | v1 -> v2:\\n- rename
            3 | v2->v3: rebase
            2 | V2:\\n- fix typo
            3 | v3:\\n - x\\nv2:\\n - y\\nv1:\\n - initial
            2 | - Link to v1: https://lore.kernel.org/r/a@example.org
            3 | v2: https://lore.kernel.org/r/b@example.org\\nv1: https://lore.kernel.org/r/a@example.org
            2 | Since v1:\\n- stuff
            0 | This fixes a regression since v6.8 and v6.8 -> v6.9 upgrades.
            0 | > Changes in v3:
            0 | Version 2 of the protocol is supported by the device.
            0 | We need to move from v1 of the API eventually.
            """)
    void bodyVersion(int expected, String text) {
        String body = "Cover letter.\n\n" + text.replace("\\n", "\n") + "\n";
        MailFacts f = facts(TestMail.mail().subject("[PATCH 0/3] rust: x").body(body));
        assertThat(f.bodyVersion()).isEqualTo(expected);
        assertThat(f.version()).isEqualTo(expected == 0 ? 1 : expected);
    }

    @Test
    void bodyVersionOnlyWhenTheSubjectHasNone() {
        MailFacts f = facts(TestMail.mail().subject("[PATCH v3 0/2] x").body("Changes since v4:\n"));
        assertThat(f.bodyVersion()).isZero();
        assertThat(f.version()).isEqualTo(3);
    }

    @Test
    void bodyVersionOfAPatchComesFromItsNotesNotItsDiff() {
        String body = "Msg.\n---\nv2:\n- fix\n\n" + DIFF.replace("+fn b() {}", "+// this is v7 of the API");
        MailFacts f = facts(TestMail.mail().subject("[PATCH] x").body(body));
        assertThat(f.bodyVersion()).isEqualTo(2);
        assertThat(facts(TestMail.mail().subject("Re: [PATCH] x").body("this is v2")).bodyVersion()).isZero();
    }

    // ---- earlier versions ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            v1: https://lore.kernel.org/r/20240101-a-v1-0-abc@example.org                                    | 20240101-a-v1-0-abc@example.org
            - Link to v2: https://lore.kernel.org/r/20240108-9p-buffer-v2-0-00bc1be4a5db@example.net         | 20240108-9p-buffer-v2-0-00bc1be4a5db@example.net
            v1: https://lore.kernel.org/all/20240111210500.3310532-1-ingrid.haugen@example.org/              | 20240111210500.3310532-1-ingrid.haugen@example.org
            previous version: https://lore.kernel.org/rust-for-linux/CA+abc%3D%40mail.gmail.com/T/#u          | CA+abc=@mail.gmail.com
            earlier version at http://lkml.kernel.org/r/1473633201-10585-1-git-send-email-x@example.com     | 1473633201-10585-1-git-send-email-x@example.com
            [v1] https://patch.msgid.link/20240101.abc@example.org                                            | 20240101.abc@example.org
            v1 - https://patchwork.kernel.org/project/netdevbpf/patch/20240101-p-v1-1-abc@example.org/       | 20240101-p-v1-1-abc@example.org
            RFC: https://patchwork.ozlabs.org/project/linuxppc-dev/cover/%3C20240101.cov@example.org%3E/     | 20240101.cov@example.org
            Changes since v1 (https://lore.kernel.org/lkml/20240102-x@example.org):                           | 20240102-x@example.org
            v3: lore.kernel.org/r/no-scheme@example.org.                                                     | no-scheme@example.org
            """)
    void earlierVersionLinkForms(String line, String id) {
        MailFacts f = facts(TestMail.mail().subject("[PATCH v4 0/2] x").body("Cover.\n\n" + line + "\n"));
        assertThat(f.earlierVersionIds()).containsExactly(id);
    }

    @Test
    void linkOnTheLineAfterTheVersionWords() {
        MailFacts f = facts(TestMail.mail().subject("[PATCH v3 0/2] x").body("""
                Link to v2:
                  https://lore.kernel.org/r/v2@example.org
                v1 -> v2:
                - Fix the thing Bob found (https://lore.kernel.org/r/review@example.org)
                """));
        assertThat(f.earlierVersionIds()).containsExactly("v2@example.org");
    }

    @Test
    void linksThatNameNoEarlierVersion() {
        MailFacts f = facts(TestMail.mail().id("self@example.org").subject("[PATCH v2 0/2] x").body("""
                See https://lore.kernel.org/r/bug-report@example.org for the report.
                v1: https://patchwork.kernel.org/project/netdevbpf/list/?series=812345
                v1: https://patchwork.kernel.org/patch/12345/
                v1: https://lwn.net/ml/rust-for-linux/lwn@example.org/
                v1: https://lore.kernel.org/rust-for-linux/?q=s:nvme
                v1: https://lore.kernel.org/r/self@example.org
                > v1: https://lore.kernel.org/r/quoted@example.org
                """));
        assertThat(f.earlierVersionIds()).isEmpty();
    }

    @Test
    void aPatchsTrailerLinksAreNotEarlierVersions() {
        String body = """
                Commit message.

                Link: https://lore.kernel.org/r/report@example.org # v1 of the report
                Signed-off-by: Ann <ann@example.org>
                ---
                v1: https://lore.kernel.org/r/v1@example.org
                """ + DIFF;
        assertThat(facts(TestMail.mail().subject("[PATCH v2] x").body(body)).earlierVersionIds())
                .containsExactly("v1@example.org");
        // the same trailer line in a cover letter is an ordinary line
        assertThat(facts(TestMail.mail().subject("[PATCH v2 0/1] x").body(body.substring(0, body.indexOf("---"))))
                .earlierVersionIds()).containsExactly("report@example.org");
        assertThat(facts(TestMail.mail().subject("Re: [PATCH v2 0/1] x").body("v1: https://lore.kernel.org/r/v1@x.org"))
                .earlierVersionIds()).isEmpty();
    }

    // ---- dependencies ----

    @Test
    void dependsOnMessageIdsAndUrls() {
        MailFacts f = facts(TestMail.mail().subject("[PATCH v1 0/2] Improvements to the test project").body("""
                Various improvements to the test project.

                Depends-on: <20240611160854.192806-1-ahassick@iol.unh.edu>
                depends-on: https://lore.kernel.org/all/20240611-2-x@example.org/
                Depends-on: https://patchwork.kernel.org/project/p/list/?series=123
                Depends-on: <20240611160854.192806-1-ahassick@iol.unh.edu>
                > Depends-on: <quoted@example.org>
                Adam Hassick (2):
                  Makefile: Improve the makefile
                """));
        assertThat(f.dependsOn()).containsExactly("20240611160854.192806-1-ahassick@iol.unh.edu", "20240611-2-x@example.org");
        assertThat(f.earlierVersionIds()).isEmpty();
        MailFacts patch = facts(TestMail.mail().subject("[PATCH 1/2] x").body("Msg.\n\nDepends-on: bare@example.org\n---\n" + DIFF));
        assertThat(patch.dependsOn()).containsExactly("bare@example.org");
    }

    // ---- carried fields and robustness ----

    @Test
    void carriesHeaderFieldsAndProblems() {
        ParsedMail m = TestMail.mail().id("m1@example.org").subject("[PATCH 1/2] x").inReplyTo("c@example.org")
                .problem("header: bad date").body("x\n" + DIFF.replace("@@ -1,2 +1,3 @@", "@@ -1,9 +1,9 @@")).build();
        MailFacts f = analyzer.analyze(m);
        assertThat(f.messageId()).isEqualTo("m1@example.org");
        assertThat(f.inReplyTo()).containsExactly("c@example.org");
        assertThat(f.references()).containsExactly("c@example.org");
        assertThat(f.listIds()).containsExactly("test.example.org");
        assertThat(f.date()).isNull();
        assertThat(f.tags().title()).isEqualTo("x");
        assertThat(Problem.details(f.problems())).hasSize(2).first().isEqualTo("header: bad date");
        assertThat(f.problems().get(1).detail()).contains("ends early");
        assertThat(f.problems().get(1).code()).isEqualTo(Problem.Code.DIFF_MALFORMED);
    }

    @Test
    void neverThrows() {
        ParsedMail empty = new ParsedMail("", true, null, null, null, List.of(), List.of(), List.of(), null,
                List.of(), List.of(Problem.of(Problem.Code.NOT_A_MAIL, "not a mail")), false);
        MailFacts f = analyzer.analyze(empty);
        assertThat(f.kind()).isEqualTo(MessageKind.OTHER);
        assertThat(Problem.details(f.problems())).containsExactly("not a mail");
        assertThat(analyzer.analyze(null).problems()).isNotEmpty();
        String hostile = "@@ -1,99999999999 +1 @@\n".repeat(100) + "diff --git \"unterminated\n" + "v".repeat(100_000)
                + "\nDepends-on: <<>>\nchange-id:\n" + "https://lore.kernel.org/r/%ZZ%4\n";
        MailFacts h = analyzer.analyze(TestMail.mail().subject("[PATCH v99999999999 1/] [").body(hostile).build());
        assertThat(h.kind()).isNotNull();
    }
}
