package dev.patchtrack.api.text;

import java.util.ArrayList;
import java.util.List;

/**
 * An aligned table for a terminal: a header row, a rule, and one row per item. Columns are as wide as
 * their widest cell; when the table would be wider than the width asked for, the flexible column (a
 * title or subject) gives up room first down to two fifths of the width, then the widest other columns
 * down to 16, then the flexible one again; cut cells end in an ellipsis.
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
        // The flexible column first gives up what it has beyond two fifths of the width; then the
        // widest of the others shrink, none below 16 columns (short columns such as a state stay
        // whole); then the flexible one again, and only then the others below 16.
        int flexFloor = Math.max(TextWidth.of(headers.get(flex)), Math.min(w[flex], width * 2 / 5));
        excess -= shrink(w, flex, flexFloor, excess);
        excess = shrinkWidest(w, excess, 16);
        excess -= shrink(w, flex, Math.max(TextWidth.of(headers.get(flex)), 8), excess);
        shrinkWidest(w, excess, 4);
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

    /** Takes one column at a time from the widest column other than the flexible one; returns what is left. */
    private int shrinkWidest(int[] w, int excess, int least) {
        while (excess > 0) {
            int widest = -1;
            for (int i = 0; i < w.length; i++) {
                if (i != flex && w[i] > floor(i, least) && (widest < 0 || w[i] > w[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return excess;
            }
            excess -= shrink(w, widest, floor(widest, least), 1);
        }
        return excess;
    }

    private int floor(int column, int least) {
        return Math.max(TextWidth.of(headers.get(column)), least);
    }

    /** Takes up to {@code amount} columns from column {@code i}, not below {@code floor}; returns what it took. */
    private static int shrink(int[] w, int i, int floor, int amount) {
        int take = Math.max(0, Math.min(amount, w[i] - floor));
        w[i] -= take;
        return take;
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
