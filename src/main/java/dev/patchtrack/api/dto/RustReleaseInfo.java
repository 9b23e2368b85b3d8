package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * One row of the table over releases.
 *
 * @param architectures the architectures a build can enable Rust for (Kconfig {@code HAVE_RUST})
 * @param series        how many Rust series it first carried
 * @param url           the release's status in the API
 */
public record RustReleaseInfo(String release, Instant date, boolean preRelease, String rustcMin, String bindgenMin,
                              List<String> architectures, int rustFiles, long rustLines, int driverFiles,
                              long driverLines, int series, String url) {
}
