package dev.patchtrack.core.model;

import java.util.Arrays;

/**
 * A cheap gate before a regular expression run on every line: words one of which a line must hold for the
 * expression to have a chance, looked for in one pass. A gate may let a line through
 * that the expression then rejects, but must never stop one that it would match: every alternative of the
 * expression needs one of the words, literally (ASCII case ignored, as {@code (?i)} ignores it). Each
 * gate's test runs its expression and its words over tricky lines and real mail side by side.
 */
public final class Keywords {

    /** The words, ASCII letters in lower case, by their first character in both cases. */
    private final char[][][] byFirst = new char[128][][];

    private Keywords(String... words) {
        for (String word : words) {
            char[] w = word.toCharArray();
            for (int j = 0; j < w.length; j++) {
                w[j] = lower(w[j]);
            }
            char c = w[0];
            if (c >= 128) {
                throw new IllegalArgumentException("a keyword must start with an ASCII character: " + word);
            }
            add(c, w);
            if (c >= 'a' && c <= 'z') {
                add((char) (c - 32), w);
            }
        }
    }

    /** A gate on these words (each starting with an ASCII character). */
    public static Keywords of(String... words) {
        return new Keywords(words);
    }

    private void add(char c, char[] w) {
        char[][] ws = byFirst[c];
        if (ws == null) {
            byFirst[c] = new char[][] {w};
        } else {
            ws = Arrays.copyOf(ws, ws.length + 1);
            ws[ws.length - 1] = w;
            byFirst[c] = ws;
        }
    }

    /** Whether {@code s} holds one of the words, ASCII case ignored (as {@code (?i)} ignores it). */
    public boolean in(String s) {
        return in(s, 0, s.length());
    }

    /** Whether {@code s} from {@code from} to {@code to} (exclusive) holds one of the words. */
    public boolean in(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                char[][] ws = byFirst[c];
                if (ws != null) {
                    for (char[] w : ws) {
                        if (at(s, i, to, w)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Whether {@code w} (its first character already matched) stands at {@code i}. */
    private static boolean at(String s, int i, int to, char[] w) {
        if (to - i < w.length) {
            return false;
        }
        for (int j = 1; j < w.length; j++) {
            char h = s.charAt(i + j);
            if (h != w[j] && lower(h) != w[j]) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
