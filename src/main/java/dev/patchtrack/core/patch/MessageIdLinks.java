package dev.patchtrack.core.patch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs named by URLs: {@code lore.kernel.org/r/<id>}, {@code lore.kernel.org/<list>/<id>/...}
 * ({@code all} included), {@code lkml.kernel.org/r/<id>}, {@code patch.msgid.link/<id>},
 * {@code msgid.link/<id>} and Patchwork's {@code /project/<p>/patch/<id>/} and {@code /cover/<id>/} on any
 * host. The id is percent-decoded and loses its angle brackets; it must hold an {@code @}. LWN's
 * {@code /ml/} pages and Patchwork's numeric or {@code ?series=N} URLs name no Message-ID here.
 */
public final class MessageIdLinks {

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://[^\\s<>\"'()\\[\\]{}|]+"
                    + "|(?:lore|lkml)\\.kernel\\.org/[^\\s<>\"'()\\[\\]{}|]+"
                    + "|(?:patch\\.)?msgid\\.link/[^\\s<>\"'()\\[\\]{}|]+)");

    private static final int MAX_ID = 998;

    private MessageIdLinks() {
    }

    /** The Message-ID a URL names, or null. */
    public static String messageId(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            u = u.substring(scheme + 3);
        }
        int slash = u.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String host = u.substring(0, slash).toLowerCase(Locale.ROOT);
        int port = host.indexOf(':');
        if (port >= 0) {
            host = host.substring(0, port);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        String path = u.substring(slash + 1);
        int cut = firstOf(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        path = trimTrailingPunct(path);
        String[] segs = path.split("/", -1);
        String raw = null;
        switch (host) {
            case "lore.kernel.org" -> {
                raw = segs.length >= 2 ? segs[1] : segs[0]; // r/<id>, all/<id>, <list>/<id>, <id>
            }
            case "lkml.kernel.org" -> {
                if (segs.length >= 2 && segs[0].equals("r")) {
                    raw = segs[1];
                }
            }
            case "patch.msgid.link", "msgid.link" -> {
                raw = segs.length >= 2 && segs[0].equals("r") ? segs[1] : segs[0];
            }
            case "lwn.net" -> raw = null;
            default -> raw = patchworkId(segs);
        }
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return cleanId(percentDecode(raw));
    }

    /** Every Message-ID that the URLs of a line name, in order. */
    public static List<String> messageIds(String line) {
        List<String> out = new ArrayList<>(1);
        for (String url : urls(line)) {
            String id = messageId(url);
            if (id != null && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** The URL-looking spans of a line (with or without scheme for the kernel.org and msgid.link hosts). */
    static List<String> urls(String line) {
        if (line.indexOf('/') < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(1);
        Matcher m = URL.matcher(line);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** {@code <id>} or {@code id} with the brackets and surrounding white space taken off; null when not an id. */
    static String cleanId(String s) {
        if (s == null) {
            return null;
        }
        String id = s.strip();
        if (id.startsWith("<")) {
            id = id.substring(1);
        }
        if (id.endsWith(">")) {
            id = id.substring(0, id.length() - 1);
        }
        id = id.strip();
        if (id.isEmpty() || id.length() > MAX_ID || id.indexOf('@') <= 0) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isWhitespace(c) || c == '<' || c == '>') {
                return null;
            }
        }
        return id;
    }

    private static String patchworkId(String[] segs) {
        for (int i = 0; i + 3 < segs.length; i++) {
            if (segs[i].equals("project") && (segs[i + 2].equals("patch") || segs[i + 2].equals("cover"))) {
                return segs[i + 3];
            }
        }
        return null;
    }

    private static int firstOf(String s, char a, char b) {
        int x = s.indexOf(a);
        int y = s.indexOf(b);
        if (x < 0) {
            return y;
        }
        return y < 0 ? x : Math.min(x, y);
    }

    private static String trimTrailingPunct(String s) {
        int end = s.length();
        while (end > 0 && ".,;:!".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Percent-decoding as UTF-8; {@code +} stays a plus (it is common in Message-IDs). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < len) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            if (c < 0x80) {
                out.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < len ? i + 2 : i + 1;
                byte[] b = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i = end - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
