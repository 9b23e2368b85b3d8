package dev.patchtrack.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit as text for a terminal, the same from {@code patchtrack audit} and {@code curl /api/audit}:
 * the counts per kind, then each finding: its kind and where, its summary wrapped to the width, and
 * the Message-IDs involved, one a line and never cut.
 */
public final class AuditText {

    private AuditText() {
    }

    /**
     * @param counts   findings per kind
     * @param findings the findings to list
     * @param footer   a last line (paging), or null
     */
    public static String render(Map<AuditKind, Integer> counts, List<AuditFinding> findings, int width, String footer) {
        StringBuilder out = new StringBuilder();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.append("audit: ").append(total).append(total == 1 ? " finding\n" : " findings\n");
        for (Map.Entry<AuditKind, Integer> e : counts.entrySet()) {
            out.append("  ").append(pad(e.getKey().wireName(), 26)).append(String.format("%6d", e.getValue())).append('\n');
        }
        for (AuditFinding f : findings) {
            out.append('\n').append(f.kind().wireName());
            if (f.seriesId() != null) {
                out.append("  series ").append(f.seriesId());
            }
            if (f.revisionId() != null) {
                out.append("  revision ").append(f.revisionId());
            }
            out.append('\n');
            for (String line : wrap(clean(f.summary()), Math.max(20, width - 2))) {
                out.append("  ").append(line).append('\n');
            }
            for (String id : f.messageIds()) {
                out.append("  <").append(clean(id)).append(">\n");
            }
        }
        if (findings.isEmpty()) {
            out.append("\n(none)\n");
        }
        if (footer != null) {
            out.append('\n').append(footer).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }

    /** Control characters (an escape sequence in a subject) shown as '?'. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ? '?' : c));
        return b.toString();
    }

    /** Words to lines of at most {@code width} characters; a longer word stands alone, whole. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
