package dev.patchtrack.api.dto;

/** One applied patch: its number in the revision, its title as the notice gives it, and its commit. */
public record AppliedCommitInfo(int number, String title, String commit) {
}
