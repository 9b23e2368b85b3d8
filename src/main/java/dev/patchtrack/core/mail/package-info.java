/**
 * Reading mail, pure: the streaming mbox reader, RFC 822/MIME/charset decoding into {@code ParsedMail},
 * addresses, dates and the mailmap, all within the limits of {@link dev.patchtrack.core.mail.MailLimits}
 * (a cut is named among the message's problems; nothing is thrown).
 */
package dev.patchtrack.core.mail;
