package dev.patchtrack.api.dto;

/** Files changed, lines inserted and deleted. */
public record DiffStatInfo(int files, int insertions, int deletions) {
}
