package dev.patchtrack.core.model;

import java.time.Instant;
import java.util.List;

/**
 * One message as the mail reader decoded it. Parsing is lenient: what could not be read is named in
 * {@code problems} and the rest is kept.
 *
 * @param messageId   the normalized Message-ID (no angle brackets, case kept); synthetic when missing
 * @param syntheticId true when the message had no usable Message-ID and one was derived from its bytes
 * @param from        the From header (never null; an empty address when missing)
 * @param date        the Date header, null when missing or unreadable
 * @param subject     the decoded Subject, "" when missing
 * @param inReplyTo   the Message-IDs of In-Reply-To, in order (several values are kept)
 * @param references  the Message-IDs of References, oldest first
 * @param listIds     the List-Id values without angle brackets, e.g. rust-for-linux.vger.kernel.org
 * @param body        the decoded plain-text body (the text/plain part of a multipart message; HTML
 *                    turned into text only when there is no plain part)
 * @param attachments decoded text attachments that look like patches (text/x-diff, text/x-patch, *.patch)
 * @param problems    what could not be read, each a {@link Problem}
 * @param readable    false when the bytes are not a mail at all (no header block, binary garbage):
 *                    such a message is stored with its problems as the reason and counted unparseable
 */
public record ParsedMail(
        String messageId,
        boolean syntheticId,
        Address from,
        Instant date,
        String subject,
        List<String> inReplyTo,
        List<String> references,
        List<String> listIds,
        String body,
        List<String> attachments,
        List<Problem> problems,
        boolean readable) {

    public ParsedMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        listIds = List.copyOf(listIds);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }

    /** The direct parent: the first In-Reply-To, else the last Reference, else null. */
    public String parent() {
        if (!inReplyTo.isEmpty()) {
            return inReplyTo.get(0);
        }
        return references.isEmpty() ? null : references.get(references.size() - 1);
    }
}
