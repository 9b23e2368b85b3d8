package dev.patchtrack.core.rust;

import java.time.Instant;
import java.util.List;

/**
 * Where Rust stands in one release of a kernel tree.
 *
 * @param tag           the release tag ({@code v6.13}, {@code v6.14-rc1})
 * @param commit        the commit it names
 * @param taggedAt      the commit's time
 * @param rustcMin      the minimum {@code rustc}, null when the release has no Rust support
 * @param bindgenMin    the minimum {@code bindgen}, null likewise
 * @param architectures the architectures whose Kconfig or documentation says they support Rust, by name
 * @param rustFiles     {@code .rs} files under {@code rust/}
 * @param rustLines     their lines
 * @param driverFiles   {@code .rs} files under {@code drivers/}
 * @param driverLines   their lines
 */
public record RustRelease(String tag, String commit, Instant taggedAt, String rustcMin, String bindgenMin,
                          List<RustArch> architectures, int rustFiles, long rustLines, int driverFiles, long driverLines) {

    public RustRelease {
        architectures = List.copyOf(architectures);
    }

    /** The architectures a build can enable Rust for (their Kconfig selects {@code HAVE_RUST}). */
    public List<String> enabled() {
        return architectures.stream().filter(RustArch::haveRust).map(RustArch::arch).toList();
    }
}
