package dev.patchtrack.core.mail;

/**
 * Every limit the mail reader applies, in one place, with its default written once ({@link #DEFAULTS}).
 * Mail beyond a limit is cut and the cut is named among the message's problems; nothing is thrown.
 * Immutable: change a limit with its wither, {@code MailLimits.DEFAULTS.withMaxHeaderCount(5)}. The
 * {@code patchtrack.mail.*} settings are these names in kebab case; a setting left out keeps the default.
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
 * @param maxNestingDepth     parts nested deeper than this in multiparts are not read
 * @param maxParts            MIME parts after this many (counted over the whole tree) are not read
 * @param maxIdLength         a Message-ID longer than this is not used (RFC 5322's line limit)
 */
public record MailLimits(int maxMessageBytes, int maxHeaderCount, int maxLineLength, int maxBodyChars, int maxReferences,
                         int maxHeaderChars, int maxNestingDepth, int maxParts, int maxIdLength) {

    /** The limits when nothing is configured: the one place their numbers are written. */
    public static final MailLimits DEFAULTS = new MailLimits(32 * 1024 * 1024, 1000, 1024 * 1024, 16 * 1024 * 1024,
            100, 2000, 8, 256, 998);

    public MailLimits withMaxMessageBytes(int v) {
        return new MailLimits(v, maxHeaderCount, maxLineLength, maxBodyChars, maxReferences, maxHeaderChars,
                maxNestingDepth, maxParts, maxIdLength);
    }

    public MailLimits withMaxHeaderCount(int v) {
        return new MailLimits(maxMessageBytes, v, maxLineLength, maxBodyChars, maxReferences, maxHeaderChars,
                maxNestingDepth, maxParts, maxIdLength);
    }

    public MailLimits withMaxLineLength(int v) {
        return new MailLimits(maxMessageBytes, maxHeaderCount, v, maxBodyChars, maxReferences, maxHeaderChars,
                maxNestingDepth, maxParts, maxIdLength);
    }

    public MailLimits withMaxBodyChars(int v) {
        return new MailLimits(maxMessageBytes, maxHeaderCount, maxLineLength, v, maxReferences, maxHeaderChars,
                maxNestingDepth, maxParts, maxIdLength);
    }

    public MailLimits withMaxReferences(int v) {
        return new MailLimits(maxMessageBytes, maxHeaderCount, maxLineLength, maxBodyChars, v, maxHeaderChars,
                maxNestingDepth, maxParts, maxIdLength);
    }

    public MailLimits withMaxHeaderChars(int v) {
        return new MailLimits(maxMessageBytes, maxHeaderCount, maxLineLength, maxBodyChars, maxReferences, v,
                maxNestingDepth, maxParts, maxIdLength);
    }

    public MailLimits withMaxNestingDepth(int v) {
        return new MailLimits(maxMessageBytes, maxHeaderCount, maxLineLength, maxBodyChars, maxReferences,
                maxHeaderChars, v, maxParts, maxIdLength);
    }

    public MailLimits withMaxParts(int v) {
        return new MailLimits(maxMessageBytes, maxHeaderCount, maxLineLength, maxBodyChars, maxReferences,
                maxHeaderChars, maxNestingDepth, v, maxIdLength);
    }

    public MailLimits withMaxIdLength(int v) {
        return new MailLimits(maxMessageBytes, maxHeaderCount, maxLineLength, maxBodyChars, maxReferences,
                maxHeaderChars, maxNestingDepth, maxParts, v);
    }
}
