package dev.patchtrack.core.rust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseCyclesTest {

    static final List<String> TAGS = List.of("v6.12", "v6.13-rc1", "v6.13-rc2", "v6.13", "v6.14-rc1");

    @Test
    void aReleaseCountsItsCandidatesAndACandidateOnlyItself() {
        Map<String, String> first = new LinkedHashMap<>();
        first.put("a", "v6.13-rc1");
        first.put("b", "v6.13");
        first.put("c", "v6.12");
        first.put("d", "v6.14-rc1");
        assertThat(ReleaseCycles.firstIn(TAGS, "v6.13", first)).containsExactly("a", "b");
        assertThat(ReleaseCycles.firstIn(TAGS, "v6.13-rc1", first)).containsExactly("a");
        assertThat(ReleaseCycles.firstIn(TAGS, "v6.12", first)).containsExactly("c");
        assertThat(ReleaseCycles.counts(TAGS, first)).containsExactly(Map.entry("v6.12", 1), Map.entry("v6.13-rc1", 1),
                Map.entry("v6.13-rc2", 0), Map.entry("v6.13", 2), Map.entry("v6.14-rc1", 1));
    }

    @Test
    void theEarliestTagIsByVersionNotByName() {
        assertThat(ReleaseCycles.earliest(List.of("v6.10", "v6.9", "v6.10-rc1"))).isEqualTo("v6.9");
        assertThat(ReleaseCycles.earliest(List.of())).isNull();
    }

    @Test
    void changesNameToolBumpsAndArchitectures() {
        RustRelease before = new RustRelease("v6.12", "a", null, "1.78.0", "0.65.1",
                List.of(new RustArch("riscv", true, "CC_IS_CLANG", "Maintained", null),
                        new RustArch("x86", true, "X86_64", "Maintained", null)), 1, 1, 0, 0);
        RustRelease after = new RustRelease("v6.13", "b", null, "1.85.0", "0.65.1",
                List.of(new RustArch("loongarch", true, null, "Maintained", null),
                        new RustArch("riscv", true, null, "Maintained", null),
                        new RustArch("x86", true, "X86_64", "Maintained", null)), 1, 1, 0, 0);
        assertThat(RustChanges.between(before, after)).containsExactly("rustc 1.78.0 -> 1.85.0",
                "loongarch: can enable Rust", "loongarch: documented as Maintained",
                "riscv: Rust without a condition (was: if CC_IS_CLANG)");
        assertThat(RustChanges.between(after, before)).contains("rustc 1.85.0 -> 1.78.0", "loongarch: can no longer enable Rust",
                "loongarch: no longer documented");
        assertThat(RustChanges.between(null, after)).isEmpty();
        assertThat(after.enabled()).containsExactly("loongarch", "riscv", "x86");
    }
}
