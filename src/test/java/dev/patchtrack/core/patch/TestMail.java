package dev.patchtrack.core.patch;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.support.Corpus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link ParsedMail} for tests. {@link #parse} is a deliberately small RFC 822 reader (the real one
 * lives in core/mail): unfolds headers, reads From, Subject, Message-ID, In-Reply-To, References, List-Id,
 * splits a simple multipart/mixed message (first text/plain part is the body, *.patch / text/x-patch /
 * text/x-diff parts are attachments) and decodes quoted-printable. No RFC 2047.
 */
final class TestMail {

    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");

    private TestMail() {
    }

    /** Patchwork's {@code ../shared/corpus/patchwork/mail/<name>}, read in place, as text. */
    static String fixture(String name) {
        return new String(Corpus.patchworkBytes("mail/" + name), StandardCharsets.UTF_8);
    }

    static ParsedMail fixtureMail(String name) {
        return parse(fixture(name));
    }

    static Builder mail() {
        return new Builder();
    }

    static final class Builder {
        private String id = "test@example.org";
        private Address from = new Address("Ann Author", "ann@example.org");
        private String subject = "";
        private String body = "";
        private final List<String> inReplyTo = new ArrayList<>();
        private final List<String> references = new ArrayList<>();
        private final List<String> attachments = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();

        Builder id(String v) {
            id = v;
            return this;
        }

        Builder from(String name, String email) {
            from = new Address(name, email);
            return this;
        }

        Builder subject(String v) {
            subject = v;
            return this;
        }

        Builder body(String v) {
            body = v;
            return this;
        }

        Builder inReplyTo(String v) {
            inReplyTo.add(v);
            references.add(v);
            return this;
        }

        Builder attachment(String v) {
            attachments.add(v);
            return this;
        }

        Builder problem(String v) {
            problems.add(Problem.of(Problem.Code.DATE_INVALID, v));
            return this;
        }

        ParsedMail build() {
            return new ParsedMail(id, false, from, null, subject, inReplyTo, references, List.of("test.example.org"),
                    body, attachments, problems, true);
        }
    }

    static ParsedMail parse(String raw) {
        String text = raw.replace("\r\n", "\n");
        if (text.startsWith("From ")) {
            text = text.substring(text.indexOf('\n') + 1);
        }
        int sep = text.indexOf("\n\n");
        String head = sep < 0 ? text : text.substring(0, sep);
        String body = sep < 0 ? "" : text.substring(sep + 2);
        Map<String, String> headers = headers(head);
        List<String> attachments = new ArrayList<>();
        String ctype = headers.getOrDefault("content-type", "text/plain");
        String cte = headers.getOrDefault("content-transfer-encoding", "7bit");
        if (ctype.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            String boundary = param(ctype, "boundary");
            String main = null;
            for (String part : ("\n" + body).split("\n--" + Pattern.quote(boundary))) {
                if (part.startsWith("--")) {
                    break; // closing delimiter
                }
                int psep = part.indexOf("\n\n");
                if (psep < 0) {
                    continue;
                }
                Map<String, String> ph = headers(part.substring(part.indexOf('\n') + 1, psep));
                String pt = ph.getOrDefault("content-type", "text/plain").toLowerCase(Locale.ROOT);
                String pbody = decode(part.substring(psep + 2), ph.getOrDefault("content-transfer-encoding", "7bit"));
                String disp = ph.getOrDefault("content-disposition", "") + " " + pt;
                boolean patch = pt.startsWith("text/x-patch") || pt.startsWith("text/x-diff")
                        || disp.contains(".patch") || disp.contains(".diff");
                if (patch) {
                    attachments.add(pbody);
                } else if (pt.startsWith("text/plain") && main == null) {
                    main = pbody;
                }
            }
            body = main == null ? "" : main;
        } else {
            body = decode(body, cte);
        }
        String mid = firstId(headers.get("message-id"));
        List<String> irt = ids(headers.get("in-reply-to"));
        List<String> refs = ids(headers.get("references"));
        List<String> lists = ids(headers.get("list-id"));
        return new ParsedMail(mid == null ? "synthetic-" + Integer.toHexString(raw.hashCode()) + "@test" : mid,
                mid == null, address(headers.getOrDefault("from", "")), null, headers.getOrDefault("subject", ""), irt,
                refs, lists, body, attachments, List.of(), true);
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : head.split("\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                out.putIfAbsent(name, value.toString().strip());
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                name = null;
                continue;
            }
            name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            value = new StringBuilder(line.substring(colon + 1));
        }
        if (name != null) {
            out.putIfAbsent(name, value.toString().strip());
        }
        return out;
    }

    private static String param(String header, String key) {
        Matcher m = Pattern.compile("(?i)" + key + "=\"?([^\";]+)\"?").matcher(header);
        return m.find() ? m.group(1) : "";
    }

    private static String decode(String text, String cte) {
        if (!cte.toLowerCase(Locale.ROOT).contains("quoted-printable")) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '=' && i + 1 < in.length && in[i + 1] == '\n') {
                i++;
            } else if (b == '=' && i + 2 < in.length && Character.digit(in[i + 1], 16) >= 0
                    && Character.digit(in[i + 2], 16) >= 0) {
                out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String firstId(String v) {
        List<String> ids = ids(v);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(String v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        Matcher m = ID.matcher(v);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static Address address(String v) {
        Address a = TrailerParser.parsePerson(v);
        return a == null ? new Address(null, v.strip()) : a;
    }
}
