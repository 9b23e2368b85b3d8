package dev.patchtrack.core.stats;

import java.util.Collection;

/**
 * How a set of durations spreads: count, minimum, the quartiles and maximum, in hours. Quartiles are
 * interpolated between the nearest ranks (the method of R's default, Excel's QUARTILE.INC and numpy's
 * {@code linear}), so {1, 2, 3, 4} has median 2.5 and quartiles 1.75 and 3.25.
 */
public record Quartiles(int count, double min, double q1, double median, double q3, double max) {

    /** The quartiles of {@code hours}; null when there are none. */
    public static Quartiles of(Collection<Double> hours) {
        if (hours.isEmpty()) {
            return null;
        }
        double[] v = hours.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Quartiles(v.length, v[0], at(v, 0.25), at(v, 0.5), at(v, 0.75), v[v.length - 1]);
    }

    /** The {@code p} quantile of sorted values, linear between ranks. */
    static double at(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return round(sorted[below] + (rank - below) * (sorted[above] - sorted[below]));
    }

    /** Hours to a hundredth: the JSON says 36.25, not 36.249999999. */
    static double round(double hours) {
        return Math.round(hours * 100) / 100.0;
    }
}
