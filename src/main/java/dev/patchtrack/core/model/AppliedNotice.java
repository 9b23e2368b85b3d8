package dev.patchtrack.core.model;

import java.util.List;

/**
 * A maintainer's (or patchwork-bot's) "applied" reply: b4's thank-you mail, patchwork-bot's "This series
 * was applied to netdev/net-next.git (main)", or a plain "Applied to `rust-next`, thanks!".
 *
 * @param tree    the tree it went to (a URL or {@code netdev/net-next.git}), null when not named
 * @param branch  the branch, null when not named
 * @param by      who applied it: the "by Name &lt;addr&gt;" of patchwork-bot, else null (the sender)
 * @param commits the commits listed per patch, in order; empty when the mail lists none
 */
public record AppliedNotice(String tree, String branch, Address by, List<Commit> commits) {

    public AppliedNotice {
        commits = commits == null ? List.of() : List.copyOf(commits);
    }

    /**
     * One applied patch.
     *
     * @param number the n of {@code [n/N]}, 1 for an uncounted {@code [PATCH]}, 0 when not given
     * @param title  the patch title as the notice writes it
     * @param commit the commit id (abbreviated as written)
     */
    public record Commit(int number, String title, String commit) {
    }
}
