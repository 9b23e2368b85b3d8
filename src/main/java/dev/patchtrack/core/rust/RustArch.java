package dev.patchtrack.core.rust;

/**
 * One architecture's Rust support at a release.
 *
 * @param arch        the directory under {@code arch/} ({@code riscv}, {@code loongarch}, {@code um})
 * @param haveRust    its Kconfig selects {@code HAVE_RUST}, so a build for it can enable Rust
 * @param condition   the {@code if} of that {@code select} ({@code CC_IS_CLANG}, {@code X86_64}), null when
 *                    it has none or there is no {@code select}
 * @param support     the level {@code Documentation/rust/arch-support.rst} gives ({@code Maintained}), null
 *                    when the document does not list it
 * @param constraints the document's constraints ({@code riscv64 and LLVM/Clang only.}), null when none
 */
public record RustArch(String arch, boolean haveRust, String condition, String support, String constraints) {
}
