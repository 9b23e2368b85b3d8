package dev.patchtrack.core.patch;

import java.util.ArrayList;

/** Small line helpers shared by the parsers of this package. No regular expressions here. */
final class Lines {

    private static final String[] NONE = new String[0];

    private Lines() {
    }

    /** Splits on LF; a CR before the LF (or a lone CR line end) is dropped. A final empty line is not kept. */
    static String[] split(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        ArrayList<String> out = new ArrayList<>(Math.max(8, text.length() / 40));
        int len = text.length();
        int start = 0;
        if (text.indexOf('\r') < 0) { // the common case: LF alone ends lines, found with indexOf
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                out.add(text.substring(start, nl));
                start = nl + 1;
            }
            if (start < len) {
                out.add(text.substring(start));
            }
            return out.toArray(NONE);
        }
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(text.substring(start, end));
                start = i + 1;
            } else if (c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n')) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < len) {
            out.add(text.substring(start));
        }
        return out.toArray(NONE);
    }

    /** Index of the first character that is not a space or tab. */
    static int indent(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    /** A line quoted from another message: its first non-blank character is {@code >}. */
    static boolean quoted(String line) {
        int i = indent(line);
        return i < line.length() && line.charAt(i) == '>';
    }

    static boolean blank(String line) {
        return indent(line) == line.length();
    }

    /** How many non-blank lines may follow a bare {@code "--"} for it to still be a signature separator. */
    static final int SHORT_SIGNATURE = 8;

    /**
     * Whether line {@code i} starts the signature: {@code "-- "}, or a bare {@code "--"} (a mailer ate the
     * space) with only a few lines after it. A bare {@code "--"} followed by more is a separator inside the
     * text, as long cover letters use it (the "Rust support" covers put their changelog and version links
     * after one), and the text goes on.
     */
    static boolean signature(String[] lines, int i) {
        String line = lines[i];
        if (line.equals("-- ")) {
            return true;
        }
        if (!line.equals("--")) {
            return false;
        }
        int rest = 0;
        for (int j = i + 1; j < lines.length; j++) {
            if (!blank(lines[j]) && ++rest > SHORT_SIGNATURE) {
                return false;
            }
        }
        return true;
    }

    /** The {@code ---} line that ends a commit message (trailing white space tolerated). */
    static boolean tripleDash(String line) {
        if (!line.startsWith("---")) {
            return false;
        }
        for (int i = 3; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    static String rtrim(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    /** Case-insensitive ASCII {@code startsWith} at an offset. */
    static boolean startsWithIgnoreCase(String s, int offset, String prefix) {
        return s.regionMatches(true, offset, prefix, 0, prefix.length());
    }

    /** Case-insensitive ASCII {@code contains}; {@code needle} must be lower case. */
    static boolean containsIgnoreCase(String s, String needle) {
        int n = needle.length();
        int max = s.length() - n;
        char first = needle.charAt(0);
        char firstUp = Character.toUpperCase(first);
        for (int i = 0; i <= max; i++) {
            char c = s.charAt(i);
            if ((c == first || c == firstUp) && s.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Parses a run of at most 9 digits, -1 when there is none. */
    static int parseDigits(String s, int from, int to) {
        if (from >= to || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
