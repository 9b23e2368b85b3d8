package dev.patchtrack.core.patch;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.Trailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code Key: value} trailers.
 *
 * <p>A trailer line is, after optional indentation, a key, optional spaces, a colon and a non-empty value.
 * Keys are Signed-off-by, Reviewed-by, Acked-by, Tested-by, Reported-by, Suggested-by, Co-developed-by,
 * Nacked-by, Fixes, Link, Closes, Cc and any other {@code Xxx-by} key (letters only, at most five words).
 * Keys are normalised: case folded to the canonical form and spaces folded to dashes
 * ({@code reviewed by} gives {@code Reviewed-by}, {@code CC} gives {@code Cc}). Spaces in a key are only
 * accepted for the known keys ({@code Reported by:}); an unknown key must be written with dashes, so prose
 * such as {@code See Reviewed-by: ...} or {@code Written by: ...} is not read as a trailer. The value must
 * fit the key: {@code Fixes} starts with a commit id (7+ hex digits), {@code Link} and {@code Closes} hold a
 * URL or a Message-ID. Lines quoted with {@code >} never count.
 *
 * <p>Scopes: {@link #parsePatch} reads the commit message of a patch (before the first {@code ---} line or
 * the diff); {@link #parse} reads any unquoted line outside a diff up to the signature separator
 * {@code -- }, the scope of replies and cover letters.
 */
public final class TrailerParser {

    private static final int MAX_KEY = 48;

    private TrailerParser() {
    }

    /** Trailers of a reply or cover letter: any unquoted line outside a diff, up to the signature. */
    public static List<Trailer> parse(String text) {
        String[] lines = Lines.split(text);
        DiffParser.Scan scan = DiffParser.scan(lines);
        return parseLines(lines, scan.mask(), 0, lines.length, true);
    }

    /** Trailers of a patch: the commit message, before the first {@code ---} line or diff line. */
    public static List<Trailer> parsePatch(String body) {
        String[] lines = Lines.split(body);
        DiffParser.Scan scan = DiffParser.scan(lines);
        return parseLines(lines, scan.mask(), 0, commitMessageEnd(lines, scan.firstLine()), false);
    }

    /** The trailer a single line holds, or null. */
    public static Trailer parseLine(String line) {
        if (line == null) {
            return null;
        }
        int len = line.length();
        int i = Lines.indent(line);
        if (i >= len || !Lines.isAsciiLetter(line.charAt(i))) {
            return null;
        }
        int keyStart = i;
        int colon = -1;
        int limit = Math.min(len, keyStart + MAX_KEY + 1);
        for (int j = keyStart; j < limit; j++) {
            char c = line.charAt(j);
            if (c == ':') {
                colon = j;
                break;
            }
            if (!(Lines.isAsciiLetter(c) || Lines.isDigit(c) || c == '-' || c == ' ' || c == '\t' || c == '_')) {
                return null;
            }
        }
        if (colon < 0) {
            return null;
        }
        String rawKey = line.substring(keyStart, colon);
        String value = line.substring(colon + 1).strip();
        if (value.isEmpty()) {
            return null;
        }
        boolean spaced = rawKey.strip().indexOf(' ') >= 0 || rawKey.strip().indexOf('\t') >= 0;
        String name = canonicalName(rawKey);
        if (name == null) {
            return null;
        }
        boolean addressed = name.endsWith("-by") || name.equals("Cc");
        Address person = addressed ? parsePerson(value) : null;
        if (spaced && !KnownKey.isKnown(name)) {
            return null;
        }
        if (!valueFits(name, value)) {
            return null;
        }
        return new Trailer(name, value, person);
    }

    /**
     * The canonical form of a trailer key, or null when it is not a trailer key: {@code acked-BY} gives
     * {@code Acked-by}, {@code Reviewed by} gives {@code Reviewed-by}, {@code CC} gives {@code Cc}.
     */
    public static String canonicalName(String rawKey) {
        if (rawKey == null) {
            return null;
        }
        String k = rawKey.strip();
        if (k.isEmpty() || k.length() > MAX_KEY) {
            return null;
        }
        StringBuilder b = new StringBuilder(k.length());
        boolean dash = false;
        int words = 1;
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c == ' ' || c == '\t' || c == '-') {
                dash = true;
                continue;
            }
            if (dash) {
                b.append('-');
                words++;
                dash = false;
            }
            b.append(Character.toLowerCase(c));
        }
        String lower = b.toString();
        String known = KnownKey.canonical(lower);
        if (known != null) {
            return known;
        }
        if (words < 2 || words > 5 || !lower.endsWith("-by")) {
            return null;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!(c == '-' || (c >= 'a' && c <= 'z'))) {
                return null;
            }
        }
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /**
     * The person a trailer value names: {@code Name <addr>} (quotes taken off the name), {@code addr (Name)}
     * or a bare address; anything after the address (a {@code # comment}) is ignored. Null when the value
     * holds no address.
     */
    public static Address parsePerson(String value) {
        if (value == null) {
            return null;
        }
        int lt = value.indexOf('<');
        if (lt >= 0) {
            int gt = value.indexOf('>', lt + 1);
            if (gt > lt) {
                String addr = value.substring(lt + 1, gt).strip();
                if (addr.startsWith("mailto:")) {
                    addr = addr.substring(7);
                }
                if (looksLikeAddress(addr)) {
                    return new Address(unquote(value.substring(0, lt).strip()), addr);
                }
            }
        }
        // bare address, optionally followed by (Name)
        int len = value.length();
        int i = 0;
        while (i < len) {
            while (i < len && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                String tok = trimPunct(value.substring(start, i));
                if (looksLikeAddress(tok)) {
                    String name = null;
                    int open = value.indexOf('(', i);
                    if (open >= 0) {
                        int close = value.indexOf(')', open + 1);
                        String between = value.substring(i, open).strip();
                        if (close > open && between.isEmpty()) {
                            name = value.substring(open + 1, close).strip();
                        }
                    }
                    return new Address(name, tok);
                }
            }
        }
        return null;
    }

    // ---- package-private helpers used by the analyser ----

    /** The end of a patch's commit message: the first {@code ---} line, else the first diff line. */
    static int commitMessageEnd(String[] lines, int firstDiffLine) {
        int end = firstDiffLine < 0 ? lines.length : firstDiffLine;
        for (int i = 0; i < end; i++) {
            if (Lines.tripleDash(lines[i])) {
                return i;
            }
        }
        return end;
    }

    /** Trailers of the unquoted, non-diff lines in [from, to), stopping at a signature when asked. */
    static List<Trailer> parseLines(String[] lines, boolean[] diffMask, int from, int to, boolean stopAtSignature) {
        List<Trailer> out = new ArrayList<>(4);
        for (int i = from; i < to; i++) {
            String line = lines[i];
            if (diffMask[i]) {
                continue;
            }
            if (stopAtSignature && Lines.signature(lines, i)) {
                break;
            }
            Trailer t = parseLine(line);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Fixes names a commit (hex, at least 7 digits); Link and Closes name a URL or a Message-ID. */
    private static boolean valueFits(String name, String value) {
        switch (name) {
            case "Fixes" -> {
                int i = 0;
                if (Lines.startsWithIgnoreCase(value, 0, "commit ")) {
                    i = Lines.indent(value.substring(7)) + 7;
                }
                int start = i;
                while (i < value.length() && isHex(value.charAt(i))) {
                    i++;
                }
                return i - start >= 7 && (i == value.length() || !Lines.isAsciiLetter(value.charAt(i)));
            }
            case "Link", "Closes" -> {
                return value.contains("://") || (value.indexOf('@') > 0 && value.indexOf(' ') < 0)
                        || value.startsWith("<");
            }
            default -> {
                return true;
            }
        }
    }

    private static boolean isHex(char c) {
        return Lines.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean looksLikeAddress(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == '"') {
                return false;
            }
        }
        return true;
    }

    private static String trimPunct(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && "<([\"'".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ">)]\"',;.:".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"') {
            String inner = name.substring(1, name.length() - 1);
            if (inner.indexOf('\\') < 0) {
                return inner.strip();
            }
            StringBuilder b = new StringBuilder(inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                b.append(c);
            }
            return b.toString().strip();
        }
        return name;
    }

    /** The keys the design names, with their canonical spelling. */
    static final class KnownKey {
        private static final String[] CANONICAL = {
            "Signed-off-by", "Reviewed-by", "Acked-by", "Tested-by", "Reported-by", "Suggested-by",
            "Co-developed-by", "Nacked-by", "Fixes", "Link", "Closes", "Cc",
        };
        private static final String[] LOWER = new String[CANONICAL.length];

        static {
            for (int i = 0; i < CANONICAL.length; i++) {
                LOWER[i] = CANONICAL[i].toLowerCase(Locale.ROOT);
            }
        }

        private KnownKey() {
        }

        static String canonical(String lower) {
            for (int i = 0; i < LOWER.length; i++) {
                if (LOWER[i].equals(lower)) {
                    return CANONICAL[i];
                }
            }
            return null;
        }

        static boolean isKnown(String canonical) {
            for (String c : CANONICAL) {
                if (c.equals(canonical)) {
                    return true;
                }
            }
            return false;
        }
    }
}
