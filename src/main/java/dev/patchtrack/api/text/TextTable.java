package dev.patchtrack.api.text;

import java.util.ArrayList;
import java.util.List;

/**
 * An aligned table for a terminal: a header row, a rule, and one row per item. Columns are as wide as
 * their widest cell; when the table would be wider than the width asked for, the flexible column (a
 * title or subject) gives up room first and its cells end in an ellipsis, then the others do.
 */
public final class TextTable {

    private static final String GAP = "  ";

    private final List<String> headers;
    private final int flex;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param flex the index of the column that shrinks first */
    public TextTable(int flex, String... headers) {
        this.headers = List.of(headers);
        this.flex = flex;
    }

    public TextTable row(Object... cells) {
        List<String> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(TextWidth.clean(c == null ? "-" : c.toString()));
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public String render(int width) {
        int n = headers.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = TextWidth.of(headers.get(i));
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], TextWidth.of(r.get(i)));
            }
        }
        int excess = total(w) - width;
        if (excess > 0) {
            int min = Math.max(TextWidth.of(headers.get(flex)), 8);
            int take = Math.min(excess, Math.max(0, w[flex] - min));
            w[flex] -= take;
            excess -= take;
            for (int i = n - 1; i >= 0 && excess > 0; i--) {
                int floor = Math.max(TextWidth.of(headers.get(i)), 4);
                int t = Math.min(excess, Math.max(0, w[i] - floor));
                w[i] -= t;
                excess -= t;
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, w);
        List<String> rule = new ArrayList<>();
        for (int x : w) {
            rule.add("-".repeat(x));
        }
        line(out, rule, w);
        for (List<String> r : rows) {
            line(out, r, w);
        }
        return out.toString();
    }

    private static int total(int[] w) {
        int t = GAP.length() * (w.length - 1);
        for (int x : w) {
            t += x;
        }
        return t;
    }

    private static void line(StringBuilder out, List<String> cells, int[] w) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = TextWidth.fit(cells.get(i), w[i]);
            b.append(i == cells.size() - 1 ? cell : TextWidth.pad(cell, w[i]) + GAP);
        }
        out.append(b.toString().stripTrailing()).append('\n');
    }
}
