package dev.patchtrack.core.rust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchSupportTest {

    /** Documentation/rust/arch-support.rst as it reads in v6.13 (its table). */
    static final String DOC = """
            .. SPDX-License-Identifier: GPL-2.0

            Arch Support
            ============

            Currently, the Rust compiler (``rustc``) uses LLVM for code generation,
            which limits the supported architectures that can be targeted.

            ============  ================  ==============================================
            Architecture  Level of support  Constraints
            ============  ================  ==============================================
            ``arm64``     Maintained        Little Endian only.
            ``loongarch`` Maintained        \\-
            ``riscv``     Maintained        ``riscv64`` and LLVM/Clang only.
            ``um``        Maintained        \\-
            ``x86``       Maintained        ``x86_64`` only.
            ============  ================  ==============================================
            """;

    @Test
    void theDocumentTableGivesLevelAndConstraints() {
        Map<String, ArchSupport.Documented> doc = ArchSupport.document(DOC);
        assertThat(doc).containsOnlyKeys("arm64", "loongarch", "riscv", "um", "x86");
        assertThat(doc.get("riscv")).isEqualTo(new ArchSupport.Documented("Maintained", "``riscv64`` and LLVM/Clang only."));
        assertThat(doc.get("loongarch").constraints()).isNull();
    }

    @Test
    void aKconfigSelectsHaveRustWithItsCondition() {
        assertThat(ArchSupport.selectsHaveRust("config X86\n\tselect HAVE_RUST\t\t\tif X86_64\n\tselect HAVE_STACKPROTECTOR\n"))
                .isEqualTo("X86_64");
        assertThat(ArchSupport.selectsHaveRust("config UML\n\tselect HAVE_RUST\n")).isEmpty();
        assertThat(ArchSupport.selectsHaveRust("config RISCV\n\tselect HAVE_RUST if RUSTC_SUPPORTS_RISCV && CC_IS_CLANG # gcc later\n"))
                .isEqualTo("RUSTC_SUPPORTS_RISCV && CC_IS_CLANG");
        // a symbol that only starts the same is not HAVE_RUST, and a comment is not a select
        assertThat(ArchSupport.selectsHaveRust("\tselect HAVE_RUSTY_THING\n#\tselect HAVE_RUST\n")).isNull();
    }

    @Test
    void bothSourcesAreKeptByArchitecture() {
        var archs = ArchSupport.of(Map.of("x86", "\tselect HAVE_RUST if X86_64\n", "arm", "config ARM\n",
                "loongarch", "\tselect HAVE_RUST\n"), DOC);
        assertThat(archs).extracting(RustArch::arch).containsExactly("arm64", "loongarch", "riscv", "um", "x86");
        assertThat(archs).filteredOn(RustArch::haveRust).extracting(RustArch::arch).containsExactly("loongarch", "x86");
        assertThat(archs.get(4)).isEqualTo(new RustArch("x86", true, "X86_64", "Maintained", "``x86_64`` only."));
        // documented, but this tree's Kconfig does not select it
        assertThat(archs.get(0)).isEqualTo(new RustArch("arm64", false, null, "Maintained", "Little Endian only."));
    }
}
