package dev.patchtrack.core.mail;

/**
 * Every limit the mail reader applies, in one place. Mail beyond a limit is cut and the cut is named
 * among the message's problems; nothing is thrown.
 *
 * @param maxMessageBytes     a message larger than this is truncated to it
 * @param maxHeaderCount      headers after this many are dropped
 * @param maxLineLength       a line (mbox or header) longer than this is cut
 * @param maxBodyChars        decoded body text beyond this is cut
 * @param maxReferences       Message-IDs kept of References (and of In-Reply-To): the first (the thread's
 *                            root) and the last ones (the nearest parents); the rest are dropped. Each one
 *                            kept is a key the series builder relates messages by, so a hostile header of
 *                            a megabyte of ids must not become tens of thousands of them
 * @param maxHeaderChars      the decoded Subject and From (name and address) beyond this are cut: they
 *                            travel with every message's facts and every series derived from it
 */
public record MailLimits(int maxMessageBytes, int maxHeaderCount, int maxLineLength, int maxBodyChars, int maxReferences,
                         int maxHeaderChars) {

    public static final int DEFAULT_MAX_REFERENCES = 100;
    public static final int DEFAULT_MAX_HEADER_CHARS = 2000;

    public static final MailLimits DEFAULTS = new MailLimits(32 * 1024 * 1024, 1000, 1024 * 1024, 16 * 1024 * 1024,
            DEFAULT_MAX_REFERENCES, DEFAULT_MAX_HEADER_CHARS);

    /** The limits with the default numbers of references and header characters. */
    public MailLimits(int maxMessageBytes, int maxHeaderCount, int maxLineLength, int maxBodyChars) {
        this(maxMessageBytes, maxHeaderCount, maxLineLength, maxBodyChars, DEFAULT_MAX_REFERENCES, DEFAULT_MAX_HEADER_CHARS);
    }
}
