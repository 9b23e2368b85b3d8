package dev.patchtrack.core.mail;

/**
 * Every limit the mail reader applies, in one place. Mail beyond a limit is cut and the cut is named
 * among the message's problems; nothing is thrown.
 *
 * @param maxMessageBytes     a message larger than this is truncated to it
 * @param maxHeaderCount      headers after this many are dropped
 * @param maxLineLength       a line (mbox or header) longer than this is cut
 * @param maxBodyChars        decoded body text beyond this is cut
 */
public record MailLimits(int maxMessageBytes, int maxHeaderCount, int maxLineLength, int maxBodyChars) {

    public static final MailLimits DEFAULTS = new MailLimits(32 * 1024 * 1024, 1000, 1024 * 1024, 16 * 1024 * 1024);
}
