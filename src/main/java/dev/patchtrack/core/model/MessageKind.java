package dev.patchtrack.core.model;

/** What a message is, as far as patch tracking is concerned. */
public enum MessageKind {
    /** carries a diff, with or without an n/N counter */
    PATCH,
    /** the 0/N message of a revision */
    COVER,
    /** any other message in a thread */
    REPLY,
    /** a pull request ({@code [GIT PULL]} or {@code git request-pull} output) */
    PULL,
    /** neither patch nor reply: an announcement, a question, unparseable mail */
    OTHER;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
