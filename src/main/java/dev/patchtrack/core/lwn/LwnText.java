package dev.patchtrack.core.lwn;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What LWN's feed, articles and index share: the {@code [$]} mark, its dates, article URLs. */
public final class LwnText {

    /** The prefix LWN puts on the titles of subscriber-only items. */
    public static final String SUBSCRIBER_MARK = "[$]";

    /** "May 1, 2024", as LWN writes dates in bylines, index entries and paywall notices. */
    static final String DATE = "(?:January|February|March|April|May|June|July|August|September|October|November"
            + "|December) \\d{1,2}, \\d{4}";
    private static final Pattern DATE_PATTERN = Pattern.compile(DATE);
    private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private LwnText() {
    }

    /** True when a title carries the subscriber-only mark. */
    public static boolean subscriberOnly(String title) {
        return title != null && title.strip().startsWith(SUBSCRIBER_MARK);
    }

    /** A title without the subscriber-only mark, LWN's {@code [LWN.net]} suffix and outer white space. */
    public static String cleanTitle(String title) {
        if (title == null) {
            return null;
        }
        String t = title.strip();
        if (t.startsWith(SUBSCRIBER_MARK)) {
            t = t.substring(SUBSCRIBER_MARK.length()).strip();
        }
        if (t.endsWith("[LWN.net]")) {
            t = t.substring(0, t.length() - "[LWN.net]".length()).strip();
        }
        return t;
    }

    /** The first "May 1, 2024" in {@code text}, as midnight UTC; null when there is none. */
    public static Instant firstDate(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE_PATTERN.matcher(text);
        return m.find() ? date(m.group()) : null;
    }

    /** "May 1, 2024" as midnight UTC; null when it is not such a date. */
    static Instant date(String s) {
        try {
            return LocalDate.parse(s.strip(), DATE_FORMAT).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The form an article URL is stored under: absolute, https kept as given, no query or fragment,
     * a trailing slash, and LWN's {@code /rss} feed suffix dropped. Null when it is not an http(s) URL.
     */
    public static String canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                return null;
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            if (path.endsWith("/rss")) {
                path = path.substring(0, path.length() - 3);
            }
            if (!path.endsWith("/")) {
                path = path + "/";
            }
            String host = u.getHost().toLowerCase(Locale.ROOT);
            String port = u.getPort() < 0 ? "" : ":" + u.getPort();
            return scheme + "://" + host + port + path;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Whether a URL names an LWN article ({@code /Articles/<number>/}). */
    public static boolean isArticleUrl(String url) {
        String c = canonicalUrl(url);
        return c != null && c.matches("https?://[^/]+/Articles/\\d+/");
    }
}
