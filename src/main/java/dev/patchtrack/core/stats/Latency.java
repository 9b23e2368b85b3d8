package dev.patchtrack.core.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Waiting times per topic from rows of (topic, item, start, end): each item (a series, a revision)
 * counts once per topic, with its earliest end, and only when that end falls in the window
 * [{@code since}, {@code before}) and does not come before the start (mail with a clock behind).
 */
public final class Latency {

    private Latency() {
    }

    /** One row: an item of a topic, when it started and one time it ended. */
    public record Row(String topic, long item, Instant start, Instant end) {
    }

    /** Per topic, in name order, the quartiles of the items' waits in hours. */
    public static Map<String, Quartiles> perTopic(List<Row> rows, Instant since, Instant before) {
        Map<String, Map<Long, Row>> earliest = new TreeMap<>();
        for (Row r : rows) {
            if (r.start() == null || r.end() == null) {
                continue;
            }
            earliest.computeIfAbsent(r.topic(), k -> new HashMap<>())
                    .merge(r.item(), r, (a, b) -> b.end().isBefore(a.end()) ? b : a);
        }
        Map<String, Quartiles> out = new TreeMap<>();
        earliest.forEach((topic, items) -> {
            List<Double> hours = new ArrayList<>();
            for (Row r : items.values()) {
                boolean inWindow = (since == null || !r.end().isBefore(since)) && (before == null || r.end().isBefore(before));
                if (inWindow && !r.end().isBefore(r.start())) {
                    hours.add(Duration.between(r.start(), r.end()).toSeconds() / 3600.0);
                }
            }
            Quartiles q = Quartiles.of(hours);
            if (q != null) {
                out.put(topic, q);
            }
        });
        return out;
    }
}
