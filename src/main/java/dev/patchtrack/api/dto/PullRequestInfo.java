package dev.patchtrack.api.dto;

import java.util.List;

/**
 * A parsed pull request.
 *
 * @param repository the repository URL
 * @param branch     the branch or tag to pull, null for the remote HEAD
 * @param baseCommit "since commit ...", null when absent
 * @param headCommit "for you to fetch changes up to ...", null when absent
 * @param commits    the commit titles of the shortlog
 */
public record PullRequestInfo(String repository, String branch, String baseCommit, String headCommit,
                              List<String> commits) {
}
