package dev.patchtrack.core.mail;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.Problem.Code;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header block of a message, split into fields straight from the bytes. Limits apply here: physical
 * lines longer than {@code maxLineLength} are cut and fields after {@code maxHeaderCount} are dropped.
 * A line in the header block that is neither a field nor a continuation is skipped and counted.
 */
final class HeaderBlock {

    /** One field; its value is {@code buf[start, end)}, folds (CR)LF+WSP included. */
    record Field(String name, byte[] buf, int start, int end) {
    }

    final List<Field> fields = new ArrayList<>(32);
    /** Index of the first body byte (after the blank line), raw.length when there is no body. */
    int bodyStart;
    /** Whether the first line (after an mbox "From " line) is a well-formed field. */
    boolean firstLineIsField;
    int malformedLines;
    int cutLines;
    int droppedFields;

    private HeaderBlock() {
    }

    static HeaderBlock parse(byte[] raw, MailLimits limits) {
        HeaderBlock h = new HeaderBlock();
        int n = raw.length;
        int maxLine = Math.max(1, limits.maxLineLength());
        int maxFields = Math.max(0, limits.maxHeaderCount());
        int p = 0;
        if (startsWith(raw, 0, "From ")) { // an mbox separator left in place
            p = lineEnd(raw, 0) + 1;
        }
        String name = null;
        int valueStart = 0;
        int valueEnd = 0;
        ByteArrayOutputStream cutValue = null; // materialized value once a line of the field was cut
        boolean swallow = false; // continuation lines of a dropped or malformed field
        boolean first = true;
        h.bodyStart = n;
        while (p < n) {
            int nl = lineEnd(raw, p);
            int next = Math.min(n, nl + 1);
            int end = nl;
            if (end > p && raw[end - 1] == '\r') {
                end--;
            }
            if (end == p) { // blank line: end of headers
                h.bodyStart = next;
                break;
            }
            boolean cut = false;
            if (end - p > maxLine) {
                end = p + maxLine;
                cut = true;
                h.cutLines++;
            }
            byte b0 = raw[p];
            if (b0 == ' ' || b0 == '\t') {
                if (first) {
                    h.malformedLines++;
                    swallow = true;
                } else if (name != null && !swallow) {
                    if (cut && cutValue == null) {
                        cutValue = new ByteArrayOutputStream();
                        cutValue.write(raw, valueStart, valueEnd - valueStart);
                    }
                    if (cutValue != null) {
                        cutValue.write('\n');
                        cutValue.write(raw, p, end - p);
                    } else {
                        valueEnd = end;
                    }
                }
            } else {
                int colon = fieldNameEnd(raw, p, end);
                if (colon < 0) {
                    h.malformedLines++;
                    swallow = true;
                    if (first) {
                        h.firstLineIsField = false;
                    }
                } else {
                    if (name != null) {
                        h.add(name, raw, valueStart, valueEnd, cutValue);
                    }
                    name = null;
                    cutValue = null;
                    if (first) {
                        h.firstLineIsField = true;
                    }
                    if (h.fields.size() >= maxFields) {
                        h.droppedFields++;
                        swallow = true;
                    } else {
                        int ne = colon;
                        while (ne > p && (raw[ne - 1] == ' ' || raw[ne - 1] == '\t')) {
                            ne--;
                        }
                        name = new String(raw, p, ne - p, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                        valueStart = colon + 1;
                        valueEnd = end;
                        swallow = false;
                        if (cut) {
                            cutValue = new ByteArrayOutputStream();
                            cutValue.write(raw, valueStart, valueEnd - valueStart);
                        }
                    }
                }
            }
            first = false;
            p = next;
        }
        if (name != null) {
            h.add(name, raw, valueStart, valueEnd, cutValue);
        }
        return h;
    }

    private void add(String name, byte[] raw, int start, int end, ByteArrayOutputStream cutValue) {
        if (cutValue != null) {
            byte[] b = cutValue.toByteArray();
            fields.add(new Field(name, b, 0, b.length));
        } else {
            fields.add(new Field(name, raw, start, end));
        }
    }

    /** Index of the colon ending a well-formed field name on this line, or -1. */
    private static int fieldNameEnd(byte[] raw, int p, int end) {
        int i = p;
        while (i < end) {
            int c = raw[i] & 0xFF;
            if (c == ':') {
                return i > p ? i : -1;
            }
            if (c == ' ' || c == '\t') { // obsolete syntax: whitespace between name and colon
                int j = i;
                while (j < end && (raw[j] == ' ' || raw[j] == '\t')) {
                    j++;
                }
                return j < end && raw[j] == ':' && i > p ? j : -1;
            }
            if (c < 33 || c > 126) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    static int lineEnd(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i;
            }
        }
        return raw.length;
    }

    static boolean startsWith(byte[] raw, int at, String prefix) {
        if (raw.length - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (raw[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    Field first(String lowerName) {
        for (Field f : fields) {
            if (f.name.equals(lowerName)) {
                return f;
            }
        }
        return null;
    }

    List<Field> all(String lowerName) {
        List<Field> out = new ArrayList<>(2);
        for (Field f : fields) {
            if (f.name.equals(lowerName)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The field's value as text: 8-bit bytes read as UTF-8 where valid, else windows-1252 (named in
     * problems), unfolded (each line break and the whitespace after it become one space), not trimmed.
     */
    static String value(Field f, List<Problem> problems) {
        boolean[] invalid = new boolean[1];
        String s = Text.utf8OrCp1252(f.buf, f.start, f.end, invalid);
        if (invalid[0]) {
            problems.add(Problem.of(Code.CHARSET,
                    "header " + f.name + ": 8-bit bytes that are not UTF-8, read as windows-1252"));
        }
        return unfold(s);
    }

    static String unfold(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\r') {
                i++;
            } else if (c == '\n') {
                i++;
                while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                sb.append(' ');
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
