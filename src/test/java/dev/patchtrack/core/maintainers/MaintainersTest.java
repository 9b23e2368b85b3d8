package dev.patchtrack.core.maintainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.maintainers.Maintainers.Listed;
import dev.patchtrack.core.maintainers.Maintainers.Role;
import dev.patchtrack.core.maintainers.Maintainers.Section;
import dev.patchtrack.core.maintainers.Reviewers.Reviewer;
import dev.patchtrack.core.maintainers.Reviewers.Status;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.support.Pipeline;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** MAINTAINERS read and matched as get_maintainer.pl does, on a real-shaped excerpt. */
class MaintainersTest {

    static final String EXCERPT = Pipeline.fixtureText("maintainers/0001-rust-excerpt.txt");

    /** The excerpt as a tree where drivers/gpu/nova-core is a directory. */
    static final Maintainers M = Maintainers.parse(EXCERPT, p -> p.equals("drivers/gpu/nova-core"));

    private static List<String> sections(String file) {
        return M.sectionsOf(file).stream().map(Section::name).toList();
    }

    @Test
    void readsSectionsAndSkipsThePreamble() {
        assertThat(M.sections()).extracting(Section::name).containsExactly("ALLOC AND COLLECTIONS [RUST]",
                "NETWORKING DRIVERS", "NETWORKING DRIVERS (WIRELESS)", "PCI SUBSYSTEM [RUST]", "RUST",
                "RUST [TOP-LEVEL FILES ONLY]", "NOVA GPU DRIVER");
        Section rust = M.sections().get(4);
        assertThat(rust.maintainers()).extracting(a -> a.name() + " <" + a.email() + ">")
                .containsExactly("Miguel Ojeda <ojeda@kernel.org>");
        assertThat(rust.reviewers()).hasSize(3);
        assertThat(rust.files()).contains("rust/", "scripts/*rust*");
        assertThat(rust.keywords()).containsExactly("\\b(?i:rust)\\b");
        assertThat(M.sections().get(3).reviewers().get(1).name()).isEqualTo("Krzysztof Wilczyński");
        assertThat(M.problems()).isEmpty();
    }

    @Test
    void aTrailingSlashReachesEverythingBelow() {
        assertThat(sections("drivers/net/ethernet/intel/e1000/e1000_main.c")).containsExactly("NETWORKING DRIVERS");
        assertThat(sections("drivers/net/phy/ax88796b_rust.rs")).containsExactly("NETWORKING DRIVERS");
        assertThat(sections("rust/kernel/sync/arc.rs")).contains("RUST");
        assertThat(sections("drivers/netdevsim/foo.c")).isEmpty();
    }

    @Test
    void aPatternWithoutSlashMatchesOnlyItsOwnDepth() {
        assertThat(sections("rust/kernel/device.rs")).containsExactly("RUST", "RUST [TOP-LEVEL FILES ONLY]");
        assertThat(sections("rust/kernel/sync/arc.rs")).containsExactly("RUST");
        // '*' may run over a slash in the regex, but the depth check refuses a deeper file
        assertThat(sections("scripts/generate_rust_analyzer.py")).containsExactly("RUST");
        assertThat(sections("scripts/rustdoc/rust.py")).isEmpty();
        // the pattern is a prefix: get_maintainer.pl anchors only its start
        assertThat(sections("rust/kernel/alloc.rs")).contains("ALLOC AND COLLECTIONS [RUST]");
        assertThat(sections("rust/kernel/alloc.rsx")).contains("ALLOC AND COLLECTIONS [RUST]");
        assertThat(sections(".rustfmt.toml")).containsExactly("RUST");
        assertThat(sections("Xrustfmt.toml")).isEmpty();
    }

    @Test
    void aDirectoryNamedWithoutSlashGetsOneFromTheTree() {
        assertThat(sections("drivers/gpu/nova-core/gpu.rs")).containsExactly("NOVA GPU DRIVER");
        Maintainers unknownTree = Maintainers.parse(EXCERPT, p -> false);
        assertThat(unknownTree.sectionsOf("drivers/gpu/nova-core/regs.rs")).extracting(Section::name)
                .as("without the tree it is a file pattern, and N: still names the driver").containsExactly("NOVA GPU DRIVER");
        assertThat(unknownTree.sectionsOf("drivers/gpu/drm/nova/file.rs")).isEmpty();
    }

    @Test
    void excludesOverrideFiles() {
        assertThat(sections("drivers/net/wireless/ath/ath9k/main.c")).containsExactly("NETWORKING DRIVERS (WIRELESS)");
        assertThat(sections("rust/kernel/pci.rs")).containsExactly("PCI SUBSYSTEM [RUST]", "RUST");
    }

    @Test
    void nameRegexesMatchFileNames() {
        assertThat(sections("Documentation/gpu/nova/core/nova_core.rst")).containsExactly("NOVA GPU DRIVER");
        assertThat(sections("include/linux/nova-core.h")).containsExactly("NOVA GPU DRIVER");
    }

    @Test
    void keywordsMatchThePatchContent() {
        List<Listed> byWord = M.listed(List.of("include/linux/mm.h"), "Subject: [PATCH] mm: add a helper for Rust\n\n+int x;\n");
        assertThat(byWord).extracting(Listed::section).containsOnly("RUST");
        assertThat(M.listed(List.of("include/linux/mm.h"), "Subject: [PATCH] mm: trusty helper\n")).isEmpty();
        assertThat(M.listed(List.of("include/linux/mm.h"), null)).isEmpty();
    }

    @Test
    void listsEachPersonOnceInTheirStrongestRole() {
        List<Listed> l = M.listed(List.of("rust/kernel/pci.rs", "rust/kernel/alloc/kvec.rs"), "");
        assertThat(l).extracting(x -> x.address() + " " + x.role().wireName() + " " + x.section()).containsExactly(
                "dakr@kernel.org maintainer ALLOC AND COLLECTIONS [RUST]",
                "aliceryhl@google.com reviewer ALLOC AND COLLECTIONS [RUST]",
                "bhelgaas@google.com reviewer PCI SUBSYSTEM [RUST]",
                "kwilczynski@kernel.org reviewer PCI SUBSYSTEM [RUST]",
                "ojeda@kernel.org maintainer RUST",
                "boqun.feng@gmail.com reviewer RUST",
                "gary@garyguo.net reviewer RUST");
        List<Listed> upgraded = Maintainers.parse("A\nR: Ann Bee <ann@example.org>\nF: a/\n\nB\nM: Ann Bee <ANN@example.org>\nF: a/b/\n",
                p -> false).listed(List.of("a/b/c.c"), "");
        assertThat(upgraded).extracting(Listed::role, Listed::section).containsExactly(org.assertj.core.groups.Tuple.tuple(Role.MAINTAINER, "B"));
    }

    @Test
    void badLinesAreProblemsNotFailures() {
        Maintainers m = Maintainers.parse("BROKEN\nM: nobody here\nK: (unclosed\nF: x/\n", p -> false);
        assertThat(m.problems()).hasSize(2).allMatch(p -> p.detail().startsWith("line "));
        assertThat(m.problems()).extracting(Problem::code)
                .containsExactly(Problem.Code.RULE_MALFORMED, Problem.Code.RULE_PATTERN);
        assertThat(m.sectionsOf("x/y.c")).hasSize(1);
    }

    @Test
    void statusIsTrailerThenReplyThenWaitingAndAuthorsAreLeftOut() {
        List<Listed> l = M.listed(List.of("rust/kernel/pci.rs"), "");
        List<Reviewer> r = Reviewers.of(l, Set.of("ojeda@kernel.org"), Set.of("aliceryhl@google.com"),
                Set.of("aliceryhl@google.com", "bhelgaas@google.com"));
        assertThat(r).extracting(x -> x.listed().address() + " " + x.status().wireName()).containsExactly(
                "dakr@kernel.org waiting", "bhelgaas@google.com replied", "kwilczynski@kernel.org waiting",
                "boqun.feng@gmail.com waiting", "gary@garyguo.net waiting", "aliceryhl@google.com trailer");
        assertThat(Reviewers.waitsOn(r, "DAKR@kernel.org")).isTrue();
        assertThat(Reviewers.waitsOn(r, "aliceryhl@google.com")).isFalse();
        assertThat(Reviewers.waitsOn(r, "ojeda@kernel.org")).isFalse();
        assertThat(r.stream().filter(x -> x.status() == Status.WAITING)).hasSize(4);
    }
}
