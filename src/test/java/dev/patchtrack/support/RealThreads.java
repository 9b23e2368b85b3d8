package dev.patchtrack.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages of the real files cut out as they stand in them, separator line and mboxrd quoting included,
 * so a test can upload a few real threads instead of a whole file and compare what the API writes with
 * the bytes lore wrote. The first copy of a Message-ID delivered twice stands, as the store keeps it.
 */
public final class RealThreads {

    private static final String SEPARATOR = "From mboxrd@z Thu Jan  1 00:00:00 1970\n";
    private static final Pattern MESSAGE_ID = Pattern.compile("(?mi)^Message-ID:\\s*<([^>]+)>");
    private static final Map<RealMail.Archive, Map<String, String>> CACHE =
            Collections.synchronizedMap(new EnumMap<>(RealMail.Archive.class));

    private RealThreads() {
    }

    /** Each message of the file as it stands there (ISO-8859-1, so byte for byte), by Message-ID, in file order. */
    public static Map<String, String> messages(RealMail.Archive a) {
        return CACHE.computeIfAbsent(a, k -> {
            String text = new String(RealMail.bytes(k), StandardCharsets.ISO_8859_1);
            Map<String, String> out = new LinkedHashMap<>();
            int at = text.indexOf(SEPARATOR);
            while (at >= 0) {
                int next = text.indexOf("\n" + SEPARATOR, at + SEPARATOR.length());
                String chunk = text.substring(at, next < 0 ? text.length() : next + 1);
                String head = chunk.substring(0, Math.max(0, chunk.indexOf("\n\n")));
                Matcher m = MESSAGE_ID.matcher(head);
                if (m.find()) {
                    out.putIfAbsent(m.group(1), chunk);
                }
                at = next < 0 ? -1 : next + 1;
            }
            return out;
        });
    }

    /** The messages with these Message-IDs, in the order given, as one mboxrd. */
    public static byte[] mbox(RealMail.Archive a, List<String> messageIds) {
        Map<String, String> all = messages(a);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        for (String id : messageIds) {
            String chunk = all.get(id);
            if (chunk == null) {
                missing.add(id);
            } else {
                out.append(chunk);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("not in " + a.file + ": " + missing);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
