package dev.patchtrack.core.rust;

import dev.patchtrack.core.tree.TagOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which release first carried each series. A series' first tag is the earliest (in version order) first
 * release tag of the commits its patches were found as. A release counts the series of its whole cycle:
 * {@code v6.13} those first tagged after {@code v6.12} up to and including {@code v6.13} (so those of
 * {@code v6.13-rc1} too); a pre-release counts only its own.
 */
public final class ReleaseCycles {

    private ReleaseCycles() {
    }

    /** The earliest of the tags, in version order; null when there are none. */
    public static String earliest(Iterable<String> tags) {
        String best = null;
        for (String t : tags) {
            if (t != null && (best == null || TagOrder.compare(t, best) < 0)) {
                best = t;
            }
        }
        return best;
    }

    /** The tags that belong to {@code release}'s cycle, out of {@code tags} (any order). */
    public static Set<String> cycle(List<String> tags, String release) {
        Set<String> out = new TreeSet<>(TagOrder.ORDER);
        out.add(release);
        if (TagOrder.preRelease(release)) {
            return out;
        }
        String previous = null;
        for (String t : tags) {
            if (!TagOrder.preRelease(t) && TagOrder.compare(t, release) < 0
                    && (previous == null || TagOrder.compare(t, previous) > 0)) {
                previous = t;
            }
        }
        for (String t : tags) {
            if (TagOrder.compare(t, release) < 0 && (previous == null || TagOrder.compare(t, previous) > 0)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The series {@code release} first carried.
     *
     * @param tags           every release tag of the tree
     * @param firstTagOfSeries each series' first tag (see {@link #earliest})
     */
    public static <K> List<K> firstIn(List<String> tags, String release, Map<K, String> firstTagOfSeries) {
        Set<String> cycle = cycle(tags, release);
        List<K> out = new ArrayList<>();
        firstTagOfSeries.forEach((series, tag) -> {
            if (cycle.contains(tag)) {
                out.add(series);
            }
        });
        return out;
    }

    /** For each release, how many series it first carried, keyed and ordered as {@code tags}. */
    public static <K> Map<String, Integer> counts(List<String> tags, Map<K, String> firstTagOfSeries) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String t : tags) {
            out.put(t, firstIn(tags, t, firstTagOfSeries).size());
        }
        return out;
    }
}
