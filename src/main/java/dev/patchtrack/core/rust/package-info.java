/**
 * Where Rust in Linux stands at one release, read from the files of a kernel tree: the minimum
 * {@code rustc} and {@code bindgen} ({@code scripts/min-tool-version.sh}), the architectures that
 * support Rust ({@code Documentation/rust/arch-support.rst} and {@code select HAVE_RUST} in
 * {@code arch/<arch>/Kconfig}), and which Rust series a release first carried. Pure: the callers read
 * the files out of git and hand over their text.
 */
package dev.patchtrack.core.rust;
