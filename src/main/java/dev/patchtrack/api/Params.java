package dev.patchtrack.api;

import dev.patchtrack.core.query.Approxidate;
import java.time.Instant;

/** Query parameter parsing that names the parameter at fault. */
public final class Params {

    private Params() {
    }

    public static int positiveInt(String name, String value, int dflt, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        int v;
        try {
            v = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter(name, name + " must be a whole number, not '" + clip(value) + "'");
        }
        if (v < 1 || v > max) {
            throw ApiProblem.badParameter(name, name + " must be between 1 and " + max);
        }
        return v;
    }

    /**
     * A date as people type it ({@link Approxidate}): an ISO date ({@code 2024-05-01}, midnight UTC) or
     * date-time ({@code 2024-05-01T12:00:00Z}), {@code yesterday}, {@code 2.weeks.ago}, {@code 3d}.
     */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Approxidate.Point p = Approxidate.parse(value, Instant.now());
        if (!p.ok()) {
            throw ApiProblem.badParameter(name, name + ": " + p.problem());
        }
        return p.instant();
    }

    /** A Message-ID as pasted: with or without angle brackets, surrounding white space, or "id:". */
    public static String messageId(String value) {
        String v = value == null ? "" : value.strip();
        if (v.regionMatches(true, 0, "id:", 0, 3)) {
            v = v.substring(3).strip();
        }
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }

    /**
     * A mail address as pasted: bare, in angle brackets, or with a name ({@code Alice <alice@example.org>}).
     * Missing or not of the form {@code local@domain}: a 400 naming the parameter.
     */
    public static String address(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badParameter(name, name + " is required: a mail address such as maintainer@example.org");
        }
        String v = value.strip();
        int lt = v.lastIndexOf('<');
        if (lt >= 0 && v.endsWith(">")) {
            v = v.substring(lt + 1, v.length() - 1).strip();
        }
        if (v.length() > 320 || !ADDRESS.matcher(v).matches()) {
            throw ApiProblem.badParameter(name, name + " must be a mail address (local@domain), not '" + clip(value) + "'");
        }
        return v;
    }

    private static final java.util.regex.Pattern ADDRESS =
            java.util.regex.Pattern.compile("[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+");

    public static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
