package dev.patchtrack.api.dto;

/**
 * One architecture's Rust support at a release.
 *
 * @param haveRust    its {@code arch/<arch>/Kconfig} selects {@code HAVE_RUST}: a build for it can enable Rust
 * @param condition   the {@code if} of that select ({@code CC_IS_CLANG}), null when none
 * @param support     the level {@code Documentation/rust/arch-support.rst} gives it, null when not listed
 * @param constraints the document's constraints for it, null when none
 */
public record RustArchInfo(String arch, boolean haveRust, String condition, String support, String constraints) {
}
