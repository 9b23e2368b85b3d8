package dev.patchtrack.core.query;

import dev.patchtrack.core.patch.PatchId;

/**
 * What {@code q=} searches in a patch or cover letter beyond its subject and author, worked out from the
 * mail's body once, when the mail is read: what the author wrote, the words of its diffs (lore's
 * {@code dfn:}, {@code dfa:}, {@code dfb:}) and the stable patch-id of its diff.
 *
 * @param prose   what the author wrote ({@link #prose}), at most {@link #MAX_CHARS}
 * @param diff    the file names, removed and added lines of its diffs
 * @param patchId the stable patch-id of its diff, null without one
 */
public record SearchText(String prose, DiffWords diff, String patchId) {

    /** Longest prose kept per message. */
    public static final int MAX_CHARS = 100_000;

    /** The search text of a mail body (null reads as empty). */
    public static SearchText of(String body) {
        return new SearchText(prose(body), DiffWords.of(body), PatchId.of(body));
    }

    /**
     * What the author wrote: a patch's commit message stops at the {@code ---} line (or the first diff),
     * a cover letter at its signature; the diff and diffstat are not prose.
     */
    public static String prose(String body) {
        if (body == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\r?\n", -1)) {
            if (line.equals("---") || line.equals("-- ") || line.startsWith("diff --git ")) {
                break;
            }
            if (out.length() + line.length() + 1 > MAX_CHARS) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString().replace('\0', ' ');
    }
}
