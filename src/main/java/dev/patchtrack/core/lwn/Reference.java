package dev.patchtrack.core.lwn;

/**
 * Something an article points at that the mailing lists or git know.
 *
 * @param kind  what it is
 * @param value the Message-ID (no angle brackets), the commit hash, or the Patchwork URL
 * @param url   the link it was found in; null for a Message-ID written in the text
 */
public record Reference(Kind kind, String value, String url) {

    /** The kinds of reference. */
    public enum Kind {
        /** a mail message: lore, lkml.kernel.org, patch.msgid.link, lwn.net/ml, Patchwork by Message-ID, or a bare id */
        MESSAGE,
        /** a git commit (git.kernel.org, GitHub, GitLab, any cgit) */
        COMMIT,
        /** a Patchwork page that names no Message-ID (a numeric patch, a series) */
        PATCHWORK;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
