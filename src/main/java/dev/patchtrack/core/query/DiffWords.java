package dev.patchtrack.core.query;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What lore's diff prefixes search in a mail: the file names its diffs touch ({@code dfn:}), the lines
 * they remove ({@code dfa:}) and add ({@code dfb:}). Lower-cased, one per line, each part at most
 * {@link #MAX_CHARS} long, since a search compares them case-insensitively as parts of the text.
 *
 * @param files   old and new names of every touched file
 * @param removed the text of each removed line, without its {@code -}
 * @param added   the text of each added line, without its {@code +}
 */
public record DiffWords(String files, String removed, String added) {

    /** The longest text kept per part. */
    public static final int MAX_CHARS = 100_000;

    public static final DiffWords NONE = new DiffWords("", "", "");

    /** Reads the git-style diffs of a mail body; text outside them is left out. */
    public static DiffWords of(String body) {
        if (body == null || body.isEmpty()) {
            return NONE;
        }
        Set<String> files = new LinkedHashSet<>();
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        boolean inDiff = false;
        boolean inHunk = false;
        for (String line : body.split("\r?\n", -1)) {
            if (line.startsWith("diff --git ")) {
                inDiff = true;
                inHunk = false;
                names(line.substring(11), files);
                continue;
            }
            if (!inDiff) {
                continue;
            }
            if (line.equals("-- ")) {
                // the signature after the last diff
                inDiff = false;
                continue;
            }
            if (line.startsWith("@@")) {
                inHunk = true;
            } else if (!inHunk) {
                if (line.startsWith("rename from ") || line.startsWith("rename to ")) {
                    files.add(line.substring(line.indexOf(' ', 7) + 1).strip());
                }
            } else if (line.startsWith("+")) {
                append(added, line.substring(1));
            } else if (line.startsWith("-")) {
                append(removed, line.substring(1));
            } else if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("\\")) {
                inHunk = false;
            }
        }
        StringBuilder names = new StringBuilder();
        files.forEach(f -> append(names, f));
        return new DiffWords(fold(names), fold(removed), fold(added));
    }

    /** {@code a/x b/y}: both names, without their a/ and b/. */
    private static void names(String rest, Set<String> files) {
        String[] parts = rest.strip().split(" ");
        for (String p : parts) {
            if (p.startsWith("a/") || p.startsWith("b/")) {
                files.add(p.substring(2));
            }
        }
    }

    private static void append(StringBuilder out, String line) {
        if (out.length() + line.length() + 1 <= MAX_CHARS) {
            out.append(line).append('\n');
        }
    }

    private static String fold(StringBuilder b) {
        return b.toString().toLowerCase(Locale.ROOT).replace('\0', ' ');
    }
}
