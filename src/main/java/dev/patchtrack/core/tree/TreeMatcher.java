package dev.patchtrack.core.tree;

import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.patch.MessageIdLinks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which commit of the tracked trees carries a patch: one whose {@code Link:} names the message, else one
 * with the patch's stable patch-id, else one with its subject and author. Among commits matched by the
 * same signal the one released first wins (then the tree name, then the commit id), so the answer does
 * not depend on the order the store returns them in.
 */
public final class TreeMatcher {

    private static final Comparator<TreeCommit> RELEASED_FIRST = Comparator
            .comparing(TreeCommit::firstTag, Comparator.nullsLast(TagOrder.ORDER))
            .thenComparing(TreeCommit::tree).thenComparing(TreeCommit::sha);

    private TreeMatcher() {
    }

    /** The best match of a patch among {@code candidates}, null when none matches. */
    public static TreeMatch match(MailFacts patch, Collection<TreeCommit> candidates) {
        TreeMatch best = null;
        for (TreeCommit c : candidates) {
            TreeMatch.Signal s = signal(patch, c);
            if (s == null) {
                continue;
            }
            if (best == null || s.ordinal() < best.signal().ordinal()
                    || s == best.signal() && RELEASED_FIRST.compare(c, best.commit()) < 0) {
                best = new TreeMatch(c, s);
            }
        }
        return best;
    }

    /** The strongest signal that ties the commit to the patch, null when nothing does. */
    public static TreeMatch.Signal signal(MailFacts patch, TreeCommit c) {
        if (c.links().contains(patch.messageId())) {
            return TreeMatch.Signal.LINK;
        }
        String pid = patch.diff() == null ? null : patch.diff().patchId();
        if (pid != null && pid.equals(c.patchId())) {
            return TreeMatch.Signal.PATCH_ID;
        }
        String email = patch.author() == null ? null : patch.author().email();
        if (email != null && !email.isBlank() && TreeCommit.emailKey(email).equals(TreeCommit.emailKey(c.authorEmail()))
                && !TreeCommit.subjectKey(c.subject()).isEmpty()
                && TreeCommit.subjectKey(patch.tags().title()).equals(TreeCommit.subjectKey(c.subject()))) {
            return TreeMatch.Signal.SUBJECT_AUTHOR;
        }
        return null;
    }

    /**
     * The Message-IDs a commit message's {@code Link:} trailers name: lore's {@code /r/<id>} and
     * {@code /<list>/<id>/} URLs and {@code patch.msgid.link/<id>}, in order, each once.
     */
    public static List<String> linkedMessageIds(String commitMessage) {
        Set<String> out = new LinkedHashSet<>();
        if (commitMessage == null) {
            return List.of();
        }
        for (String line : commitMessage.split("\n")) {
            String l = line.strip();
            if (l.length() > 5 && l.substring(0, 5).toLowerCase(Locale.ROOT).equals("link:")) {
                String value = l.substring(5).strip();
                int space = value.indexOf(' ');
                String id = MessageIdLinks.messageId(space < 0 ? value : value.substring(0, space));
                if (id != null) {
                    out.add(id);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
