package dev.patchtrack.api.dto;

import java.util.Map;

/**
 * What one scan of a tree did.
 *
 * @param walked         commits read on its branches, merges included
 * @param added          commits recorded
 * @param tagged         recorded commits whose first release tag changed
 * @param matchesChanged patches whose match changed (then series were rebuilt, {@code rebuilt})
 * @param releasesRead   release tags whose Rust state was read ({@code GET /api/rust/releases})
 * @param branches       the branch tips scanned
 */
public record TreeScanInfo(String tree, int walked, int added, int tagged, int matchesChanged, boolean rebuilt,
                           int releasesRead, Map<String, String> branches, long millis) {
}
