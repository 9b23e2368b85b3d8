package dev.patchtrack.web;

import dev.patchtrack.api.dto.QuartilesInfo;
import dev.patchtrack.api.dto.ReviewerActivityInfo;
import dev.patchtrack.api.dto.TopicLatencyInfo;
import dev.patchtrack.api.dto.TopicWeeksInfo;
import dev.patchtrack.api.dto.WeekInfo;
import dev.patchtrack.api.text.TextWidth;
import dev.patchtrack.core.model.Trailer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The plots of the stats page as inline SVG, drawn from the records {@code /api/stats/...} answers:
 * no script, no style sheet of their own (presentation attributes only, which the pages' policy
 * allows), every label escaped. Pure: records in, markup out.
 */
public final class Plots {

    static final String POSTED = "#2563eb";
    static final String ACCEPTED = "#16a34a";
    static final int WIDTH = 720;
    private static final int LEFT = 150;
    private static final int RIGHT = 20;
    /** What fits left of the plot at 12 px: longer labels end in an ellipsis (the bars' titles keep them whole). */
    private static final int LABEL_COLUMNS = 22;
    /** Hour marks of the latency axis: an hour, a day, a week, a month, a year. */
    private static final double[] TICKS = {1, 24, 168, 720, 8760};
    private static final String[] TICK_NAMES = {"1 h", "1 d", "1 w", "30 d", "1 y"};

    private Plots() {
    }

    /**
     * Revisions posted and accepted per week, one row of two lines per topic, on one time axis shared by
     * all topics (the first to the last week any of them has).
     */
    public static String weekly(List<TopicWeeksInfo> topics) {
        LocalDate first = null;
        LocalDate last = null;
        long most = 1;
        for (TopicWeeksInfo t : topics) {
            for (WeekInfo w : t.weeks()) {
                first = first == null || w.start().isBefore(first) ? w.start() : first;
                last = last == null || w.start().isAfter(last) ? w.start() : last;
                most = Math.max(most, Math.max(w.posted(), w.accepted()));
            }
        }
        int row = 70;
        int height = Math.max(1, topics.size()) * row + 40;
        Svg svg = new Svg(height, "revisions posted and accepted per week, per topic");
        if (first == null) {
            svg.text(LEFT, 30, "start", "no revisions in this range");
            return svg.end();
        }
        long span = Math.max(1, java.time.temporal.ChronoUnit.WEEKS.between(first, last));
        double plotWidth = WIDTH - LEFT - RIGHT;
        for (int i = 0; i < topics.size(); i++) {
            TopicWeeksInfo t = topics.get(i);
            int top = 10 + i * row;
            int base = top + row - 20;
            svg.text(LEFT - 8, base - 20, "end", t.topic());
            svg.line(LEFT, base, WIDTH - RIGHT, base, "#999");
            List<double[]> posted = new ArrayList<>();
            List<double[]> accepted = new ArrayList<>();
            for (WeekInfo w : t.weeks()) {
                double x = LEFT + plotWidth * java.time.temporal.ChronoUnit.WEEKS.between(first, w.start()) / span;
                posted.add(new double[] {x, base - (row - 30.0) * w.posted() / most});
                accepted.add(new double[] {x, base - (row - 30.0) * w.accepted() / most});
            }
            svg.polyline(posted, POSTED, t.topic() + ": revisions posted");
            svg.polyline(accepted, ACCEPTED, t.topic() + ": revisions accepted");
        }
        int axis = height - 22;
        svg.text(LEFT, axis + 14, "start", first.toString());
        svg.text(WIDTH - RIGHT, axis + 14, "end", last.toString());
        svg.text(LEFT + plotWidth / 2, axis + 14, "middle", "peak " + most + " a week");
        return svg.end();
    }

    /**
     * One box per topic on a logarithmic hour axis: whiskers from the least to the most, the box from the
     * first to the third quartile, a bar at the median; {@code which} picks the measure.
     */
    public static String boxes(List<TopicLatencyInfo> topics, Function<TopicLatencyInfo, QuartilesInfo> which,
                               String title) {
        List<TopicLatencyInfo> shown = topics.stream().filter(t -> which.apply(t) != null).toList();
        int row = 30;
        int height = Math.max(1, shown.size()) * row + 50;
        Svg svg = new Svg(height, title);
        if (shown.isEmpty()) {
            svg.text(LEFT, 30, "start", "nothing measured in this range");
            return svg.end();
        }
        double max = TICKS[0];
        for (TopicLatencyInfo t : shown) {
            max = Math.max(max, which.apply(t).max());
        }
        Scale x = new Scale(Math.log10(Math.max(10, max * 1.2)));
        int axis = shown.size() * row + 15;
        for (int i = 0; i < TICKS.length; i++) {
            if (TICKS[i] <= max * 1.2) {
                double tx = x.at(TICKS[i]);
                svg.line(tx, 10, tx, axis, "#e5e7eb");
                svg.text(tx, axis + 15, "middle", TICK_NAMES[i]);
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            QuartilesInfo q = which.apply(shown.get(i));
            double mid = 10 + i * row + row / 2.0;
            svg.text(LEFT - 8, mid + 4, "end", shown.get(i).topic() + " (" + q.count() + ")");
            svg.line(x.at(q.min()), mid, x.at(q.max()), mid, "#555");
            svg.rect(x.at(q.q1()), mid - 9, Math.max(1, x.at(q.q3()) - x.at(q.q1())), 18, "#c7d2fe",
                    shown.get(i).topic() + ": median " + hours(q.median()) + ", quartiles " + hours(q.q1()) + " to "
                            + hours(q.q3()) + ", " + q.count() + " measured");
            svg.line(x.at(q.median()), mid - 9, x.at(q.median()), mid + 9, "#1e3a8a");
        }
        return svg.end();
    }

    /** The reviewers with the most trailers, at most {@code limit}: stacked bars of Reviewed-by, Acked-by, Tested-by. */
    public static String reviewers(List<ReviewerActivityInfo> people, int limit) {
        List<ReviewerActivityInfo> shown = people.subList(0, Math.min(limit, people.size()));
        int row = 22;
        int height = Math.max(1, shown.size()) * row + 30;
        Svg svg = new Svg(height, "review trailers given per person");
        if (shown.isEmpty()) {
            svg.text(LEFT, 20, "start", "no review trailers in this range");
            return svg.end();
        }
        long most = shown.stream().mapToLong(ReviewerActivityInfo::total).max().orElse(1);
        double unit = (WIDTH - LEFT - RIGHT - 40.0) / Math.max(1, most);
        for (int i = 0; i < shown.size(); i++) {
            ReviewerActivityInfo r = shown.get(i);
            double y = 10 + i * row;
            String name = r.person().name() == null || r.person().name().isBlank() ? r.person().email() : r.person().name();
            svg.text(LEFT - 8, y + 14, "end", TextWidth.fit(name, LABEL_COLUMNS));
            double x = LEFT;
            long[] counts = {r.reviewed(), r.acked(), r.tested()};
            List<String> kinds = Trailer.REVIEW_NAMES;
            String[] colours = {"#2563eb", "#16a34a", "#d97706"};
            for (int k = 0; k < 3; k++) {
                if (counts[k] > 0) {
                    svg.rect(x, y + 3, counts[k] * unit, row - 6, colours[k], name + ": " + counts[k] + " " + kinds.get(k));
                    x += counts[k] * unit;
                }
            }
            svg.text(x + 4, y + 14, "start", String.valueOf(r.total()));
        }
        return svg.end();
    }

    /** {@code 36 h}, {@code 4.5 d}: hours for a label. */
    static String hours(double h) {
        return h < 48 ? num(h) + " h" : num(h / 24) + " d";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Hours to x on a log axis from 1 h (or less, clamped) to 10^{@code top} hours. */
    private record Scale(double top) {
        double at(double hours) {
            double l = Math.log10(Math.max(1, hours));
            return LEFT + (WIDTH - LEFT - RIGHT) * l / top;
        }
    }

    /** The markup of one plot, every text escaped. */
    private static final class Svg {
        private final StringBuilder b = new StringBuilder();

        Svg(int height, String title) {
            b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                    .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                    .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\"><title>")
                    .append(HtmlText.escape(title)).append("</title>");
        }

        void text(double x, double y, String anchor, String s) {
            b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                    .append("\">").append(HtmlText.escape(s)).append("</text>");
        }

        void line(double x1, double y1, double x2, double y2, String colour) {
            b.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                    .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(colour).append("\"/>");
        }

        void rect(double x, double y, double w, double h, String colour, String title) {
            b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(h)).append("\" fill=\"").append(colour).append("\"><title>")
                    .append(HtmlText.escape(title)).append("</title></rect>");
        }

        void polyline(List<double[]> points, String colour, String title) {
            b.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colour).append("\" points=\"");
            for (double[] p : points) {
                b.append(n(p[0])).append(',').append(n(p[1])).append(' ');
            }
            b.append("\"><title>").append(HtmlText.escape(title)).append("</title></polyline>");
        }

        String end() {
            return b.append("</svg>").toString();
        }

        private static String n(double v) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
    }
}
