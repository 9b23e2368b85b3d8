package dev.patchtrack.core.model;

import java.util.Arrays;

/**
 * A cheap gate before a regular expression run on every line: words one of which a line must hold for the
 * expression to have a chance, looked for in one pass with case ignored. A gate may let a line through
 * that the expression then rejects, but must never stop one that it would match: every alternative of the
 * expression needs one of the words, literally (ASCII case-insensitive, as {@code (?i)} matches). Each
 * gate's test runs its expression and its words over tricky lines and real mail side by side.
 */
public final class Keywords {

    /** The words by their first character, in both cases. */
    private final String[][] byFirst = new String[128][];

    private Keywords(String... words) {
        for (String w : words) {
            char c = w.charAt(0);
            if (c >= 128) {
                throw new IllegalArgumentException("a keyword must start with an ASCII character: " + w);
            }
            add(Character.toLowerCase(c), w);
            if (Character.toUpperCase(c) != Character.toLowerCase(c)) {
                add(Character.toUpperCase(c), w);
            }
        }
    }

    /** A gate on these words (each starting with an ASCII character). */
    public static Keywords of(String... words) {
        return new Keywords(words);
    }

    private void add(char c, String w) {
        String[] ws = byFirst[c];
        if (ws == null) {
            byFirst[c] = new String[] {w};
        } else {
            ws = Arrays.copyOf(ws, ws.length + 1);
            ws[ws.length - 1] = w;
            byFirst[c] = ws;
        }
    }

    /** Whether {@code s} holds one of the words, case ignored. */
    public boolean in(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                String[] ws = byFirst[c];
                if (ws != null) {
                    for (String w : ws) {
                        if (s.regionMatches(true, i, w, 0, w.length())) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
