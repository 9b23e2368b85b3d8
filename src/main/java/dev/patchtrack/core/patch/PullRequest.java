package dev.patchtrack.core.patch;

/**
 * What {@code git request-pull} output says.
 *
 * @param repository the repository URL, as written
 * @param branch     the branch or tag to pull, null when none is named (the remote HEAD)
 * @param baseCommit the commit the changes are based on ("since commit ..."), null when absent
 * @param headCommit the commit to fetch up to ("for you to fetch changes up to ..."), null when absent
 */
public record PullRequest(String repository, String branch, String baseCommit, String headCommit) {
}
