package dev.patchtrack.core.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them, after git's approxidate: ISO dates and date-times, lore's compact
 * {@code 20240601}, {@code now}, {@code today}, {@code yesterday}, {@code 2.weeks.ago} (dots, spaces
 * or underscores between the words; several amounts add up: {@code 1.week.2.days.ago}),
 * {@code last.week}, and the short forms {@code 3d}, {@code 12h}, {@code 2w}, {@code 6mo}, {@code 1y},
 * {@code 30min}. Everything is UTC; {@code today} and {@code yesterday} are the start of that day.
 * Problems are data: a text that is no date gives a {@link Point} with the reason and no instant.
 */
public final class Approxidate {

    /** What a date tells: {@link #day} when it names a whole calendar day (a range ends with that day). */
    public record Point(Instant instant, boolean day, String problem) {

        public boolean ok() {
            return problem == null;
        }

        /** The end of what the point names: the next midnight for a day, the instant itself otherwise. */
        public Instant end() {
            return day ? instant.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : instant;
        }

        static Point of(Instant instant, boolean day) {
            return new Point(instant, day, null);
        }

        static Point bad(String problem) {
            return new Point(null, false, problem);
        }
    }

    /** A range of time, {@code from} inclusive and {@code to} exclusive; a null end is open. */
    public record Range(Instant from, Instant to, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    /** How the accepted forms are named in a problem. */
    public static final String FORMS = "an ISO date (2024-05-01), a date-time (2024-05-01T12:00:00Z), yesterday,"
            + " 2.weeks.ago or 3d";

    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:(\\d{2})(\\d{2})(\\d{2}))?");
    private static final Pattern SHORT = Pattern.compile("(\\d+)([a-z]+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private Approxidate() {
    }

    /** One point in time, relative forms counted back from {@code now}. */
    public static Point parse(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return Point.bad("an empty date");
        }
        String v = text.strip();
        Point iso = iso(v);
        if (iso != null) {
            return iso;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        Matcher compact = COMPACT.matcher(lower);
        if (compact.matches()) {
            return compact(compact);
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        switch (lower) {
            case "now":
                return Point.of(now, false);
            case "today":
                return Point.of(today.atStartOfDay(ZoneOffset.UTC).toInstant(), true);
            case "yesterday":
                return Point.of(today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), true);
            default:
                break;
        }
        Matcher shortForm = SHORT.matcher(lower);
        if (shortForm.matches()) {
            return relative(now, List.of(shortForm.group(1), shortForm.group(2)), v, true);
        }
        List<String> words = new ArrayList<>(List.of(lower.split("[.\\s_]+")));
        words.removeIf(String::isEmpty);
        if (!words.isEmpty() && words.get(words.size() - 1).equals("ago")) {
            words.remove(words.size() - 1);
        }
        if (words.size() == 2 && words.get(0).equals("last")) {
            words.set(0, "1");
        }
        return relative(now, words, v, false);
    }

    /**
     * A range as lore's {@code d:} takes it: {@code A..B}, {@code A..}, {@code ..B}, or one date. A day
     * at the end counts whole ({@code ..2024-06-30} includes that day); one day alone is that day; one
     * point in time alone is from then on.
     */
    public static Range range(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return new Range(null, null, "an empty date range");
        }
        String v = text.strip();
        int dots = v.indexOf("..");
        if (dots < 0) {
            Point p = parse(v, now);
            if (!p.ok()) {
                return new Range(null, null, p.problem());
            }
            return new Range(p.instant(), p.day() ? p.end() : null, null);
        }
        String a = v.substring(0, dots);
        String b = v.substring(dots + 2);
        if (a.isBlank() && b.isBlank()) {
            return new Range(null, null, "'..' needs a date on at least one side");
        }
        Instant from = null;
        Instant to = null;
        if (!a.isBlank()) {
            Point p = parse(a, now);
            if (!p.ok()) {
                return new Range(null, null, p.problem());
            }
            from = p.instant();
        }
        if (!b.isBlank()) {
            Point p = parse(b, now);
            if (!p.ok()) {
                return new Range(null, null, p.problem());
            }
            to = p.end();
        }
        if (from != null && to != null && !from.isBefore(to)) {
            return new Range(null, null, "'" + clip(v) + "' ends before it starts");
        }
        return new Range(from, to, null);
    }

    private static Point iso(String v) {
        try {
            if (v.length() == 10 && v.charAt(4) == '-') {
                return Point.of(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant(), true);
            }
            if (v.length() > 10 && v.charAt(4) == '-' && v.charAt(10) == ' ') {
                v = v.substring(0, 10) + "T" + v.substring(11);
            }
            if (v.length() > 10 && v.charAt(4) == '-' && (v.charAt(10) == 'T' || v.charAt(10) == 't')) {
                try {
                    return Point.of(OffsetDateTime.parse(v.toUpperCase(Locale.ROOT)).toInstant(), false);
                } catch (DateTimeParseException e) {
                    try {
                        return Point.of(ZonedDateTime.parse(v.toUpperCase(Locale.ROOT)).toInstant(), false);
                    } catch (DateTimeParseException e2) {
                        return Point.of(LocalDateTime.parse(v.toUpperCase(Locale.ROOT)).toInstant(ZoneOffset.UTC), false);
                    }
                }
            }
        } catch (DateTimeParseException e) {
            return Point.bad("'" + clip(v) + "' is not a valid date or date-time (" + e.getMessage().replaceFirst(
                    "^Text '[^']*' could not be parsed: ", "") + ")");
        }
        return null;
    }

    private static Point compact(Matcher m) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return Point.of(d.atStartOfDay(ZoneOffset.UTC).toInstant(), true);
            }
            return Point.of(d.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)))
                    .toInstant(ZoneOffset.UTC), false);
        } catch (java.time.DateTimeException e) {
            return Point.bad("'" + m.group() + "' is not a valid date (" + e.getMessage() + ")");
        }
    }

    /** Pairs of an amount and a unit, counted back from now. */
    private static Point relative(Instant now, List<String> words, String original, boolean shortForm) {
        if (words.isEmpty() || words.size() % 2 != 0) {
            return Point.bad(notADate(original));
        }
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        for (int i = 0; i < words.size(); i += 2) {
            if (!NUMBER.matcher(words.get(i)).matches() || words.get(i).length() > 6) {
                return Point.bad(notADate(original));
            }
            long n = Long.parseLong(words.get(i));
            String unit = words.get(i + 1);
            if (shortForm && unit.equals("m")) {
                return Point.bad("'" + clip(original) + "' is ambiguous: write " + n + "min for minutes or " + n
                        + "mo for months");
            }
            switch (unitOf(unit)) {
                case "second" -> t = t.minusSeconds(n);
                case "minute" -> t = t.minusMinutes(n);
                case "hour" -> t = t.minusHours(n);
                case "day" -> t = t.minusDays(n);
                case "week" -> t = t.minusWeeks(n);
                case "month" -> t = t.minusMonths(n);
                case "year" -> t = t.minusYears(n);
                default -> {
                    return Point.bad(notADate(original));
                }
            }
        }
        return Point.of(t.toInstant(), false);
    }

    private static String unitOf(String word) {
        return switch (word) {
            case "s", "sec", "secs", "second", "seconds" -> "second";
            case "min", "mins", "minute", "minutes" -> "minute";
            case "h", "hr", "hrs", "hour", "hours" -> "hour";
            case "d", "day", "days" -> "day";
            case "w", "wk", "wks", "week", "weeks" -> "week";
            case "mo", "mon", "month", "months" -> "month";
            case "y", "yr", "yrs", "year", "years" -> "year";
            default -> "";
        };
    }

    private static String notADate(String v) {
        return "'" + clip(v) + "' is not a date: use " + FORMS;
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
