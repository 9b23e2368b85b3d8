package dev.patchtrack.core.patch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patch mail's body in its parts: the commit message (the text before the {@code ---} line, or before
 * the diff when there is none), the text before the diff as Patchwork keeps it (message, {@code ---}
 * and diffstat), and the diff from the first {@code diff --git} line up to the signature. Also the
 * {@code base-commit:} that {@code git format-patch --base} and b4 write after a diff or in a cover.
 *
 * @param message    the commit message, trailing blank lines dropped; the whole body when it has no diff
 * @param beforeDiff everything before the diff, as Patchwork's {@code content}; the whole body without diff
 * @param diff       the unified diff, up to the signature; null when the body has none
 */
public record PatchParts(String message, String beforeDiff, String diff) {

    private static final Pattern BASE = Pattern.compile("(?m)^base-commit: ([0-9a-f]{7,40})[ \\t]*$");

    /** The parts of a patch mail's body. */
    public static PatchParts of(String body) {
        String text = body == null ? "" : body;
        String[] lines = Lines.split(text);
        int end = TrailerParser.commitMessageEnd(lines, DiffParser.scan(lines).firstLine());
        while (end > 0 && Lines.blank(lines[end - 1])) {
            end--;
        }
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < end; i++) {
            message.append(lines[i]).append('\n');
        }
        int at = text.startsWith("diff --git ") ? 0 : text.indexOf("\ndiff --git ");
        if (at < 0) {
            return new PatchParts(message.toString(), text, null);
        }
        String diff = text.substring(at == 0 ? 0 : at + 1);
        int sig = diff.indexOf("\n-- \n");
        if (sig >= 0) {
            diff = diff.substring(0, sig + 1);
        }
        return new PatchParts(message.toString(), text.substring(0, at == 0 ? 0 : at + 1), diff);
    }

    /**
     * The commit a series was made on, from the first {@code base-commit: <sha>} line of the text (a
     * cover letter, or a patch after its diff), as git and b4 write it; null when it names none.
     */
    public static String baseCommit(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = BASE.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
