package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * Where Rust in Linux stands at one release of a tracked tree.
 *
 * @param tree          the tracked tree ({@code patchtrack.trees.<name>})
 * @param release       the release tag
 * @param date          its commit's time
 * @param preRelease    a release candidate ({@code -rc})
 * @param rustcMin      the minimum rustc ({@code scripts/min-tool-version.sh}); null before Rust support
 * @param bindgenMin    the minimum bindgen, likewise
 * @param architectures the architectures whose Kconfig selects {@code HAVE_RUST} or that the Rust
 *                      documentation lists, by name
 * @param rustFiles     {@code .rs} files under {@code rust/}
 * @param rustLines     their lines
 * @param driverFiles   {@code .rs} files under {@code drivers/}
 * @param driverLines   their lines
 * @param previous      the release before it, null for the first one
 * @param changes       what changed for Rust since {@code previous}
 * @param series        the Rust series it first carried (of those tracked here)
 */
public record RustStatusInfo(String tree, String release, String commit, Instant date, boolean preRelease,
                             String rustcMin, String bindgenMin, List<RustArchInfo> architectures, int rustFiles,
                             long rustLines, int driverFiles, long driverLines, String previous, List<String> changes,
                             List<RustSeriesInfo> series) {
}
