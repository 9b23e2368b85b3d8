/**
 * The whole derivation as one pure stage: from the facts of a group of messages (and the maintainers'
 * overrides, the commits of tracked trees, the CI checks) to everything the store keeps of them, as
 * data. {@link dev.patchtrack.core.derive.SeriesDerivation} threads and links the messages into series
 * ({@code core.series}), gives each revision its topics ({@code core.classify}) and each patch and
 * revision its state with the reason ({@code core.review}), and rolls them up into the series.
 * {@link dev.patchtrack.core.derive.AppliedCoverage} is the one rule for which patches an "applied"
 * notice covers and which of its commits concern each; {@link dev.patchtrack.core.derive.SeriesEvents}
 * says which change of a stored series is an event and in what words. Everything is keyed by
 * Message-ID: the store maps ids to its rows. Imports the rest of {@code core} and the JDK.
 */
package dev.patchtrack.core.derive;
