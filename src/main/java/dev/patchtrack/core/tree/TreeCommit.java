package dev.patchtrack.core.tree;

import dev.patchtrack.core.patch.SubjectParser;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A commit recorded from a tracked git tree: what matching a patch to it needs.
 *
 * @param tree        the tree's configured name, e.g. {@code torvalds/linux}
 * @param sha         the commit id
 * @param patchId     the stable patch-id of its diff against its first parent, null when it has none
 * @param subject     the first line of its message
 * @param authorEmail the author's address
 * @param links       Message-IDs its {@code Link:} trailers name
 * @param committed   the commit time
 * @param firstTag    the first release tag whose history contains it, null while none does
 */
public record TreeCommit(String tree, String sha, String patchId, String subject, String authorEmail,
                         List<String> links, Instant committed, String firstTag) {

    public TreeCommit {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The key subjects are compared by: lower case, white space folded. */
    public static String subjectKey(String subject) {
        return subject == null ? "" : SubjectParser.normalize(subject);
    }

    /** An address as compared: trimmed, lower case. */
    public static String emailKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
