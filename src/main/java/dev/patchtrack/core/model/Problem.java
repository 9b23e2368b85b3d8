package dev.patchtrack.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something a lenient reader noticed and got past, as data (JGit's patch {@code FormatError} is the
 * model): what kind of thing it was, how bad, where in the input when that is known, and the sentence a
 * person reads. The detail is the text shown before problems had codes; it stays the same.
 *
 * @param code     what kind of problem, one word a client may switch on
 * @param severity {@link Severity#ERROR} when the input (or a part of it) could not be read at all,
 *                 {@link Severity#WARNING} when it was read and something was guessed, cut or left out
 * @param offset   the byte offset in the input it concerns, or {@link #NO_OFFSET}
 * @param detail   the problem in a sentence, naming the header or part
 */
public record Problem(Code code, Severity severity, long offset, String detail) {

    /** Where the offset is not known, or the problem concerns the input as a whole. */
    public static final long NO_OFFSET = -1;

    public enum Severity {
        ERROR, WARNING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The kinds of problem, each with its usual severity. */
    public enum Code {
        /** Problems stored before they had codes: only their text is known. */
        UNCLASSIFIED(Severity.WARNING),
        /** The bytes are not a mail, or its header block could not be split. */
        NOT_A_MAIL(Severity.ERROR),
        /** Header lines that are malformed or beyond the header count, dropped. */
        HEADER_MALFORMED(Severity.WARNING),
        /** A line, a header value or the body longer than its limit, cut. */
        CUT(Severity.WARNING),
        /** No Message-ID, or one that cannot be used: a synthetic id stands in. */
        MESSAGE_ID_MISSING(Severity.WARNING),
        /** A Message-ID that was used though it is not written as it should be. */
        MESSAGE_ID_MALFORMED(Severity.WARNING),
        /** No From header, or none with a readable address. */
        FROM_INVALID(Severity.WARNING),
        /** No Date header, or a date read by guessing or not at all. */
        DATE_INVALID(Severity.WARNING),
        /** A Subject, In-Reply-To, References or List-Id that could not be read. */
        HEADER_UNREADABLE(Severity.WARNING),
        /** More Message-IDs in References or In-Reply-To than kept. */
        REFERENCES_CUT(Severity.WARNING),
        /** Bytes in an unknown or lying charset, read as UTF-8 or windows-1252. */
        CHARSET(Severity.WARNING),
        /** Broken quoted-printable or base64, or an unknown transfer encoding. */
        TRANSFER_ENCODING(Severity.WARNING),
        /** A Content-Type, multipart or MIME part that could not be read as declared. */
        MIME(Severity.WARNING),
        /** MIME parts nested too deep or too many of them: the rest not read. */
        MIME_LIMIT(Severity.WARNING),
        /** The body or a part could not be read. */
        BODY_UNREADABLE(Severity.ERROR),
        /** A mail without a text part. */
        NO_TEXT(Severity.WARNING),
        /** More problems than are kept for one message. */
        MORE(Severity.WARNING),
        /** A message in an mbox cut at the size limit, empty, or ended by the end of the input. */
        MBOX_MESSAGE(Severity.WARNING),
        /** The input itself (an mbox, a gzip stream, an upload) could not be read to its end. */
        INPUT_UNREADABLE(Severity.ERROR),
        /** A diff whose hunks end early. */
        DIFF_MALFORMED(Severity.WARNING),
        /** The analyser failed on a mail it should have read; the mail is kept unanalysed. */
        ANALYSIS_FAILED(Severity.ERROR),
        /** The same Message-ID arrived again with other bytes; the copy is kept beside the message. */
        COPY(Severity.WARNING),
        /** A feed that is not well-formed XML, or not RSS or Atom at all: nothing in it was read. */
        FEED_MALFORMED(Severity.ERROR),
        /** A feed item or entry without a usable link, skipped. */
        ITEM_SKIPPED(Severity.WARNING),
        /** A page that is not the kind of LWN page expected (no article text, no index headings). */
        PAGE_UNRECOGNISED(Severity.ERROR),
        /** An article page read without its headline, its byline or its text. */
        PAGE_INCOMPLETE(Severity.WARNING),
        /** A page or feed that could not be fetched, or not stored once fetched. */
        FETCH_FAILED(Severity.ERROR),
        /** A line of a rules file (topic or check rules, MAINTAINERS, a mailmap) not understood, skipped. */
        RULE_MALFORMED(Severity.WARNING),
        /** A line of a rules file whose pattern is not a regular expression, skipped. */
        RULE_PATTERN(Severity.WARNING);

        private final Severity severity;

        Code(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }

        /** The code as clients read it: {@code message-id-missing}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Code ofWireName(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** A problem of the code's usual severity, without an offset. */
    public static Problem of(Code code, String detail) {
        return new Problem(code, code.severity(), NO_OFFSET, detail);
    }

    /** The same problem at an offset of the input. */
    public Problem at(long at) {
        return new Problem(code, severity, at, detail);
    }

    /** The same problem told in other words. */
    public Problem withDetail(String other) {
        return new Problem(code, severity, offset, other);
    }

    /** The details alone, as problems were shown before they had codes. */
    public static List<String> details(List<Problem> problems) {
        List<String> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            out.add(p.detail());
        }
        return out;
    }

    // ------------------------------------------------------------------ the stored form

    /** {@code code TAB severity TAB offset TAB detail}: a line in the stored form. */
    private static final Pattern LINE = Pattern.compile("([a-z][a-z-]*)\t(error|warning)\t(-?\\d{1,19})\t(.*)");

    /**
     * The problems as stored in a text column: one line each, {@code code TAB severity TAB offset TAB
     * detail}; null for none. Details are single lines (a line break in one is stored as a space).
     */
    public static String encode(List<Problem> problems) {
        if (problems == null || problems.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(p.code.wireName()).append('\t').append(p.severity.wireName()).append('\t').append(p.offset)
                    .append('\t').append(p.detail.replace('\n', ' ').replace('\r', ' '));
        }
        return b.toString();
    }

    /**
     * The problems of a text column, whichever way they were stored: lines in {@link #encode}'s form,
     * or (rows written before problems had codes) the bare detail, read as {@link Code#UNCLASSIFIED}.
     */
    public static List<Problem> decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<Problem> out = new ArrayList<>();
        for (String line : stored.split("\n")) {
            Matcher m = LINE.matcher(line);
            Code code = m.matches() ? known(m.group(1)) : null;
            if (code == null) {
                out.add(of(Code.UNCLASSIFIED, line));
            } else {
                out.add(new Problem(code, Severity.valueOf(m.group(2).toUpperCase(Locale.ROOT)),
                        Long.parseLong(m.group(3)), m.group(4)));
            }
        }
        return out;
    }

    private static Code known(String wireName) {
        try {
            return Code.ofWireName(wireName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
