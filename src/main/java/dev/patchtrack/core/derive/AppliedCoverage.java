package dev.patchtrack.core.derive;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.patch.SubjectParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Which patches of a revision an "applied" notice covers, and which of its commits concern each: the
 * one rule that both a patch's accepted state and what a view lists under a patch follow.
 */
public final class AppliedCoverage {

    private AppliedCoverage() {
    }

    /**
     * Whether the notice covers patch {@code number}.
     *
     * @param answers        the patch the notice answers, 0 when it answers the revision
     * @param sender         who sent the notice
     * @param number         the patch's number in its revision
     * @param title          the patch's normalized title, null when unknown
     * @param revisionAuthor who posted the revision
     */
    public static boolean covers(AppliedNotice notice, int answers, Address sender, int number, String title,
                                 Address revisionAuthor) {
        if (answers != 0 && answers != number) {
            return false;
        }
        if (notice.tree() == null && notice.branch() == null && sameAddress(sender, revisionAuthor)) {
            return false; // "I applied all fixes": the author speaking of their own work, not of a tree
        }
        if (answers != 0) {
            return true;
        }
        List<AppliedNotice.Commit> commits = notice.commits();
        boolean numbered = commits.stream().anyMatch(c -> c.number() > 0);
        if (numbered) {
            // a thank-you that lists the patches it took: this one among them
            return commits.stream().anyMatch(c -> c.number() == number || sameTitle(c.title(), title));
        }
        boolean titled = commits.stream().anyMatch(c -> c.title() != null);
        // it names the patches it took by title: this one among them; else it takes the whole revision
        return !titled || commits.stream().anyMatch(c -> sameTitle(c.title(), title));
    }

    /**
     * The commits of a notice that concern patch {@code number}: those numbered so, else those with its
     * title, else the only one the notice lists; every commit for number 0 (the revision).
     */
    public static List<AppliedNotice.Commit> commitsFor(List<AppliedNotice.Commit> all, int number, String title) {
        if (number == 0) {
            return all;
        }
        List<AppliedNotice.Commit> out = new ArrayList<>();
        for (AppliedNotice.Commit c : all) {
            if (c.number() == number || (c.number() == 0 && sameTitle(c.title(), title))) {
                out.add(c);
            }
        }
        if (out.isEmpty() && all.size() == 1) {
            return all;
        }
        return out;
    }

    /** What a patch's accepted state says of the notice: {@code applied to <tree> <branch> (commit <id>)}. */
    public static String detail(AppliedNotice notice, int number, String title) {
        StringBuilder detail = new StringBuilder("applied");
        if (notice.tree() != null || notice.branch() != null) {
            detail.append(" to ").append(notice.tree() != null ? notice.tree() : "")
                    .append(notice.tree() != null && notice.branch() != null ? " " : "")
                    .append(notice.branch() != null ? notice.branch() : "");
        }
        commitsFor(notice.commits(), number, title).stream().filter(c -> c.commit() != null).findFirst()
                .ifPresent(c -> detail.append(" (commit ").append(c.commit()).append(')'));
        return detail.toString();
    }

    /** A patch's title as this rule compares it, from its subject. */
    public static String titleOf(String subject) {
        return subject == null ? null : SubjectParser.parse(subject).normalizedTitle();
    }

    private static boolean sameTitle(String noticeTitle, String patchTitle) {
        return noticeTitle != null && patchTitle != null
                && SubjectParser.parse(noticeTitle).normalizedTitle().strip().equals(patchTitle.strip());
    }

    private static boolean sameAddress(Address a, Address b) {
        return a != null && b != null && !a.email().isEmpty() && a.key().equals(b.key());
    }
}
