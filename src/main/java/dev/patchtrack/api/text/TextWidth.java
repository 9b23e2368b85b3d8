package dev.patchtrack.api.text;

/**
 * Terminal width of text: one column per code point, two for wide East Asian characters and emoji,
 * none for combining marks. Control characters never reach the terminal: {@link #clean} turns them
 * (and line and paragraph breaks, U+2028/U+2029 included) into spaces and drops format characters
 * such as bidi overrides, so a hostile subject cannot move the cursor.
 */
public final class TextWidth {

    private TextWidth() {
    }

    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                b.append(' ');
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                    && Character.getType(c) != Character.SURROGATE) {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /**
     * Mail as text for a terminal, nothing dropped: line breaks and tabs stay (CRLF becomes LF), every
     * other control character, format character (bidi overrides, zero-width marks) and line or
     * paragraph separator is shown as {@code <U+XXXX>}, so it can neither move the cursor nor hide.
     */
    public static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (c == '\n' || c == '\t') {
                b.append((char) c);
            } else if (c == '\r' && i < s.length() && s.charAt(i) == '\n') {
                continue; // CRLF: the LF ends the line
            } else if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                b.append(String.format("<U+%04X>", c));
            } else {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    public static int of(String s) {
        return s.codePoints().map(TextWidth::columns).sum();
    }

    static int columns(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || c == 0x200D) {
            return 0;
        }
        return wide(c) ? 2 : 1;
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF)
                || (c >= 0x20000 && c <= 0x3FFFD);
    }

    /** {@code s} cut to at most {@code max} columns, ending in an ellipsis when cut. */
    public static String fit(String s, int max) {
        if (of(s) <= max) {
            return s;
        }
        if (max <= 0) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int w = columns(c);
            if (used + w > max - 1) {
                break;
            }
            b.appendCodePoint(c);
            used += w;
            i += Character.charCount(c);
        }
        return b.append('…').toString();
    }

    /** {@code s} padded with spaces to {@code width} columns. */
    public static String pad(String s, int width) {
        int w = of(s);
        return w >= width ? s : s + " ".repeat(width - w);
    }
}
