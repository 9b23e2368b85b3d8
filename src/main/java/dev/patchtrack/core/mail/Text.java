package dev.patchtrack.core.mail;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.Problem.Code;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-to-text decoding the way mail needs it: UTF-8 when the bytes are UTF-8, windows-1252 for every
 * byte that is not, and declared charsets believed only when they do not lie.
 */
final class Text {

    static final Charset CP1252 = Charset.forName("windows-1252");

    /** windows-1252 for 0x80..0x9F (the five undefined bytes map to the same C1 code point as Latin-1). */
    private static final char[] CP1252_HIGH = {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178'};

    private static final ConcurrentHashMap<String, Optional<Charset>> CHARSETS = new ConcurrentHashMap<>();

    private Text() {
    }

    static boolean isAscii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Length of the valid UTF-8 sequence starting at {@code i}, or 0 when the byte there does not start one. */
    private static int utf8SequenceLength(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
            return 1;
        }
        if (c < 0xC2 || c > 0xF4) {
            return 0;
        }
        if (c < 0xE0) {
            return i + 1 < to && isCont(b[i + 1]) ? 2 : 0;
        }
        if (c < 0xF0) {
            if (i + 2 >= to) {
                return 0;
            }
            int c1 = b[i + 1] & 0xFF;
            if (c == 0xE0 && c1 < 0xA0 || c == 0xED && c1 > 0x9F) {
                return 0;
            }
            return isCont(b[i + 1]) && isCont(b[i + 2]) ? 3 : 0;
        }
        if (i + 3 >= to) {
            return 0;
        }
        int c1 = b[i + 1] & 0xFF;
        if (c == 0xF0 && c1 < 0x90 || c == 0xF4 && c1 > 0x8F) {
            return 0;
        }
        return isCont(b[i + 1]) && isCont(b[i + 2]) && isCont(b[i + 3]) ? 4 : 0;
    }

    private static boolean isCont(byte x) {
        return (x & 0xC0) == 0x80;
    }

    static boolean isValidUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = utf8SequenceLength(b, i, to);
            if (n == 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    static char cp1252(int c) {
        return c >= 0x80 && c < 0xA0 ? CP1252_HIGH[c - 0x80] : (char) c;
    }

    /**
     * Decodes UTF-8, reading every byte that is not part of a valid UTF-8 sequence as windows-1252, so a
     * Latin-1 text and a UTF-8 text with one stray byte both come out right.
     *
     * @return the text; {@code invalid[0]} is set when some byte was not UTF-8
     */
    static String utf8OrCp1252(byte[] b, int from, int to, boolean[] invalid) {
        if (isAscii(b, from, to)) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (isValidUtf8(b, from, to)) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        if (invalid != null) {
            invalid[0] = true;
        }
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
                continue;
            }
            int n = utf8SequenceLength(b, i, to);
            if (n == 0) {
                sb.append(cp1252(c));
                i++;
            } else {
                sb.append(new String(b, i, n, StandardCharsets.UTF_8));
                i += n;
            }
        }
        return sb.toString();
    }

    /** Strings read by Jakarta Mail from bytes carry one byte per char: turn them back into real text. */
    static String redecodeLatin1(String s) {
        if (s == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s; // already real text
            }
            if (c >= 0x80) {
                high = true;
            }
        }
        if (!high) {
            return s;
        }
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return utf8OrCp1252(b, 0, b.length, null);
    }

    /** The charset for a declared name, or null when the name is unknown or invalid. */
    static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        String key = name.replace("\"", "").replace("'", "").strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty() || key.length() > 64) {
            return null;
        }
        Optional<Charset> cached = CHARSETS.get(key);
        if (cached != null) {
            return cached.orElse(null);
        }
        Charset cs = lookup(key);
        if (CHARSETS.size() < 512) {
            CHARSETS.put(key, Optional.ofNullable(cs));
        }
        return cs;
    }

    private static Charset lookup(String key) {
        switch (key) {
            case "utf8", "utf-8", "unicode-1-1-utf-8", "x-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            case "latin1", "latin-1", "iso8859-1", "iso-latin-1", "iso_8859-1", "l1" -> {
                return StandardCharsets.ISO_8859_1;
            }
            case "ascii", "us-ascii", "ansi_x3.4-1968", "iso646-us", "646" -> {
                return StandardCharsets.US_ASCII;
            }
            case "cp1252", "windows-1252", "x-cp1252" -> {
                return CP1252;
            }
            default -> {
                try {
                    return Charset.forName(key);
                } catch (RuntimeException e) { // IllegalCharsetName, UnsupportedCharset
                    return null;
                }
            }
        }
    }

    /**
     * Decodes text of a declared charset. A declared us-ascii, iso-8859-1 or windows-1252 (or none) whose
     * bytes are valid UTF-8 is read as UTF-8; invalid UTF-8 and unknown charsets fall back to
     * windows-1252 byte by byte. Each fallback is named in {@code problems}.
     */
    static String decode(byte[] b, int from, int to, String declared, String where, List<Problem> problems) {
        Charset cs = declared == null || declared.isBlank() ? StandardCharsets.US_ASCII : charset(declared);
        if (cs == null) {
            problems.add(Problem.of(Code.CHARSET,
                    where + ": unknown charset \"" + clip(declared, 40) + "\", read as UTF-8/windows-1252"));
            return utf8OrCp1252(b, from, to, null);
        }
        if (cs == StandardCharsets.UTF_8) {
            boolean[] invalid = new boolean[1];
            String s = utf8OrCp1252(b, from, to, invalid);
            if (invalid[0]) {
                problems.add(Problem.of(Code.CHARSET, where + ": invalid UTF-8, stray bytes read as windows-1252"));
            }
            return s;
        }
        if (cs == StandardCharsets.US_ASCII || cs == StandardCharsets.ISO_8859_1 || cs.equals(CP1252)) {
            if (isAscii(b, from, to)) {
                return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            }
            if (isValidUtf8(b, from, to)) {
                return new String(b, from, to - from, StandardCharsets.UTF_8);
            }
            if (cs == StandardCharsets.US_ASCII) {
                problems.add(Problem.of(Code.CHARSET, where + ": 8-bit bytes in us-ascii text, read as windows-1252"));
            }
            return new String(b, from, to - from, CP1252);
        }
        try {
            return new String(b, from, to - from, cs);
        } catch (RuntimeException e) { // a decoder that cannot even replace
            problems.add(Problem.of(Code.CHARSET,
                    where + ": charset " + cs.name() + " failed, read as UTF-8/windows-1252"));
            return utf8OrCp1252(b, from, to, null);
        }
    }

    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 3));
        for (int i = 0; i < s.length() && i < max; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        if (s.length() > max) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** "\r\n" to "\n"; lone CRs stay. */
    static String normalizeNewlines(String s) {
        int i = s.indexOf('\r');
        if (i < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int last = 0;
        while (i >= 0) {
            if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                sb.append(s, last, i);
                last = i + 1;
            }
            i = s.indexOf('\r', i + 1);
        }
        sb.append(s, last, s.length());
        return sb.toString();
    }
}
