package dev.patchtrack.core.stats;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/** Revisions posted and accepted per ISO week: Monday to Sunday, UTC. */
public final class Weeks {

    private Weeks() {
    }

    /** One week's counts, named by its Monday. */
    public record Count(LocalDate monday, long posted, long accepted) {
    }

    /** The weeks that have a posting or an acceptance among these, in order. */
    public static List<Count> count(Collection<Instant> posted, Collection<Instant> accepted) {
        TreeMap<LocalDate, long[]> byMonday = new TreeMap<>();
        for (Instant t : posted) {
            byMonday.computeIfAbsent(monday(t), k -> new long[2])[0]++;
        }
        for (Instant t : accepted) {
            byMonday.computeIfAbsent(monday(t), k -> new long[2])[1]++;
        }
        List<Count> out = new ArrayList<>(byMonday.size());
        byMonday.forEach((d, c) -> out.add(new Count(d, c[0], c[1])));
        return out;
    }

    /** Every week from the first to the last of these (in order), a week with none counting zero. */
    public static List<Count> filled(List<Count> weeks) {
        List<Count> out = new ArrayList<>();
        if (weeks.isEmpty()) {
            return out;
        }
        TreeMap<LocalDate, Count> byMonday = new TreeMap<>();
        weeks.forEach(c -> byMonday.put(c.monday(), c));
        for (LocalDate d = byMonday.firstKey(); !d.isAfter(byMonday.lastKey()); d = d.plusWeeks(1)) {
            Count c = byMonday.get(d);
            out.add(c == null ? new Count(d, 0, 0) : c);
        }
        return out;
    }

    /** The Monday of the week {@code t} falls in, UTC. */
    public static LocalDate monday(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** {@code 2024-W05}. */
    public static String isoWeek(LocalDate d) {
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
