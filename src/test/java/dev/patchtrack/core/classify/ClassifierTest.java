package dev.patchtrack.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private static Classifier defaults;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ClassifierTest.class.getResourceAsStream("/topics.rules")) {
            TopicRules rules = TopicRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "topics.rules");
            assertThat(rules.problems()).isEmpty();
            defaults = new Classifier(rules);
        }
    }

    private static List<String> topics(List<String> paths, List<String> subjects, List<String> lists, String text) {
        return defaults.classify(new ClassifyInput(paths, subjects, lists, text)).stream().map(TopicLabel::topic).toList();
    }

    private static List<String> paths(String... paths) {
        return topics(List.of(paths), List.of("x: y"), List.of(), "");
    }

    @Test
    void eachDefaultTopicByPath() {
        assertThat(paths("rust/kernel/sync/arc.rs")).containsExactly("rust-core");
        assertThat(paths("Documentation/rust/quick-start.rst")).containsExactly("rust-toolchain");
        assertThat(paths("Documentation/rust/general-information.rst")).containsExactly("rust-core");
        assertThat(paths("scripts/generate_rust_analyzer.py")).containsExactly("rust-core");
        assertThat(paths("drivers/block/rnvme.rs")).containsExactly("rust-nvme");
        assertThat(paths("drivers/nvme/host/rust_core.rs")).containsExactly("rust-nvme");
        assertThat(paths("fs/9p/fid.rs")).containsExactly("rust-9p");
        assertThat(paths("drivers/block/rnull.rs")).containsExactly("rust-block");
        assertThat(paths("rust/kernel/block/mq/request.rs")).containsExactly("rust-block");
        assertThat(paths("drivers/net/phy/ax88796b_rust.rs")).containsExactly("rust-net");
        assertThat(paths("rust/kernel/net/phy.rs")).containsExactly("rust-net");
        assertThat(paths("drivers/gpu/drm/nova/driver.rs")).containsExactly("rust-drm");
    }

    private static List<TopicLabel> labels(List<String> paths, String subject, List<String> lists) {
        return defaults.classify(new ClassifyInput(paths, List.of(subject), lists, ""));
    }

    @Test
    void toolchainWorkIsMinimumVersionsTheBuildRulesAndGccrs() {
        assertThat(paths("scripts/min-tool-version.sh", "scripts/rust_is_available.sh", "rust/Makefile"))
                .containsExactly("rust-toolchain");
        // the build rules are the toolchain's, the crate beside them is core
        assertThat(paths("rust/Makefile", "rust/kernel/lib.rs")).containsExactly("rust-core", "rust-toolchain");
        assertThat(topics(List.of(), List.of("rust: bump minimum Rust and `bindgen` versions"), List.of(), ""))
                .containsExactly("rust-toolchain");
        // gccrs in the GCC tree: C++ files, but Rust work
        assertThat(topics(List.of("gcc/rust/backend/rust-compile-expr.cc"), List.of("gccrs: fix ICE on empty match"),
                List.of("gcc-patches"), "")).containsExactly("rust-toolchain");
        assertThat(topics(List.of(), List.of("gccrs: add missing lang items"), List.of("gcc-rust"), ""))
                .containsExactly("rust-toolchain");
        // gcc work that is not the Rust front end stays out
        assertThat(topics(List.of("gcc/tree-ssa.cc"), List.of("tree-optimization: fix PR123"), List.of("gcc-patches"), ""))
                .containsExactly("not-rust");
    }

    @Test
    void architectureWorkCarriesTheArchitectureAsItsDetail() {
        List<TopicLabel> riscv = labels(List.of("Documentation/rust/arch-support.rst", "arch/riscv/Kconfig", "rust/Makefile"),
                "RISC-V: re-enable gcc + rust builds", List.of());
        assertThat(riscv).extracting(TopicLabel::topic).containsExactly("rust-arch", "rust-toolchain");
        assertThat(riscv.get(0).detail()).isEqualTo("riscv");
        assertThat(riscv.get(0).reason()).contains("path arch/riscv/Kconfig matched path \"arch/{arch}/**\"");
        assertThat(riscv.get(1).detail()).isNull();
        // several architectures: each named once, in order
        assertThat(labels(List.of("arch/x86/Makefile", "arch/loongarch/Makefile", "arch/x86/Makefile.um"),
                "rust: kbuild: support `-Cjump-tables=n`", List.of()).get(0).detail()).isEqualTo("loongarch,x86");
        // without files the subject names it; RISC-V and riscv are one architecture
        assertThat(labels(List.of(), "RISC-V: enable Rust for 32-bit", List.of()))
                .containsExactly(new TopicLabel("rust-arch", labels(List.of(), "RISC-V: enable Rust for 32-bit", List.of())
                        .get(0).reason(), "riscv"));
        assertThat(labels(List.of(), "rust: x86: support Rust >= 1.98.0 target spec", List.of()).get(0).detail()).isEqualTo("x86");
        // an LWN title has no files and no prefix: the words decide, each architecture named once
        List<TopicLabel> lwn = labels(List.of(), "Rust on RISC-V, LoongArch and riscv64 toolchains", List.of());
        assertThat(lwn).extracting(TopicLabel::topic).containsExactly("rust-arch", "rust-toolchain");
        assertThat(lwn.get(0).detail()).isEqualTo("loongarch,riscv");
        assertThat(labels(List.of(), "Rust's minimum toolchain moves on", List.of())).extracting(TopicLabel::topic)
                .containsExactly("rust-toolchain");
        // arch/ C code that is not Rust work is not-rust, whatever the rule for arch/ says
        assertThat(paths("arch/riscv/kernel/setup.c")).containsExactly("not-rust");
    }

    @Test
    void theMostSpecificPathWinsPerFileAndFilesAddUp() {
        assertThat(paths("rust/kernel/block/mq.rs")).containsExactly("rust-block");
        assertThat(paths("rust/kernel/block/mq.rs", "rust/kernel/sync/lock.rs")).containsExactly("rust-block", "rust-core");
    }

    @Test
    void cCodeIsNotRustWhateverItsArea() {
        assertThat(topics(List.of("fs/9p/vfs_file.c", "net/9p/client.c"), List.of("net/9p: drop fid reference"),
                List.of("v9fs"), "")).containsExactly("not-rust");
        assertThat(paths("drivers/nvme/host/core.c")).containsExactly("not-rust");
    }

    @Test
    void subjectsListsAndKeywordsClassifyRustWork() {
        assertThat(topics(List.of(), List.of("rust: nvme: add PCI BAR mapping helpers"), List.of(), ""))
                .containsExactly("rust-nvme");
        assertThat(topics(List.of(), List.of("kbuild: rust: add `clone_ref()`"), List.of(), "")).containsExactly("rust-toolchain");
        assertThat(topics(List.of(), List.of("add queue"), List.of("linux-block"), "Rust"))
                .containsExactly("rust-block");
        assertThat(topics(List.of(), List.of("foo: bar"), List.of(), "This adds Rust bindings for foo"))
                .containsExactly("rust-other");
        assertThat(topics(List.of("fs/foo.c"), List.of("foo: bar"), List.of(), "we trust the caller"))
                .containsExactly("not-rust");
    }

    @Test
    void theFilesOutrankTheSubjectTheListAndAnyWordInTheText() {
        // the list says block, the file says NVMe: the file decides
        assertThat(topics(List.of("drivers/block/rnvme.rs"), List.of("add queue"), List.of("linux-block"), ""))
                .containsExactly("rust-nvme");
        // a C-only patch that mentions Rust in its text is not Rust work
        assertThat(topics(List.of("fs/foo.c"), List.of("foo: bar"), List.of(), "This adds Rust bindings for foo"))
                .containsExactly("not-rust");
        // a cover letter that mentions NVMe over files in rust/: rust-core, and the reason names the keyword
        List<TopicLabel> labels = defaults.classify(new ClassifyInput(List.of("rust/kernel/lib.rs"),
                List.of("Rust support"), List.of(), "drivers such as NVMe could follow"));
        assertThat(labels).extracting(TopicLabel::topic).containsExactly("rust-core");
        assertThat(labels.get(0).reason()).contains("rust/kernel/lib.rs").contains("outranked")
                .contains("rust-nvme").contains("keyword \"NVMe\"");
    }

    @Test
    void aLabelNamesEveryRuleThatFiredForIt() {
        List<TopicLabel> labels = defaults.classify(new ClassifyInput(List.of("drivers/block/rnull.rs"),
                List.of("rust: block: add rnull"), List.of("linux-block"), "rnull"));
        assertThat(labels).singleElement().satisfies(l -> {
            assertThat(l.topic()).isEqualTo("rust-block");
            assertThat(l.reason()).contains("path drivers/block/rnull.rs").contains("subject \"rust: block: add rnull\"")
                    .contains("list linux-block").contains("keyword \"rnull\"");
        });
    }

    @Test
    void everyLabelSaysWhichRuleMatchedWhat() {
        List<TopicLabel> labels = defaults.classify(new ClassifyInput(List.of("fs/9p/fid.rs"), List.of("9p: x"), List.of(), ""));
        assertThat(labels).singleElement().satisfies(l -> {
            assertThat(l.topic()).isEqualTo("rust-9p");
            assertThat(l.reason()).contains("fs/9p/fid.rs").contains("fs/9p/**").containsPattern("topics\\.rules:\\d+");
        });
        TopicLabel other = defaults.classify(new ClassifyInput(List.of("lib/x.rs"), List.of("lib: x"), List.of(), "")).get(0);
        assertThat(other.topic()).isEqualTo("rust-other");
        assertThat(other.reason()).contains("lib/x.rs").contains("no area rule matched");
    }

    @Test
    void badLinesAreReportedAndTheRestStillApply() {
        TopicRules rules = TopicRules.parse("""
                # comment
                rust path **/*.rs
                rust-x glob *.c
                Bad_Topic path x
                rust-y subject (unclosed
                rust-z path drivers/z/**   # trailing comment
                onlytwo path
                """, "ops.rules");
        assertThat(rules.rules()).extracting(TopicRule::topic).containsExactly("rust", "rust-z");
        assertThat(Problem.details(rules.problems())).hasSize(4)
                .anySatisfy(p -> assertThat(p).startsWith("ops.rules:3").contains("unknown signal"))
                .anySatisfy(p -> assertThat(p).startsWith("ops.rules:4").contains("not a topic"))
                .anySatisfy(p -> assertThat(p).startsWith("ops.rules:5").contains("bad pattern"))
                .anySatisfy(p -> assertThat(p).startsWith("ops.rules:7"));
        assertThat(rules.problems()).extracting(Problem::code).containsOnly(Problem.Code.RULE_MALFORMED,
                Problem.Code.RULE_PATTERN);
        assertThat(new Classifier(rules).classify(new ClassifyInput(List.of("drivers/z/a/b.rs"), List.of(), List.of(), "")))
                .extracting(TopicLabel::topic).containsExactly("rust-z");
    }

    @Test
    void globsMatchWithinAndAcrossDirectories() {
        assertThat("rust/a.rs").matches(TopicRules.globToRegex("rust/*.rs"));
        assertThat("rust/a/b.rs").doesNotMatch(TopicRules.globToRegex("rust/*.rs"));
        assertThat("rust/a/b.rs").matches(TopicRules.globToRegex("rust/**"));
        assertThat("a.rs").matches(TopicRules.globToRegex("**/*.rs"));
        assertThat("x/y/a.rs").matches(TopicRules.globToRegex("**/*.rs"));
        assertThat("drivers/block/rnull.rs").matches(TopicRules.globToRegex("drivers/block/rnull*"));
        assertThat("drivers/block/rnull/x.rs").doesNotMatch(TopicRules.globToRegex("drivers/block/rnull*"));
        assertThat("a+b.c").matches(TopicRules.globToRegex("a+b.c"));
        assertThat("aXb.c").doesNotMatch(TopicRules.globToRegex("a+b.c"));
    }
}
