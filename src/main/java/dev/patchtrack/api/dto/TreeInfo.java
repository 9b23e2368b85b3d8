package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.Map;

/**
 * A tracked git tree and its last scan.
 *
 * @param name          its configured name ({@code patchtrack.trees.<name>.*})
 * @param url           a local path or a remote URL
 * @param branches      each scanned branch's tip at the last scan
 * @param latestTag     the newest release tag walked
 * @param lastScanAt    when the last scan ended, null before the first
 * @param lastSuccessAt when the last scan without error ended
 * @param lastError     the last scan's error, null when it succeeded
 * @param lastAdded     commits the last scan recorded
 * @param commits       non-merge commits recorded
 * @param released      recorded commits that some release tag contains
 * @param matches       patches found as one of its commits
 * @param scanning      an instance holds the tree's lease now
 */
public record TreeInfo(String name, String url, Map<String, String> branches, String latestTag, Instant lastScanAt,
                       Instant lastSuccessAt, String lastError, int lastAdded, long commits, long released,
                       long matches, boolean scanning) {
}
