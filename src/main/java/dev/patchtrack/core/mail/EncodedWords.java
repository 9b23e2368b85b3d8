package dev.patchtrack.core.mail;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.Problem.Code;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * RFC 2047 encoded-words, decoded leniently: words inside other text are decoded too, adjacent words of
 * one charset are joined before decoding (so a UTF-8 character split across two words survives), and a
 * word that cannot be decoded (unknown charset, not an encoded-word after all) stays as written.
 */
final class EncodedWords {

    private EncodedWords() {
    }

    static String decode(String s, String where, List<Problem> problems) {
        int first = s.indexOf("=?");
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        boolean lastWasWord = false;
        int pos = 0;
        int start = first;
        while (start >= 0) {
            int csEnd = indexOf(s, '?', start + 2, 66);
            int textStart = csEnd + 3;
            int textEnd = csEnd < 0 || textStart > s.length() ? -1 : endOfWord(s, textStart);
            if (textEnd < 0 || s.charAt(csEnd + 2) != '?' || !isWord(s, start + 2, csEnd, textStart, textEnd)) {
                start = s.indexOf("=?", start + 2);
                continue;
            }
            char enc = Character.toUpperCase(s.charAt(csEnd + 1));
            String csName = s.substring(start + 2, csEnd);
            int star = csName.indexOf('*'); // RFC 2231 language
            if (star >= 0) {
                csName = csName.substring(0, star);
            }
            Charset cs = Text.charset(csName);
            String gap = s.substring(pos, start);
            if (cs == null || !(lastWasWord && gap.isBlank())) {
                flush(out, pending, pendingCharset, where, problems);
                pendingCharset = null;
                out.append(gap);
            }
            if (cs == null) {
                problems.add(Problem.of(Code.CHARSET,
                        where + ": encoded-word with unknown charset \"" + Text.clip(csName, 40)
                        + "\" left as text"));
                out.append(s, start, textEnd + 2);
                lastWasWord = false;
            } else {
                byte[] bytes;
                int len;
                if (enc == 'B') {
                    byte[] raw = ascii(s, textStart, textEnd);
                    TransferDecoding.Decoded d = TransferDecoding.base64(raw, 0, raw.length);
                    if (d.problem() != null) {
                        problems.add(Problem.of(Code.TRANSFER_ENCODING, where + ": encoded-word with " + d.problem()));
                    }
                    bytes = d.bytes();
                    len = d.length();
                } else {
                    bytes = qDecode(s, textStart, textEnd);
                    len = bytes.length;
                }
                if (pendingCharset != null && !pendingCharset.equalsIgnoreCase(csName)) {
                    flush(out, pending, pendingCharset, where, problems);
                }
                pendingCharset = csName;
                pending.write(bytes, 0, len);
                lastWasWord = true;
            }
            pos = textEnd + 2;
            start = s.indexOf("=?", pos);
        }
        flush(out, pending, pendingCharset, where, problems);
        out.append(s, pos, s.length());
        return out.toString();
    }

    /** Index of {@code c} at or after {@code from} within {@code window} characters, or -1. */
    private static int indexOf(String s, char c, int from, int window) {
        int end = Math.min(s.length(), from + window);
        for (int i = from; i < end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The "?=" that ends an encoded text starting at {@code from}: before any whitespace, or -1. */
    private static int endOfWord(String s, int from) {
        int n = s.length();
        int end = Math.min(n, from + 4096); // RFC 2047 words are at most 75 characters
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == '?' && i + 1 < n && s.charAt(i + 1) == '=') {
                return i;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    /** charset: no whitespace or '?'; encoding B or Q; text: no whitespace. */
    private static boolean isWord(String s, int csStart, int csEnd, int textStart, int textEnd) {
        if (csEnd <= csStart || csEnd - csStart > 64) {
            return false;
        }
        for (int i = csStart; i < csEnd; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return false;
            }
        }
        char enc = s.charAt(csEnd + 1);
        if (enc != 'B' && enc != 'b' && enc != 'Q' && enc != 'q') {
            return false;
        }
        for (int i = textStart; i < textEnd; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String csName, String where,
                              List<Problem> problems) {
        if (pending.size() == 0 || csName == null) {
            pending.reset();
            return;
        }
        byte[] b = pending.toByteArray();
        pending.reset();
        out.append(Text.decode(b, 0, b.length, csName, where, problems));
    }

    private static byte[] ascii(String s, int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = from; i < to; i++) {
            b[i - from] = (byte) s.charAt(i);
        }
        return b;
    }

    private static byte[] qDecode(String s, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < to && hexChar(s.charAt(i + 1)) >= 0 && hexChar(s.charAt(i + 2)) >= 0) {
                out.write(hexChar(s.charAt(i + 1)) << 4 | hexChar(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x100) {
                out.write(c);
            } else {
                byte[] u = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(u, 0, u.length);
            }
        }
        return out.toByteArray();
    }

    private static int hexChar(char c) {
        return c < 0x80 ? TransferDecoding.hex((byte) c) : -1;
    }
}
