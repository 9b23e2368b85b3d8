package dev.patchtrack.core.rust;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The minimum tool versions {@code scripts/min-tool-version.sh} prints: a shell {@code case} over the
 * tool's name whose branches {@code echo} a version. Each branch's first {@code echo} counts (the
 * {@code llvm} branch has per-architecture ones after it); a script without a tool's branch (before
 * Rust, before v6.1) simply has no version for it.
 */
public final class MinToolVersions {

    private static final Pattern LABEL = Pattern.compile("^\\s*([A-Za-z0-9_|-]+)\\)(.*)$");
    private static final Pattern ECHO = Pattern.compile("\\becho\\s+[\"']?([0-9][0-9A-Za-z.+-]*)");

    private MinToolVersions() {
    }

    /** Tool name to its minimum version, in the script's order. */
    public static Map<String, String> parse(String script) {
        Map<String, String> out = new LinkedHashMap<>();
        if (script == null) {
            return out;
        }
        String label = null;
        for (String line : script.split("\r?\n")) {
            Matcher l = LABEL.matcher(line);
            String rest = line;
            if (l.matches() && !line.strip().startsWith("#")) {
                label = l.group(1);
                rest = l.group(2);
            }
            if (label == null) {
                continue;
            }
            Matcher e = ECHO.matcher(rest);
            if (e.find()) {
                for (String name : label.split("\\|")) {
                    out.putIfAbsent(name, e.group(1));
                }
                label = rest.contains(";;") ? null : label;
            }
            if (rest.contains(";;")) {
                label = null;
            }
        }
        return out;
    }
}
