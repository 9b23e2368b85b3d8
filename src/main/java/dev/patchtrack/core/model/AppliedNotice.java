package dev.patchtrack.core.model;

import java.util.List;

/**
 * A maintainer's (or patchwork-bot's) "applied" reply: b4's thank-you mail, patchwork-bot's "This series
 * was applied to netdev/net-next.git (main)", or a plain "Applied to `rust-next`, thanks!".
 *
 * @param tree    the tree it went to (a URL or {@code netdev/net-next.git}), null when not named
 * @param branch  the branch, null when not named
 * @param by      who applied it: the "by Name &lt;addr&gt;" of patchwork-bot, else null (the sender)
 * @param commits the commits listed per patch, in order; empty when the mail lists none. "Applied (1-4)"
 *                lists patches by number alone (no title, no commit)
 * @param withdrawn the notice takes an application back ("I dropped v1 for now"): earlier notices of
 *                the same person in the same threads no longer count
 * @param includesSendersPatches the notice says it took along patches its sender posted in the thread
 *                ("I included the additional patch I just sent")
 */
public record AppliedNotice(String tree, String branch, Address by, List<Commit> commits, boolean withdrawn,
                            boolean includesSendersPatches) {

    public AppliedNotice {
        commits = commits == null ? List.of() : List.copyOf(commits);
    }

    /** A plain notice: it applies, and takes nothing else along. */
    public AppliedNotice(String tree, String branch, Address by, List<Commit> commits) {
        this(tree, branch, by, commits, false, false);
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
