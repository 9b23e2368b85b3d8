package dev.patchtrack.support;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The files a series of real kernel patches applies to, made up from the patches themselves: each
 * file the diffs change holds the old side of its hunks (context and removed lines) in order, which is
 * all {@code git am} compares. So a scratch repository takes a real series without a kernel tree.
 * Each file must be changed by one patch only; new files are left for the patches to create.
 */
public final class Preimage {

    private Preimage() {
    }

    /** Path to content for every file that {@code mbox}'s diffs change but do not create. */
    public static Map<String, String> of(String mbox) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        Set<String> created = new LinkedHashSet<>();
        String file = null;
        boolean inHunk = false;
        int oldLeft = 0;
        int newLeft = 0;
        for (String line : mbox.split("\n", -1)) {
            if (line.startsWith("diff --git a/")) {
                file = line.substring("diff --git a/".length(), line.indexOf(" b/"));
                if (files.containsKey(file) || created.contains(file)) {
                    throw new IllegalArgumentException(file + " is changed by more than one patch");
                }
                inHunk = false;
                continue;
            }
            if (file == null) {
                continue;
            }
            if (!inHunk) {
                if (line.startsWith("new file mode")) {
                    created.add(file);
                } else if (line.startsWith("@@ ")) {
                    inHunk = true;
                    String[] r = line.split(" ");
                    oldLeft = count(r[1]);
                    newLeft = count(r[2]);
                    files.computeIfAbsent(file, k -> new StringBuilder());
                }
                continue;
            }
            if (line.startsWith("-")) {
                files.get(file).append(line.substring(1)).append('\n');
                oldLeft--;
            } else if (line.startsWith("+")) {
                newLeft--;
            } else if (line.startsWith(" ") || line.isEmpty()) {
                files.get(file).append(line.isEmpty() ? "" : line.substring(1)).append('\n');
                oldLeft--;
                newLeft--;
            }
            if (oldLeft <= 0 && newLeft <= 0) {
                inHunk = false;
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((f, text) -> {
            if (!created.contains(f)) {
                out.put(f, text.toString());
            }
        });
        return out;
    }

    /** The line count of a hunk range: {@code -12,6} gives 6, {@code -12} gives 1. */
    private static int count(String range) {
        int comma = range.indexOf(',');
        return comma < 0 ? 1 : Integer.parseInt(range.substring(comma + 1));
    }
}
