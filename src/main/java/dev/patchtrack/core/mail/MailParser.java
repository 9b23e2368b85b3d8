package dev.patchtrack.core.mail;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.ParsedMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.Problem.Code;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the raw bytes of one message into a {@link ParsedMail}. Lenient and total: it never throws,
 * whatever the bytes; what it cannot read becomes a {@link Problem} and the rest is kept.
 *
 * <p>The header block is split straight from the bytes (so the limits apply, and raw 8-bit headers are
 * read as UTF-8 where valid, else windows-1252); the MIME tree is walked with Jakarta Mail's
 * {@link MimeMultipart}, made lenient about missing boundaries. Transfer encodings, charsets and
 * RFC 2047 words are decoded here, so each failure can be named. Thread-safe: one instance may serve
 * every thread.
 */
public final class MailParser {

    /** Problem lines kept per message. */
    private static final int MAX_PROBLEMS = 50;

    /**
     * The person behind a relay: b4's web relay sends as {@code "X via B4 Relay <devnull+...@kernel.org>"}
     * and names X in {@code X-Original-From} (and {@code Reply-To}). Mail from X's own address and from the
     * relay is then one person's.
     */
    static Address relayed(HeaderBlock h, Address from, List<Problem> problems) {
        String email = from.email();
        String name = from.name();
        boolean relay = email.startsWith("devnull+") || (name != null && name.endsWith(" via B4 Relay"));
        if (!relay) {
            return from;
        }
        for (String field : new String[] {"x-original-from", "reply-to"}) {
            try {
                HeaderBlock.Field f = h.first(field);
                if (f == null) {
                    continue;
                }
                Address a = AddressParser.parse(HeaderBlock.value(f, problems), field, new ArrayList<>());
                if (!a.email().isEmpty() && !a.email().startsWith("devnull+")) {
                    String n = a.name() != null && !a.name().isBlank() ? a.name() : stripVia(name);
                    return new Address(n, a.email());
                }
            } catch (RuntimeException | StackOverflowError e) {
                // keep looking; the relay's own address stands otherwise
            }
        }
        return new Address(stripVia(name), email);
    }

    private static String stripVia(String name) {
        return name != null && name.endsWith(" via B4 Relay") ? name.substring(0, name.length() - 13).strip() : name;
    }

    /** Field names that say "this is a mail header block". */
    private static final Set<String> MAIL_HEADERS = Set.of("from", "to", "cc", "subject", "date", "message-id",
            "received", "return-path", "in-reply-to", "references", "content-type", "mime-version", "list-id",
            "sender", "reply-to", "delivered-to", "content-transfer-encoding", "x-mailer", "user-agent",
            "dkim-signature", "authentication-results", "x-mailing-list", "newsgroups");

    private final MailLimits limits;

    public MailParser(MailLimits limits) {
        this.limits = limits == null ? MailLimits.DEFAULTS : limits;
    }

    public ParsedMail parse(byte[] raw) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        List<Problem> problems = new ArrayList<>(4);
        HeaderBlock h;
        try {
            h = HeaderBlock.parse(bytes, limits);
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(Problem.of(Code.NOT_A_MAIL, "header block unreadable: " + e));
            return unreadable(bytes, problems);
        }
        if (!h.firstLineIsField || !hasMailHeader(h)) {
            problems.add(Problem.of(Code.NOT_A_MAIL, bytes.length == 0 ? "not a mail: empty"
                    : "not a mail: no header block" + (h.firstLineIsField ? " (no known mail header)" : "")));
            return unreadable(bytes, problems);
        }
        if (h.cutLines > 0) {
            problems.add(Problem.of(Code.CUT,
                    h.cutLines + " header line(s) longer than " + limits.maxLineLength() + " bytes cut"));
        }
        if (h.droppedFields > 0) {
            problems.add(Problem.of(Code.HEADER_MALFORMED,
                    "more than " + limits.maxHeaderCount() + " headers: " + h.droppedFields + " ignored"));
        }
        if (h.malformedLines > 0) {
            problems.add(Problem.of(Code.HEADER_MALFORMED, h.malformedLines + " malformed header line(s) ignored"));
        }

        String messageId = null;
        try {
            messageId = messageId(h, problems);
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(Problem.of(Code.MESSAGE_ID_MISSING, "Message-ID unreadable: " + e));
        }
        boolean synthetic = messageId == null;
        if (synthetic) {
            messageId = syntheticId(bytes);
        }

        Address from = new Address(null, "");
        try {
            HeaderBlock.Field f = h.first("from");
            if (f == null) {
                problems.add(Problem.of(Code.FROM_INVALID, "no From header"));
            } else {
                from = AddressParser.parse(HeaderBlock.value(f, problems), "From", problems);
                from = new Address(from.name() == null ? null : cut(from.name(), "From name", problems),
                        cut(from.email(), "From address", problems));
            }
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(Problem.of(Code.FROM_INVALID, "From unreadable: " + e));
        }
        from = relayed(h, from, problems);

        Instant date = null;
        try {
            HeaderBlock.Field f = h.first("date");
            if (f == null) {
                problems.add(Problem.of(Code.DATE_INVALID, "no Date header"));
            } else {
                DateParser.Result r = DateParser.parse(HeaderBlock.value(f, problems));
                date = r.instant();
                if (r.problem() != null) {
                    problems.add(Problem.of(Code.DATE_INVALID, r.problem()));
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(Problem.of(Code.DATE_INVALID, "Date unreadable: " + e));
        }

        String subject = "";
        try {
            HeaderBlock.Field f = h.first("subject");
            if (f != null) {
                subject = EncodedWords.decode(HeaderBlock.value(f, problems), "Subject", problems).strip();
                subject = cut(stripControls(subject), "Subject", problems);
            }
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(Problem.of(Code.HEADER_UNREADABLE, "Subject unreadable: " + e));
        }

        List<String> inReplyTo = List.of();
        List<String> references = List.of();
        try {
            String self = synthetic ? null : messageId;
            inReplyTo = bounded(ids(h.all("in-reply-to"), self, problems), "In-Reply-To", problems);
            references = bounded(ids(h.all("references"), self, problems), "References", problems);
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(Problem.of(Code.HEADER_UNREADABLE, "In-Reply-To/References unreadable: " + e));
        }

        List<String> listIds = new ArrayList<>(1);
        try {
            for (HeaderBlock.Field f : h.all("list-id")) {
                String id = listId(HeaderBlock.value(f, problems));
                if (id != null && !listIds.contains(id)) {
                    listIds.add(id);
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(Problem.of(Code.HEADER_UNREADABLE, "List-Id unreadable: " + e));
        }

        Body body = new Body();
        try {
            readBody(h, bytes, body, problems);
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(Problem.of(Code.BODY_UNREADABLE, "body unreadable: " + e));
        }
        String text = body.text != null ? body.text.toString() : body.html != null ? body.html : "";
        text = limit(text, "body", problems);
        List<String> attachments = new ArrayList<>(body.attachments.size());
        for (String a : body.attachments) {
            attachments.add(limit(a, "attachment", problems));
        }
        return new ParsedMail(messageId, synthetic, from, date, subject, inReplyTo, references, listIds, text,
                attachments, capped(problems), true);
    }

    // ------------------------------------------------------------------ readability, ids

    /** At most {@code maxReferences} ids: the first (the root) and the last ones (the nearest). */
    private List<String> bounded(List<String> ids, String header, List<Problem> problems) {
        int max = Math.max(2, limits.maxReferences());
        if (ids.size() <= max) {
            return ids;
        }
        List<String> kept = new ArrayList<>(max);
        kept.add(ids.get(0));
        kept.addAll(ids.subList(ids.size() - (max - 1), ids.size()));
        problems.add(Problem.of(Code.REFERENCES_CUT,
                header + ": " + ids.size() + " Message-IDs, kept the first and the last " + (max - 1)));
        return kept;
    }

    private static boolean hasMailHeader(HeaderBlock h) {
        for (HeaderBlock.Field f : h.fields) {
            if (MAIL_HEADERS.contains(f.name())) {
                return true;
            }
        }
        return false;
    }

    private static List<Problem> capped(List<Problem> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<Problem> out = new ArrayList<>(problems.subList(0, MAX_PROBLEMS - 1));
        out.add(Problem.of(Code.MORE, "... and " + (problems.size() - MAX_PROBLEMS + 1) + " more problems"));
        return out;
    }

    private static ParsedMail unreadable(byte[] raw, List<Problem> problems) {
        return new ParsedMail(syntheticId(raw), true, new Address(null, ""), null, "", List.of(), List.of(),
                List.of(), "", List.of(), problems, false);
    }

    static String syntheticId(byte[] raw) {
        return SyntheticId.of(raw);
    }

    /** The normalized first Message-ID, or null (with the problem named) when it is missing or unusable. */
    private String messageId(HeaderBlock h, List<Problem> problems) {
        HeaderBlock.Field f = h.first("message-id");
        if (f == null) {
            problems.add(Problem.of(Code.MESSAGE_ID_MISSING, "no Message-ID: synthetic id used"));
            return null;
        }
        String v = HeaderBlock.value(f, problems).strip();
        String id;
        int lt = v.indexOf('<');
        if (lt >= 0) {
            int gt = v.indexOf('>', lt + 1);
            id = gt >= 0 ? v.substring(lt + 1, gt) : v.substring(lt + 1);
        } else {
            id = stripComments(v);
        }
        id = removeWhitespaceAndBrackets(id);
        if (id.isEmpty()) {
            problems.add(Problem.of(Code.MESSAGE_ID_MISSING, "empty Message-ID: synthetic id used"));
            return null;
        }
        if (id.length() > limits.maxIdLength()) {
            problems.add(Problem.of(Code.MESSAGE_ID_MISSING,
                    "Message-ID longer than " + limits.maxIdLength() + " characters: synthetic id used"));
            return null;
        }
        if (hasControl(id)) {
            problems.add(Problem.of(Code.MESSAGE_ID_MISSING, "Message-ID with control characters: synthetic id used"));
            return null;
        }
        if (lt < 0) {
            if (id.indexOf('@') < 0) {
                problems.add(Problem.of(Code.MESSAGE_ID_MISSING, "Message-ID \"" + Text.clip(v, 40)
                        + "\" is neither bracketed nor has an '@': synthetic id used"));
                return null;
            }
            problems.add(Problem.of(Code.MESSAGE_ID_MALFORMED, "Message-ID without angle brackets"));
        }
        return id;
    }

    /**
     * Every {@code <id>} of the fields, in order, duplicates and the message's own id dropped. An
     * unterminated {@code <id} counts when it holds an '@'. Without any '<', the tokens holding an '@'
     * (comments removed) are the ids.
     */
    private List<String> ids(List<HeaderBlock.Field> fields, String self, List<Problem> problems) {
        if (fields.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (HeaderBlock.Field f : fields) {
            String v = HeaderBlock.value(f, problems);
            int n = v.length();
            if (v.indexOf('<') >= 0) {
                int i = v.indexOf('<');
                while (i >= 0 && i < n) {
                    int j = i + 1;
                    while (j < n && v.charAt(j) != '>' && v.charAt(j) != '<') {
                        j++;
                    }
                    String id;
                    int next;
                    if (j < n && v.charAt(j) == '>') {
                        id = removeWhitespaceAndBrackets(v.substring(i + 1, j));
                        next = j + 1;
                    } else { // unterminated
                        int k = i + 1;
                        while (k < n && !Character.isWhitespace(v.charAt(k)) && "(<\"".indexOf(v.charAt(k)) < 0) {
                            k++;
                        }
                        id = v.substring(i + 1, k);
                        next = k;
                        if (id.indexOf('@') < 0) {
                            id = "";
                        }
                    }
                    if (isId(id)) {
                        out.add(id);
                    }
                    i = v.indexOf('<', next);
                }
            } else {
                for (String tok : stripComments(v).split("[\\s,]+")) {
                    String t = tok.strip();
                    if (t.indexOf('@') > 0 && isId(t)) {
                        out.add(t);
                    }
                }
            }
        }
        if (self != null) {
            out.remove(self);
        }
        return new ArrayList<>(out);
    }

    /** Not empty, not absurdly long, no control characters and none of the specials that never occur in ids. */
    private boolean isId(String id) {
        if (id.isEmpty() || id.length() > limits.maxIdLength() || hasControl(id)) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '(' || c == ')' || c == '"' || c == ',' || c == ';' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** "Rust for Linux <rust-for-linux.vger.kernel.org>" -> "rust-for-linux.vger.kernel.org" */
    private String listId(String v) {
        int lt = v.lastIndexOf('<');
        String id;
        if (lt >= 0) {
            int gt = v.indexOf('>', lt + 1);
            id = gt >= 0 ? v.substring(lt + 1, gt) : v.substring(lt + 1);
        } else {
            String s = stripComments(v).strip();
            int sp = s.lastIndexOf(' ');
            id = sp >= 0 ? s.substring(sp + 1) : s;
        }
        id = removeWhitespaceAndBrackets(id);
        return id.isEmpty() || id.length() > limits.maxIdLength() || hasControl(id) ? null : id;
    }

    private static String stripComments(String s) {
        if (s.indexOf('(') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String removeWhitespaceAndBrackets(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = c == '<' || c == '>' || Character.isWhitespace(c);
            if (drop && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            } else if (!drop && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\uFFFD') {
                return true;
            }
        }
        return false;
    }

    private static String stripControls(String s) {
        if (!hasControl(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == '\t' ? ' ' : c < 0x20 || c == 0x7F ? '\uFFFD' : c);
        }
        return sb.toString();
    }

    private String limit(String s, String what, List<Problem> problems) {
        return cut(s, limits.maxBodyChars(), what, problems);
    }

    /** A decoded header value cut to {@code maxHeaderChars}. */
    private String cut(String s, String what, List<Problem> problems) {
        return cut(s, limits.maxHeaderChars(), what, problems);
    }

    private static String cut(String s, int max, String what, List<Problem> problems) {
        if (max >= 0 && s.length() > max) {
            problems.add(Problem.of(Code.CUT, what + " longer than " + max + " characters, cut"));
            int cut = max;
            if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
                cut--;
            }
            return s.substring(0, cut);
        }
        return s;
    }

    // ------------------------------------------------------------------ body

    /** What the MIME walk collected. */
    private static final class Body {
        StringBuilder text;
        String html;
        final List<String> attachments = new ArrayList<>(0);
        int parts;
    }

    private void readBody(HeaderBlock h, byte[] raw, Body body, List<Problem> problems) {
        HeaderBlock.Field ctField = h.first("content-type");
        HeaderBlock.Field cteField = h.first("content-transfer-encoding");
        HeaderBlock.Field dispField = h.first("content-disposition");
        String ct = ctField == null ? null : HeaderBlock.value(ctField, problems);
        String cte = cteField == null ? null : HeaderBlock.value(cteField, problems);
        String disp = dispField == null ? null : HeaderBlock.value(dispField, problems);
        int before = problems.size();
        entity(ct, cte, disp, null, raw, h.bodyStart, raw.length, 0, true, "body", body, problems);
        if (body.text == null && body.html == null && body.attachments.isEmpty() && problems.size() == before) {
            problems.add(Problem.of(Code.NO_TEXT, "body: no text part"));
        }
    }

    /**
     * One MIME entity: either {@code part} (a multipart child) or {@code raw[from, to)} (the message body).
     */
    private void entity(String ctValue, String cte, String dispValue, MimeBodyPart part, byte[] raw, int from,
                        int to, int depth, boolean single, String where, Body body, List<Problem> problems) {
        MimeHeader ct = ctValue == null ? null : MimeHeader.parse(ctValue);
        String type;
        if (ct == null) {
            type = "text/plain";
        } else if (ct.isValidType()) {
            type = ct.value;
        } else {
            problems.add(Problem.of(Code.MIME,
                    where + ": Content-Type \"" + Text.clip(ctValue.strip(), 60) + "\" invalid, read as text/plain"));
            type = "text/plain";
        }
        if (type.startsWith("multipart/")) {
            if (depth >= limits.maxNestingDepth()) {
                problems.add(Problem.of(Code.MIME_LIMIT,
                        where + ": multipart nested deeper than " + limits.maxNestingDepth() + ", not read"));
                return;
            }
            if (multipart(ct, part, raw, from, to, depth, where, body, problems)) {
                return;
            }
            type = "text/plain"; // unreadable multipart: keep its text
        }
        byte[] b;
        int bFrom;
        int bTo;
        if (part != null) {
            try (InputStream in = part.getRawInputStream()) {
                b = in.readAllBytes();
            } catch (IOException | MessagingException e) {
                problems.add(Problem.of(Code.BODY_UNREADABLE, where + ": content unreadable: " + e.getMessage()));
                return;
            }
            bFrom = 0;
            bTo = b.length;
        } else {
            b = raw;
            bFrom = from;
            bTo = to;
        }
        MimeHeader disp = dispValue == null ? null : MimeHeader.parse(dispValue);
        String filename = disp != null ? disp.param("filename") : null;
        if (filename == null && ct != null) {
            filename = ct.param("name");
        }
        boolean patchLike = isPatchType(type) || isPatchName(filename);
        boolean attachment = disp != null && disp.value.equals("attachment");
        boolean html = type.equals("text/html");
        boolean text = type.startsWith("text/");
        if (!single && !patchLike && !text) {
            return; // images, signatures, binaries: not ours
        }
        if (single && !patchLike && !text) {
            problems.add(Problem.of(Code.NO_TEXT, where + ": no text (Content-Type " + Text.clip(type, 60) + ")"));
            return;
        }
        if (!single && !patchLike && !html && !type.equals("text/plain")) {
            return; // other text subtypes in a multipart: calendars, vcards, logs
        }
        String decoded = decodeText(b, bFrom, bTo, cte, ct == null ? null : ct.param("charset"), where, problems);
        if (html) {
            if (body.html == null) {
                body.html = HtmlText.toText(decoded);
            }
            return;
        }
        if (single) {
            body.text = new StringBuilder(decoded);
            return;
        }
        if (patchLike) {
            body.attachments.add(decoded);
        } else if (body.text == null) {
            body.text = new StringBuilder(decoded);
        } else if (looksLikeDiff(decoded)) {
            body.attachments.add(decoded);
        } else if (!attachment) {
            if (body.text.length() > 0 && body.text.charAt(body.text.length() - 1) != '\n') {
                body.text.append('\n');
            }
            body.text.append(decoded);
        }
    }

    /** Walks a multipart; false when it cannot be split (the caller then reads it as text). */
    private boolean multipart(MimeHeader ct, MimeBodyPart part, byte[] raw, int from, int to, int depth,
                              String where, Body body, List<Problem> problems) {
        String boundary = ct.param("boundary");
        if (boundary == null || boundary.isEmpty()) {
            problems.add(Problem.of(Code.MIME, where + ": " + ct.value + " without boundary"));
        }
        String type = boundary == null || boundary.isEmpty() ? ct.value
                : ct.value + "; boundary=\"" + boundary.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        byte[] data;
        if (part != null) {
            try (InputStream in = part.getRawInputStream()) {
                data = in.readAllBytes();
            } catch (IOException | MessagingException e) {
                problems.add(Problem.of(Code.BODY_UNREADABLE, where + ": multipart unreadable: " + e.getMessage()));
                return false;
            }
        } else {
            data = Arrays.copyOfRange(raw, from, to);
        }
        if (boundary != null && !boundary.isEmpty()) {
            int cut = nthBoundaryLine(data, boundary, limits.maxParts() + 2);
            if (cut >= 0) {
                data = Arrays.copyOf(data, cut);
            }
        }
        int count;
        LenientMultipart mp;
        try {
            mp = new LenientMultipart(new ByteArrayDataSource(data, type));
            count = mp.getCount();
        } catch (MessagingException | RuntimeException e) {
            problems.add(Problem.of(Code.MIME,
                    where + ": multipart unreadable (" + e.getMessage() + "), read as text"));
            return false;
        }
        if (count == 0) {
            problems.add(Problem.of(Code.MIME, where + ": multipart without parts, read as text"));
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (body.parts >= limits.maxParts()) {
                problems.add(Problem.of(Code.MIME_LIMIT,
                        "more than " + limits.maxParts() + " MIME parts: the rest ignored"));
                return true;
            }
            String childWhere = (where.equals("body") ? "part " : where + ".") + (i + 1);
            try {
                BodyPart bp = mp.getBodyPart(i);
                if (!(bp instanceof MimeBodyPart child)) {
                    continue;
                }
                String cct = partHeader(child, "Content-Type");
                if (cct == null && ct.value.equals("multipart/digest")) {
                    cct = "message/rfc822";
                }
                String ccte = partHeader(child, "Content-Transfer-Encoding");
                String cdisp = partHeader(child, "Content-Disposition");
                body.parts++;
                entity(cct, ccte, cdisp, child, null, 0, 0, depth + 1, false, childWhere, body, problems);
            } catch (MessagingException | RuntimeException e) {
                problems.add(Problem.of(Code.BODY_UNREADABLE, childWhere + ": unreadable: " + e.getMessage()));
            }
        }
        return true;
    }

    /** Offset of the n-th line starting with "--" + boundary, or -1: a cheap scan ahead of Jakarta's parse. */
    private static int nthBoundaryLine(byte[] data, String boundary, int n) {
        byte[] b = ("--" + boundary).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int seen = 0;
        int i = 0;
        while (i < data.length) {
            if (startsWith(data, i, b) && ++seen == n) {
                return i;
            }
            int nl = HeaderBlock.lineEnd(data, i);
            i = nl + 1;
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (data.length - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (data[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static String partHeader(MimeBodyPart part, String name) throws MessagingException {
        String v = part.getHeader(name, null);
        return v == null ? null : HeaderBlock.unfold(Text.redecodeLatin1(v));
    }

    private static String decodeText(byte[] b, int from, int to, String cteValue, String charset, String where,
                                     List<Problem> problems) {
        String cte = cteValue == null ? "" : MimeHeader.parse(cteValue.replace("\"", "")).value;
        byte[] data = b;
        int start = from;
        int end = to;
        switch (cte) {
            case "", "7bit", "8bit", "binary", "7-bit", "8-bit" -> {
            }
            case "quoted-printable" -> {
                TransferDecoding.Decoded d = TransferDecoding.quotedPrintable(b, from, to);
                data = d.bytes();
                start = 0;
                end = d.length();
                if (d.problem() != null) {
                    problems.add(Problem.of(Code.TRANSFER_ENCODING, where + ": " + d.problem()));
                }
            }
            case "base64" -> {
                TransferDecoding.Decoded d = TransferDecoding.base64(b, from, to);
                data = d.bytes();
                start = 0;
                end = d.length();
                if (d.problem() != null) {
                    problems.add(Problem.of(Code.TRANSFER_ENCODING, where + ": " + d.problem()));
                }
            }
            default -> problems.add(Problem.of(Code.TRANSFER_ENCODING,
                    where + ": unknown Content-Transfer-Encoding \"" + Text.clip(cte, 40)
                    + "\", read as 8bit"));
        }
        return Text.normalizeNewlines(Text.decode(data, start, end, charset, where, problems));
    }

    private static boolean isPatchType(String type) {
        int slash = type.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String major = type.substring(0, slash);
        if (!major.equals("text") && !major.equals("application")) {
            return false;
        }
        String sub = type.substring(slash + 1);
        if (sub.startsWith("x-")) {
            sub = sub.substring(2);
        }
        return sub.equals("patch") || sub.equals("diff") || sub.startsWith("patch") || sub.startsWith("diff");
    }

    private static boolean isPatchName(String filename) {
        if (filename == null) {
            return false;
        }
        String f = filename.strip().toLowerCase(Locale.ROOT);
        return f.endsWith(".patch") || f.endsWith(".diff");
    }

    /** A unified diff: a "diff --git" line, or "--- ", "+++ " and "@@ -" lines. */
    static boolean looksLikeDiff(String s) {
        if (s.startsWith("diff --git ") || s.contains("\ndiff --git ")) {
            return true;
        }
        int minus = s.startsWith("--- ") ? 0 : s.indexOf("\n--- ");
        return minus >= 0 && s.indexOf("\n+++ ", minus) > 0 && s.indexOf("\n@@ -", minus) > 0;
    }

    // ------------------------------------------------------------------ Jakarta Mail glue

    /**
     * A multipart that is lenient whatever the system properties say (Jakarta Mail reads the
     * mail.mime.multipart.* settings from System properties, not from a Session).
     */
    private static final class LenientMultipart extends MimeMultipart {
        LenientMultipart(ByteArrayDataSource ds) throws MessagingException {
            super(ds);
        }

        @Override
        protected void initializeProperties() {
            ignoreMissingEndBoundary = true;
            ignoreMissingBoundaryParameter = true;
            ignoreExistingBoundaryParameter = false;
            allowEmpty = true;
        }
    }
}
