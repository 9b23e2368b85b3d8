package dev.patchtrack.api.dto;

import java.util.List;

/**
 * What changed from the revision before: the patches paired as {@code git range-diff} pairs them, and
 * the author's changelog.
 *
 * @param since     the version of the revision before
 * @param summary   one line: {@code since v2: 1 patch changed, 1 added, 3 unchanged}
 * @param changed   subjects of the patches changed
 * @param added     subjects of the patches added
 * @param dropped   subjects of the patches dropped
 * @param changelog the changelog of the cover letter (or a lone patch), as written; null when none
 * @param rangeDiff where the whole comparison is
 */
public record VersionChangesInfo(int since, String summary, int unchanged, List<String> changed, List<String> added,
                                 List<String> dropped, String changelog, String rangeDiff) {
}
