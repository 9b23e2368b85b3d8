package dev.patchtrack.core.patch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a {@code git format-patch --cover-letter} diffstat names ({@code  rust/kernel/lib.rs | 12 +++--}).
 * A cover letter's diffstat is what the posting touches even when some of its patches never reached
 * a list, so it is path evidence for classification. Paths git shortened ({@code .../kernel/lib.rs}) are
 * left out: a glob cannot match what is not there. Renames ({@code a => b}, {@code {a => b}/c}) give the
 * new name.
 */
public final class DiffstatLines {

    private static final Pattern LINE = Pattern.compile("^ (\\S(?:.*\\S)?)\\s+\\|\\s+(?:\\d+(?: [+-]+)?|Bin\\b.*)$");
    private static final Pattern SUMMARY = Pattern.compile("^ \\d+ files? changed");
    private static final int MAX_FILES = 10_000;

    private DiffstatLines() {
    }

    /** The paths of every diffstat block in {@code text}, in order, each once. */
    public static List<String> paths(String text) {
        if (text == null || text.indexOf('|') < 0) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String line : Lines.split(text)) {
            if (line.length() > 1024 || line.indexOf('|') < 0 || SUMMARY.matcher(line).find()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String p = renamed(m.group(1).strip());
            if (p.isEmpty() || p.startsWith("...") || p.contains(" ")) {
                continue;
            }
            out.add(p);
            if (out.size() >= MAX_FILES) {
                break;
            }
        }
        return new ArrayList<>(out);
    }

    private static String renamed(String p) {
        int arrow = p.indexOf(" => ");
        if (arrow < 0) {
            return p;
        }
        int open = p.indexOf('{');
        int close = p.indexOf('}');
        if (open >= 0 && close > arrow && open < arrow) {
            return (p.substring(0, open) + p.substring(arrow + 4, close) + p.substring(close + 1)).replace("//", "/");
        }
        return p.substring(arrow + 4).strip();
    }
}
