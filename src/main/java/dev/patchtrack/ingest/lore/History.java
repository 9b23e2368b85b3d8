package dev.patchtrack.ingest.lore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a list's past the first sync of a source reads: all of it ({@code full}), a window
 * before the day the source first syncs ({@code 90d}, {@code 12w}, {@code P90D}), or everything since a
 * date ({@code 2024-01-01}). Later syncs read whatever is new, whatever this says.
 *
 * @param window how far back from the first sync (null: {@code since} or full history)
 * @param since  the first day read (null: {@code window} or full history)
 */
public record History(Duration window, Instant since) {

    /** The whole archive. */
    public static final History FULL = new History(null, null);

    /** What the setting takes, for error messages. */
    public static final String FORMS = "full, a window such as 90d, 12w or P90D, or a date such as 2024-01-01";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([dwy])");

    /** Reads a setting; throws {@link IllegalArgumentException} naming the forms it takes. */
    public static History parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("full") || t.equals("all")) {
            return FULL;
        }
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                default -> Duration.ofDays(365 * n);
            };
            return window(d, text);
        }
        if (t.startsWith("p")) {
            try {
                return window(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw bad(text);
            }
        }
        try {
            return new History(null, LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw bad(text);
        }
    }

    private static History window(Duration d, String text) {
        if (d.isZero() || d.isNegative()) {
            throw bad(text);
        }
        return new History(d, null);
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("history must be " + FORMS + ", not '" + text + "'");
    }

    public boolean full() {
        return window == null && since == null;
    }

    /** The oldest mail a first sync starting {@code now} reads; null for the whole archive. */
    public Instant from(Instant now) {
        return since != null ? since : window != null ? now.minus(window) : null;
    }

    /** For logs and the sources API: "full history", "the last 90 days", "since 2024-01-01". */
    public String describe() {
        if (since != null) {
            return "since " + since.atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (window != null) {
            return "the last " + window.toDays() + " days";
        }
        return "full history";
    }
}
