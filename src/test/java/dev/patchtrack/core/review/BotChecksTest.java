package dev.patchtrack.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.support.Pipeline;
import dev.patchtrack.support.RealMail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shipped check rules on the kernel test robot's real replies in {@code ../shared/corpus/real/}, and
 * on hand-written syzbot and KernelCI mail (the real files hold none).
 */
class BotChecksTest {

    static final BotChecks BOTS = new BotChecks(shipped());

    static CheckRules shipped() {
        try (InputStream in = BotChecksTest.class.getResourceAsStream("/checks.rules")) {
            return CheckRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "checks.rules");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final Map<RealMail.Archive, Map<String, BotChecks.Derived>> READ = new java.util.EnumMap<>(
            RealMail.Archive.class);

    /** Every check the real file's messages give, by the bot's Message-ID, each message once. */
    static synchronized Map<String, BotChecks.Derived> checksOf(RealMail.Archive a) {
        return READ.computeIfAbsent(a, k -> {
            Map<String, BotChecks.Derived> out = new LinkedHashMap<>();
            for (Pipeline.Parsed p : Pipeline.parse(RealMail.bytes(k))) {
                BOTS.derive(p.mail()).ifPresent(d -> out.putIfAbsent(p.mail().messageId(), d));
            }
            return out;
        });
    }

    static long count(Map<String, BotChecks.Derived> checks, String state) {
        return checks.values().stream().filter(d -> d.state().equals(state)).count();
    }

    @Test
    void theShippedRulesReadWithoutProblems() {
        assertThat(shipped().problems()).isEmpty();
        assertThat(shipped().botOf("lkp@intel.com")).isEqualTo("kernel-test-robot");
        assertThat(shipped().botOf("syzbot+0123abcd@syzkaller.appspotmail.com")).isEqualTo("syzbot");
        assertThat(shipped().botOf("bot@kernelci.org")).isEqualTo("kernelci");
        assertThat(shipped().botOf("ojeda@kernel.org")).isNull();
    }

    @Test
    void everyRealKernelTestRobotReplyGivesACheckOnThePatchItAnswers() {
        Map<String, BotChecks.Derived> kbuild = checksOf(RealMail.Archive.KBUILD);
        Map<String, BotChecks.Derived> pci = checksOf(RealMail.Archive.PCI);
        // read from the files: 4 replies on linux-kbuild (3 build errors, 1 warning), 14 on linux-pci (12, 2)
        assertThat(kbuild).hasSize(4);
        assertThat(count(kbuild, "fail")).isEqualTo(3);
        assertThat(count(kbuild, "warning")).isEqualTo(1);
        assertThat(pci).hasSize(14);
        assertThat(count(pci, "fail")).isEqualTo(12);
        assertThat(count(pci, "warning")).isEqualTo(2);
        List<BotChecks.Derived> all = new ArrayList<>(kbuild.values());
        all.addAll(pci.values());
        assertThat(all).allSatisfy(d -> {
            assertThat(d.context()).isEqualTo("kernel-test-robot");
            assertThat(d.targetUrl()).startsWith("https://lore.kernel.org/oe-kbuild-all/");
            assertThat(d.rule()).contains("(checks.rules:");
        });
        // no other sender in the files is a bot the rules read (patchwork-bot's "applied" notice is no check)
        assertThat(kbuild.keySet()).allMatch(id -> id.endsWith("-lkp@intel.com"));
        assertThat(pci.keySet()).allMatch(id -> id.endsWith("-lkp@intel.com"));
    }

    @Test
    void aBuildErrorOnPatchOneOfTheSriovSeries() {
        BotChecks.Derived d = checksOf(RealMail.Archive.PCI).get("202511211008.jgLuTcrQ-lkp@intel.com");
        assertThat(d.target()).isEqualTo("20251119-rust-pci-sriov-v1-1-883a94599a97@redhat.com");
        assertThat(d.state()).isEqualTo("fail");
        assertThat(d.targetUrl()).isEqualTo("https://lore.kernel.org/oe-kbuild-all/202511211008.jgLuTcrQ-lkp@intel.com/");
        assertThat(d.description())
                .isEqualTo("kernel test robot noticed the following build errors (um-randconfig-001-20251121)");
        assertThat(d.rule()).isEqualTo("\"kernel test robot noticed the following build errors:\" gave fail (checks.rules:18)");
    }

    @Test
    void aClippyWarningIsAWarning() {
        BotChecks.Derived d = checksOf(RealMail.Archive.KBUILD).get("202503120332.YTCpFEvv-lkp@intel.com");
        assertThat(d.target()).isEqualTo("20250307-ptr-as-ptr-v1-1-582d06514c98@gmail.com");
        assertThat(d.state()).isEqualTo("warning");
        assertThat(d.description()).isEqualTo("kernel test robot noticed the following build warnings (x86_64-rhel-9.4-rust)");
    }

    static ParsedMail mail(String from, String parent, String body) {
        return new ParsedMail("bot-1@example.org", false, new Address("Bot", from), Instant.parse("2025-01-02T03:04:05Z"),
                "Re: [PATCH] rust: x", parent == null ? List.of() : List.of(parent), List.of(), List.of(), body,
                List.of(), List.of(), true);
    }

    @Test
    void syzbotTestResults() {
        Optional<BotChecks.Derived> ok = BOTS.derive(mail("syzbot+5e8c1b9f@syzkaller.appspotmail.com", "p1@example.org",
                "Hello,\n\nsyzbot has tested the proposed patch and the reproducer did not trigger any issue:\n\n"
                        + "Reported-by: syzbot+5e8c1b9f@syzkaller.appspotmail.com\n"));
        assertThat(ok).get().extracting(BotChecks.Derived::state, BotChecks.Derived::context)
                .containsExactly("success", "syzbot");
        Optional<BotChecks.Derived> bad = BOTS.derive(mail("syzbot+5e8c1b9f@syzkaller.appspotmail.com", "p1@example.org",
                "Hello,\n\nsyzbot has tested the proposed patch but the reproducer is still triggering an issue:\n"
                        + "KASAN: use-after-free Read in foo\n\ndashboard link: https://syzkaller.appspot.com/bug?extid=5e8c1b9f\n"));
        assertThat(bad).get().extracting(BotChecks.Derived::state, BotChecks.Derived::targetUrl)
                .containsExactly("fail", "https://syzkaller.appspot.com/bug?extid=5e8c1b9f");
    }

    @Test
    void quotedLinesAndMailWithoutAParentGiveNothing() {
        String quoted = "> kernel test robot noticed the following build errors:\nThanks, fixed in v2.\n";
        assertThat(BOTS.derive(mail("lkp@intel.com", "p1@example.org", quoted))).isEmpty();
        assertThat(BOTS.derive(mail("lkp@intel.com", null,
                "kernel test robot noticed the following build errors:\n"))).isEmpty();
        assertThat(BOTS.derive(mail("someone@example.org", "p1@example.org",
                "kernel test robot noticed the following build errors:\n"))).isEmpty();
    }

    @Test
    void badRuleLinesAreNamedAndSkipped() {
        CheckRules rules = CheckRules.parse("""
                # a comment
                ci  from  ^ci@example\\.org$
                ci  fail
                ci  broken  x
                c/i fail x
                ci  fail  (unclosed
                ci  fail  ^FAILED  # after the pattern
                """, "test.rules");
        assertThat(rules.problems()).extracting(Problem::code).containsExactly(Problem.Code.RULE_MALFORMED,
                Problem.Code.RULE_MALFORMED, Problem.Code.RULE_MALFORMED, Problem.Code.RULE_PATTERN);
        assertThat(Problem.details(rules.problems())).containsExactly(
                "test.rules:3: expected <context> <kind> <pattern>",
                "test.rules:4: unknown kind broken (from, pending, success, warning, fail, url or detail)",
                "test.rules:5: not a context (letters, digits, '-', '_', '.'): c/i",
                "test.rules:6: bad pattern: Unclosed group");
        assertThat(new BotChecks(rules).derive(mail("ci@example.org", "p@example.org", "FAILED: boot\n")))
                .get().extracting(BotChecks.Derived::state).isEqualTo("fail");
    }

    @Test
    void aFailingCheckIsNamedInTheReasonAndTheStateStays() {
        StateReason reviewed = new StateReason(ReviewState.REVIEWED, "r@x", null, "Reviewed-by: Bob <bob@example.org>");
        StateReason out = Checks.withFailures(reviewed, List.of(
                new Checks.Result("kernel-test-robot", "fail", "kernel test robot noticed the following build errors (um)"),
                new Checks.Result("build", "fail", "old"),
                new Checks.Result("build", "success", "fixed"),
                new Checks.Result("kernel-test-robot", "fail", "kernel test robot noticed the following build errors (um)")));
        assertThat(out.state()).isEqualTo(ReviewState.REVIEWED);
        assertThat(out.because()).isEqualTo("Reviewed-by: Bob <bob@example.org>; kernel-test-robot failed: "
                + "kernel test robot noticed the following build errors (um)");
        assertThat(Checks.withFailures(reviewed, List.of(new Checks.Result("b", "warning", "w")))).isSameAs(reviewed);
    }

    @Test
    void combinedIsTheWorstOfTheLatestOfEachContext() {
        assertThat(Checks.combined(List.of())).isEqualTo("pending");
        assertThat(Checks.combined(List.of(new Checks.Result("a", "fail", null), new Checks.Result("a", "success", null),
                new Checks.Result("b", "warning", null)))).isEqualTo("warning");
        assertThat(Checks.combined(List.of(new Checks.Result("a", "success", null)))).isEqualTo("success");
    }
}
