package dev.patchtrack.core.model;

import java.util.List;

/**
 * What {@code git request-pull} output says.
 *
 * @param repository the repository URL, as written
 * @param branch     the branch or tag to pull, null when none is named (the remote HEAD)
 * @param baseCommit the commit the changes are based on ("since commit ..."), null when absent
 * @param headCommit the commit to fetch up to ("for you to fetch changes up to ..."), null when absent
 * @param commits    the commit titles of the shortlog ({@code Author (n):} followed by indented titles)
 */
public record PullRequest(String repository, String branch, String baseCommit, String headCommit,
                          List<String> commits) {

    public PullRequest {
        commits = commits == null ? List.of() : List.copyOf(commits);
    }
}
