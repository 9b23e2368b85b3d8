package dev.patchtrack.core.patch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stable patch-id of a diff, as {@code git patch-id --stable} computes it: the same change gives the
 * same id whether it is read from a mail, from {@code git format-patch} or from a commit's diff, whatever
 * its line numbers, whitespace or file order.
 *
 * <p>Text before the first {@code diff } line is ignored (the commit message). Each file's lines are
 * hashed with SHA-1 after every whitespace character is removed; {@code index} lines, hunk headers and
 * {@code \ No newline} markers are left out; a binary file counts by its two blob ids. The per-file
 * digests are added together as 160-bit little-endian numbers, so the order of files does not matter.
 * The patch ends at a line that cannot continue it (a signature's {@code -- }, a list footer) or at the
 * next {@code commit}/{@code From} line of a commit id.
 */
public final class PatchId {

    private PatchId() {
    }

    /** The stable patch-id (40 hex digits) of the first patch in {@code text}, null when it has no git diff. */
    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return ofLines(Lines.split(text));
    }

    static String ofLines(String[] lines) {
        MessageDigest ctx = sha1();
        byte[] result = new byte[20];
        long patchLength = 0;
        int before = -1;
        int after = -1;
        boolean binary = false;
        String preOid = "";
        String postOid = "";
        char[] chars = new char[256];
        byte[] squeezed = new byte[256];
        for (String line : lines) {
            if (line.startsWith("\\ ") && line.length() + 1 > 12) {
                continue; // "\ No newline at end of file" (git counts the newline in the length)
            }
            if (startsCommit(line)) {
                if (patchLength > 0) {
                    break;
                }
                continue;
            }
            if (patchLength == 0 && !line.startsWith("diff ")) {
                continue;
            }
            if (before == -1) {
                if (line.startsWith("GIT binary patch") || line.startsWith("Binary files")) {
                    binary = true;
                    before = 0;
                    ctx.update(preOid.getBytes(StandardCharsets.US_ASCII));
                    ctx.update(postOid.getBytes(StandardCharsets.US_ASCII));
                    flush(result, ctx);
                    continue;
                } else if (line.startsWith("index ")) {
                    int dots = line.indexOf("..");
                    if (dots >= 0) {
                        int space = line.indexOf(' ', dots);
                        int end = space < 0 ? line.length() : space;
                        preOid = line.substring("index ".length(), Math.max("index ".length(), dots));
                        postOid = line.substring(Math.min(dots + 2, end), end);
                    }
                    continue;
                } else if (line.startsWith("--- ")) {
                    before = 1;
                    after = 1;
                } else if (line.isEmpty() || !isAsciiLetter(line.charAt(0))) {
                    break;
                }
            }
            if (binary) {
                if (line.startsWith("diff ")) {
                    binary = false;
                    before = -1;
                }
                continue;
            }
            if (before == 0 && after == 0) {
                if (line.startsWith("@@ -")) {
                    int[] counts = hunkCounts(line);
                    if (counts != null) {
                        before = counts[0];
                        after = counts[1];
                    }
                    continue;
                }
                if (!line.startsWith("diff ")) {
                    break;
                }
                flush(result, ctx);
                before = -1;
                after = -1;
            }
            char c = line.isEmpty() ? '\n' : line.charAt(0);
            if (c == '-' || c == ' ') {
                before--;
            }
            if (c == '+' || c == ' ') {
                after--;
            }
            if (squeezed.length < line.length()) {
                chars = new char[Math.max(line.length(), 2 * chars.length)];
                squeezed = new byte[chars.length];
            }
            line.getChars(0, line.length(), chars, 0);
            int n = withoutSpaceAscii(chars, line.length(), squeezed);
            if (n >= 0) {
                ctx.update(squeezed, 0, n);
            } else {
                byte[] utf8 = withoutSpace(line);
                n = utf8.length;
                ctx.update(utf8);
            }
            patchLength += n;
        }
        if (patchLength == 0) {
            return null;
        }
        flush(result, ctx);
        return hex(result);
    }

    /** A {@code commit <id>}, {@code From <id>} or bare {@code <id>} line: the next patch starts. */
    private static boolean startsCommit(String line) {
        int from = line.startsWith("commit ") ? 7 : line.startsWith("From ") ? 5 : 0;
        if (line.length() < from + 40) {
            return false;
        }
        for (int i = from; i < from + 40; i++) {
            char c = line.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** {@code @@ -a,b +c,d @@}: {b, d} (a missing count is 1), null when the header is not one. */
    private static int[] hunkCounts(String line) {
        int i = 4;
        int n = digits(line, i);
        int before = 1;
        if (at(line, i + n) == ',') {
            i += n + 1;
            n = digits(line, i);
            before = parse(line, i, n);
        }
        if (n == 0 || at(line, i + n) != ' ' || at(line, i + n + 1) != '+') {
            return null;
        }
        int r = i + n + 2;
        n = digits(line, r);
        int after = 1;
        if (at(line, r + n) == ',') {
            r += n + 1;
            n = digits(line, r);
            after = parse(line, r, n);
        }
        return n == 0 ? null : new int[] {before, after};
    }

    private static int digits(String s, int from) {
        int n = 0;
        while (from + n < s.length() && Character.isDigit(s.charAt(from + n)) && s.charAt(from + n) < 128) {
            n++;
        }
        return n;
    }

    private static int parse(String s, int from, int n) {
        if (n == 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(s.substring(from, from + Math.min(n, 18))));
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /**
     * {@link #withoutSpace} for an ASCII line (its {@code length} characters in {@code line}), written into
     * {@code out}: the number of bytes, or -1 when the line is not ASCII.
     */
    private static int withoutSpaceAscii(char[] line, int length, byte[] out) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = line[i];
            if (c >= 0x80) {
                return -1;
            }
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                out[n++] = (byte) c;
            }
        }
        return n;
    }

    /** The line in UTF-8 without spaces, tabs, carriage returns or newlines (git's isspace). */
    private static byte[] withoutSpace(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                b.append(c);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Adds the digest of one file to the result, a 160-bit sum with carry, and starts the next. */
    private static void flush(byte[] result, MessageDigest ctx) {
        byte[] hash = ctx.digest();
        int carry = 0;
        for (int i = 0; i < result.length; i++) {
            carry += (result[i] & 0xff) + (hash[i] & 0xff);
            result[i] = (byte) carry;
            carry >>>= 8;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(40);
        for (byte x : b) {
            s.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return s.toString();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JDK", e);
        }
    }
}
