package dev.patchtrack.core.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What changed from one revision of a series to the next, as a maintainer reads it: the patches
 * added, dropped and changed (paired as {@code git range-diff} pairs them) and the changelog the
 * author wrote ({@code Changes in v3:}, {@code v2 -> v3:}) in the cover letter or below a single
 * patch's {@code ---}.
 *
 * @param fromVersion the older revision's version
 * @param toVersion   the newer revision's version
 * @param unchanged   patches the same in both
 * @param changed     subjects of the patches changed
 * @param added       subjects of the patches only the newer revision has
 * @param dropped     subjects of the patches only the older revision has
 * @param changelog   the author's changelog, as written; null when there is none
 */
public record VersionChanges(int fromVersion, int toVersion, int unchanged, List<String> changed, List<String> added,
                             List<String> dropped, String changelog) {

    /** At most this much of a changelog is kept: the newest versions' notes come first. */
    public static final int CHANGELOG_MAX_CHARS = 4000;
    private static final int CHANGELOG_MAX_LINES = 80;

    /** A heading that says it: {@code Changes in v3:}, {@code Changes since v1:}, {@code v2 -> v3: ...}. */
    private static final Pattern STRONG = Pattern.compile(
            "(?i)^\\s*(?:(?:changes|changelog|change log|changed|differences)\\b[^.!?]{0,70}:\\s*"
                    + "|v\\d+(?:\\.\\d+)?\\s*(?:->|=>|→|to|vs\\.?|\\.\\.)\\s*v\\d+(?:\\.\\d+)?\\b.*"
                    + "|since v\\d+\\s*:.*)$");
    /** A version named alone ({@code v2:}), as lists of the earlier postings start: used when nothing says more. */
    private static final Pattern WEAK = Pattern.compile("(?i)^\\s*(?:v|version\\s*)\\d+(?:\\.\\d+)?\\s*:.*$");
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*+•o]\\s|\\d+[.)]\\s|\\s+\\S).*");
    private static final Pattern SHORTLOG = Pattern.compile("^\\S.* \\(\\d+\\):$");
    private static final Pattern DIFFSTAT = Pattern.compile("^\\s*\\d+ files? changed\\b.*|^ \\S+\\s+\\|\\s+\\d+.*");
    private static final Pattern END = Pattern.compile("^(?:base-commit:|change-id:|prerequisite-|diff --git |Signed-off-by:"
            + "|Best regards,|Thanks,?\\s*$|-- $).*");

    public VersionChanges {
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        dropped = List.copyOf(dropped);
    }

    /** The changes from the pairs of a range-diff, with the changelog found in {@code text} (may be null). */
    public static VersionChanges of(int fromVersion, int toVersion, List<RangeDiff.Pair> pairs, String changelog) {
        int same = 0;
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (RangeDiff.Pair p : pairs) {
            switch (p.marker()) {
                case '=' -> same++;
                case '!' -> changed.add(p.subject());
                case '>' -> added.add(p.subject());
                default -> dropped.add(p.subject());
            }
        }
        return new VersionChanges(fromVersion, toVersion, same, changed, added, dropped, changelog);
    }

    /** One line: {@code "since v2: 1 patch changed, 1 added, 3 unchanged"}. */
    public String sentence() {
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add(changed.size() + " changed");
        }
        if (!added.isEmpty()) {
            parts.add(added.size() + " added");
        }
        if (!dropped.isEmpty()) {
            parts.add(dropped.size() + " dropped");
        }
        if (unchanged > 0) {
            parts.add(unchanged + " unchanged");
        }
        String counts = parts.isEmpty() ? "no patches" : String.join(", ", parts);
        if (!parts.isEmpty()) {
            int first = counts.indexOf(' ');
            counts = counts.substring(0, first) + (counts.startsWith("1 ") ? " patch" : " patches") + counts.substring(first);
        }
        return "since v" + fromVersion + ": " + counts;
    }

    /**
     * The changelog of a cover letter's text: from the first heading such as {@code Changes in v3:},
     * {@code Changes since v1:}, {@code v2 -> v3:} or {@code v2:} to the shortlog, diffstat, trailers or
     * signature that follow it, blank lines between its paragraphs kept; null when there is none.
     */
    public static String changelog(String coverText) {
        if (coverText == null || coverText.isEmpty()) {
            return null;
        }
        String[] lines = coverText.split("\r?\n", -1);
        for (Pattern heading : List.of(STRONG, WEAK)) {
            for (int i = 0; i < lines.length; i++) {
                if (heading.matcher(lines[i]).matches() && followedByText(lines, i)) {
                    return section(lines, i);
                }
            }
        }
        return null;
    }

    /**
     * The changelog of a patch without a cover letter: what the author wrote between the {@code ---} that
     * ends the commit message and the diffstat ({@code V1 -> V2: ...}); null when there is none.
     */
    public static String patchChangelog(String body) {
        if (body == null) {
            return null;
        }
        String[] lines = body.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (Lines.tripleDash(lines[i])) {
                StringBuilder after = new StringBuilder();
                for (int j = i + 1; j < lines.length && !lines[j].startsWith("diff --git "); j++) {
                    after.append(lines[j]).append('\n');
                }
                return changelog(after.toString());
            }
        }
        return null;
    }

    /** A heading with its notes on the same line, or followed (a blank line or two between) by notes. */
    private static boolean followedByText(String[] lines, int i) {
        String heading = lines[i].strip();
        if (!heading.endsWith(":")) {
            return true;
        }
        int next = i + 1;
        while (next < lines.length && next <= i + 2 && lines[next].isBlank()) {
            next++;
        }
        return next < lines.length && !lines[next].isBlank() && !ends(lines[next]);
    }

    private static String section(String[] lines, int start) {
        List<String> out = new ArrayList<>();
        int chars = 0;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (i > start && ends(line)) {
                break;
            }
            if (line.isEmpty()) {
                // a blank line goes on only into another heading or another list
                int next = i + 1;
                while (next < lines.length && lines[next].isBlank()) {
                    next++;
                }
                boolean afterHeading = out.size() == 1 || out.get(out.size() - 1).isEmpty();
                if (next >= lines.length || ends(lines[next]) || !(afterHeading || heading(lines[next])
                        || ITEM.matcher(lines[next]).matches())) {
                    break;
                }
            }
            if (out.size() >= CHANGELOG_MAX_LINES || chars + line.length() + 1 > CHANGELOG_MAX_CHARS) {
                out.add("[...]");
                break;
            }
            out.add(line);
            chars += line.length() + 1;
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    private static boolean heading(String line) {
        return STRONG.matcher(line).matches() || WEAK.matcher(line).matches();
    }

    private static boolean ends(String line) {
        return Lines.tripleDash(line) || SHORTLOG.matcher(line).matches() || DIFFSTAT.matcher(line).matches()
                || END.matcher(line).matches();
    }
}
