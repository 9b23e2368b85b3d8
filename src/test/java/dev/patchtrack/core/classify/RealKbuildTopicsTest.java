package dev.patchtrack.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.patch.DiffstatLines;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import dev.patchtrack.support.RealMail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default rules over every series of the real linux-kbuild Rust threads, each revision as the
 * service classifies it (its patches' files, subjects, the list, the cover letter), without booting
 * anything: the toolchain and architecture work the file holds gets its topics, and the counts are
 * printed for the record.
 */
class RealKbuildTopicsTest {

    private static Classifier classifier;
    private static final Map<String, List<TopicLabel>> BY_TITLE = new TreeMap<>();

    @BeforeAll
    static void classifyEverySeries() throws IOException {
        try (InputStream in = RealKbuildTopicsTest.class.getResourceAsStream("/topics.rules")) {
            classifier = new Classifier(TopicRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "topics.rules"));
        }
        RealMail kbuild = RealMail.kbuild();
        for (SeriesDraft s : kbuild.series) {
            Map<String, TopicLabel> labels = new TreeMap<>();
            for (RevisionDraft r : s.revisions()) {
                for (TopicLabel l : classify(kbuild, r)) {
                    labels.merge(l.topic(), l, (a, b) -> new TopicLabel(a.topic(), a.reason(), union(a.detail(), b.detail())));
                }
            }
            if (labels.size() > 1) {
                labels.remove(Classifier.RUST_OTHER);
                labels.remove(Classifier.NOT_RUST);
            }
            BY_TITLE.putIfAbsent(s.title(), List.copyOf(labels.values()));
        }
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> arches = new TreeMap<>();
        BY_TITLE.values().forEach(ls -> ls.forEach(l -> {
            counts.merge(l.topic(), 1, Integer::sum);
            if (l.detail() != null) {
                for (String a : l.detail().split(",")) {
                    arches.merge(a, 1, Integer::sum);
                }
            }
        }));
        System.out.println("linux-kbuild-rust: " + BY_TITLE.size() + " series by title; topics " + counts
                + "; rust-arch series per architecture " + arches);
    }

    private static List<TopicLabel> classify(RealMail mail, RevisionDraft r) {
        List<String> paths = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        MailFacts cover = r.coverMessageId() == null ? null : mail.facts.get(r.coverMessageId());
        if (cover != null) {
            subjects.add(cover.tags().title());
        }
        for (PatchSlot p : r.patches()) {
            MailFacts f = mail.facts.get(p.messageId());
            if (f != null) {
                subjects.add(f.tags().title());
                if (f.diff() != null) {
                    f.diff().files().forEach(c -> paths.add(c.path()));
                }
            }
        }
        String text = cover == null ? "" : mail.bodies.getOrDefault(r.coverMessageId(), "");
        if (r.patches().size() < r.total()) {
            DiffstatLines.paths(text).stream().filter(p -> !paths.contains(p)).forEach(paths::add);
        }
        return classifier.classify(new ClassifyInput(paths, subjects, List.of("linux-kbuild"), text));
    }

    private static String union(String a, String b) {
        TreeSet<String> all = new TreeSet<>();
        for (String s : new String[] {a, b}) {
            if (s != null) {
                all.addAll(List.of(s.split(",")));
            }
        }
        return all.isEmpty() ? null : String.join(",", all);
    }

    private static List<String> topics(String title) {
        assertThat(BY_TITLE).as("a series titled " + title).containsKey(title);
        return BY_TITLE.get(title).stream().map(TopicLabel::topic).toList();
    }

    private static String arch(String title) {
        return BY_TITLE.get(title).stream().filter(l -> l.topic().equals("rust-arch")).map(TopicLabel::detail)
                .findFirst().orElse(null);
    }

    @Test
    void architectureEnablementNamesItsArchitecture() {
        assertThat(topics("RISC-V: re-enable gcc + rust builds")).containsExactly("rust-arch", "rust-toolchain");
        assertThat(arch("RISC-V: re-enable gcc + rust builds")).isEqualTo("riscv");
        assertThat(topics("arch: um: rust: Add i386 support for Rust")).containsExactly("rust-arch", "rust-toolchain");
        assertThat(arch("arch: um: rust: Add i386 support for Rust")).isEqualTo("um");
        // LoongArch's Rust flags, changed with x86's for a new rustc
        assertThat(arch("rust: kbuild: support `-Cjump-tables=n` for Rust 1.93.0")).isEqualTo("loongarch,x86");
        assertThat(arch("Rust support")).isEqualTo("arm,arm64,powerpc,riscv,um,x86");
    }

    @Test
    void versionBumpsAndBuildWorkAreTheToolchains() {
        assertThat(topics("rust: bump minimum Rust and `bindgen` versions")).contains("rust-toolchain");
        // scripts/rustc-version.sh is the toolchain's; a later revision also touches rust/bindings/lib.rs
        assertThat(topics("Support several Rust toolchain versions")).containsExactly("rust-core", "rust-toolchain");
        assertThat(topics("kbuild: rust: add `CONFIG_RUSTC_LLVM_VERSION`")).containsExactly("rust-toolchain");
        assertThat(BY_TITLE.values().stream().filter(ls -> ls.stream().anyMatch(l -> l.topic().equals("rust-toolchain"))))
                .hasSizeGreaterThan(40);
    }
}
