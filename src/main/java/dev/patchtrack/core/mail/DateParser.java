package dev.patchtrack.core.mail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A lenient mail Date parser. It reads the tokens it recognizes in any order: a month name, a day (the
 * first small number), a year (a number above 31, or the second small number: 2-digit years are 19xx
 * from 50 on, 20xx below), a time h:mm[:ss], a numeric zone (+hhmm, +hh:mm, +hh) or a zone name, and
 * an ISO date (yyyy-mm-dd[Thh:mm:ss[Z]]). Day names, comments and unknown words are skipped. A missing
 * zone means UTC. Day, month, year and time must all be found and valid.
 */
final class DateParser {

    /** The outcome: an instant, or null with the reason. */
    record Result(Instant instant, String problem) {
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private DateParser() {
    }

    static Result parse(String value) {
        if (value == null || value.isBlank()) {
            return new Result(null, "Date header empty");
        }
        String s = value.length() > 200 ? value.substring(0, 200) : value;
        int day = -1;
        int month = -1;
        int year = -1;
        int hour = -1;
        int minute = -1;
        int second = 0;
        Integer zoneMinutes = null;
        String zoneProblem = null;
        int n = s.length();
        int i = 0;
        int depth = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
                i++;
                continue;
            }
            if (c == ')') {
                depth = Math.max(0, depth - 1);
                i++;
                continue;
            }
            if (depth > 0 || c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            int j = i;
            while (j < n) {
                char d = s.charAt(j);
                if (d == ' ' || d == '\t' || d == ',' || d == '(' || d == '\r' || d == '\n') {
                    break;
                }
                j++;
            }
            String tok = s.substring(i, j);
            i = j;
            char t0 = tok.charAt(0);
            if ((t0 == '+' || t0 == '-') && tok.length() > 1 && isDigit(tok.charAt(1))) {
                if (zoneMinutes == null) {
                    Integer z = numericZone(tok, 1);
                    if (z == null) {
                        zoneProblem = "Date zone \"" + Text.clip(tok, 20) + "\" invalid, UTC assumed";
                        zoneMinutes = 0;
                    } else {
                        zoneMinutes = z;
                    }
                }
                continue;
            }
            if (isDigit(t0) && tok.indexOf('-') > 0) { // ISO 8601
                int[] iso = iso(tok);
                if (iso == null) {
                    return bad(value);
                }
                year = iso[0];
                month = iso[1];
                day = iso[2];
                if (iso[3] >= 0) {
                    hour = iso[3];
                    minute = iso[4];
                    second = iso[5];
                }
                if (iso[6] != Integer.MIN_VALUE && zoneMinutes == null) {
                    zoneMinutes = iso[6];
                }
                continue;
            }
            if (tok.indexOf(':') >= 0 && isDigit(t0)) {
                int[] hms = time(tok);
                if (hms == null) {
                    return bad(value);
                }
                hour = hms[0];
                minute = hms[1];
                second = hms[2];
                continue;
            }
            if (isDigit(t0)) {
                if (!allDigits(tok) || tok.length() > 4) {
                    if (day >= 0 && year >= 0) {
                        continue; // trailing junk after a complete date
                    }
                    return bad(value);
                }
                int v = Integer.parseInt(tok);
                if (tok.length() >= 3 || v > 31) {
                    if (year >= 0) {
                        continue;
                    }
                    year = tok.length() == 3 ? v + 1900 : tok.length() == 2 ? (v < 50 ? 2000 + v : 1900 + v) : v;
                } else if (day < 0) {
                    day = v;
                } else if (year < 0) {
                    year = v < 50 ? 2000 + v : 1900 + v;
                }
                continue;
            }
            if (Character.isLetter(t0)) {
                String low = tok.toLowerCase(java.util.Locale.ROOT);
                if (month < 0 && low.length() >= 3) {
                    String m3 = low.substring(0, 3);
                    for (int k = 0; k < 12; k++) {
                        if (MONTHS[k].equals(m3) && allLetters(low)) {
                            month = k + 1;
                            break;
                        }
                    }
                    if (month >= 0) {
                        continue;
                    }
                }
                if (zoneMinutes == null) {
                    Integer z = namedZone(low);
                    if (z != null) {
                        zoneMinutes = z;
                    }
                }
            }
        }
        if (day < 0 || month < 0 || year < 0 || hour < 0) {
            return bad(value);
        }
        try {
            LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, minute, second);
            Instant instant = ldt.toInstant(ZoneOffset.UTC).minusSeconds(60L * (zoneMinutes == null ? 0 : zoneMinutes));
            int y = ldt.getYear();
            if (y < 1970 || y > 2200) {
                return new Result(null, "Date \"" + Text.clip(value.strip(), 60) + "\" out of range (year " + y + ")");
            }
            return new Result(instant, zoneProblem);
        } catch (DateTimeException e) {
            return bad(value);
        }
    }

    private static Result bad(String value) {
        return new Result(null, "Date \"" + Text.clip(value.strip(), 60) + "\" unreadable");
    }

    /** "+hhmm", "+hh:mm" or "+hh" from index {@code from} (after the sign); minutes east of UTC. */
    private static Integer numericZone(String tok, int from) {
        int sign = tok.charAt(from - 1) == '-' ? -1 : 1;
        String d = tok.substring(from).replace(":", "");
        if (!allDigits(d) || d.isEmpty()) {
            return null;
        }
        int h;
        int m;
        if (d.length() == 4) {
            h = Integer.parseInt(d.substring(0, 2));
            m = Integer.parseInt(d.substring(2));
        } else if (d.length() <= 2) {
            h = Integer.parseInt(d);
            m = 0;
        } else {
            return null;
        }
        if (h > 18 || m > 59) {
            return null;
        }
        return sign * (h * 60 + m);
    }

    private static Integer namedZone(String low) {
        switch (low) {
            case "ut", "utc", "gmt", "z", "wet", "ut0", "gmt0":
                return 0;
            case "est":
                return -5 * 60;
            case "edt", "ast":
                return -4 * 60;
            case "cst":
                return -6 * 60;
            case "cdt":
                return -5 * 60;
            case "mst":
                return -7 * 60;
            case "mdt":
                return -6 * 60;
            case "pst":
                return -8 * 60;
            case "pdt":
                return -7 * 60;
            case "cet", "bst", "west", "met":
                return 60;
            case "cest", "eet", "mest":
                return 120;
            case "eest", "msk":
                return 180;
            case "ist":
                return 330;
            case "jst", "kst":
                return 540;
            default:
                break;
        }
        if ((low.startsWith("gmt") || low.startsWith("utc")) && low.length() > 4
                && (low.charAt(3) == '+' || low.charAt(3) == '-')) {
            return numericZone(low, 4);
        }
        return null;
    }

    /** h:mm[:ss[.fff]] */
    private static int[] time(String tok) {
        String[] parts = tok.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        int[] v = new int[3];
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k];
            if (k == 2) {
                int dot = p.indexOf('.');
                if (dot >= 0) {
                    p = p.substring(0, dot);
                }
            }
            if (p.isEmpty() || p.length() > 2 || !allDigits(p)) {
                return null;
            }
            v[k] = Integer.parseInt(p);
        }
        if (v[0] > 23 || v[1] > 59 || v[2] > 60) {
            return null;
        }
        if (v[2] == 60) {
            v[2] = 59; // leap second
        }
        return v;
    }

    /** yyyy-mm-dd[Thh:mm[:ss][Z|+hh:mm]] -> {y, m, d, h|-1, min, s, zone|MIN_VALUE} */
    private static int[] iso(String tok) {
        String date = tok;
        String rest = null;
        int t = tok.indexOf('T');
        if (t < 0) {
            t = tok.indexOf('t');
        }
        if (t > 0) {
            date = tok.substring(0, t);
            rest = tok.substring(t + 1);
        }
        String[] d = date.split("-", -1);
        if (d.length != 3 || d[0].length() != 4 || !allDigits(d[0]) || d[1].isEmpty() || d[1].length() > 2
                || !allDigits(d[1]) || d[2].isEmpty() || d[2].length() > 2 || !allDigits(d[2])) {
            return null;
        }
        int[] out = {Integer.parseInt(d[0]), Integer.parseInt(d[1]), Integer.parseInt(d[2]), -1, 0, 0,
            Integer.MIN_VALUE};
        if (rest != null) {
            int z = rest.length();
            for (int k = 0; k < rest.length(); k++) {
                char c = rest.charAt(k);
                if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
                    z = k;
                    break;
                }
            }
            int[] hms = time(rest.substring(0, z));
            if (hms == null) {
                return null;
            }
            out[3] = hms[0];
            out[4] = hms[1];
            out[5] = hms[2];
            if (z < rest.length()) {
                char c = rest.charAt(z);
                if (c == 'Z' || c == 'z') {
                    out[6] = 0;
                } else {
                    Integer zone = numericZone(rest.substring(z), 1);
                    if (zone == null) {
                        return null;
                    }
                    out[6] = zone;
                }
            }
        }
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '.') {
                return false;
            }
        }
        return true;
    }
}
