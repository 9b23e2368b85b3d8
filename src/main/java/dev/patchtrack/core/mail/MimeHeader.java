package dev.patchtrack.core.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Content-Type or Content-Disposition value: {@code value} (lower case, e.g. "text/plain" or
 * "attachment") and its parameters (names in lower case; RFC 2231 continuations and charsets joined and
 * decoded). Parsing never fails: junk parameters are skipped.
 */
final class MimeHeader {

    final String value;
    final Map<String, String> params;

    private MimeHeader(String value, Map<String, String> params) {
        this.value = value;
        this.params = params;
    }

    String param(String name) {
        return params.get(name);
    }

    /** A Content-Type value is "type/subtype" made of token characters. */
    boolean isValidType() {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1 || value.indexOf('/', slash + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7F || "()<>@,;:\\\"[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    static MimeHeader parse(String s) {
        if (s == null) {
            return new MimeHeader("", Map.of());
        }
        int n = s.length();
        int semi = s.indexOf(';');
        String v = (semi < 0 ? s : s.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        int paren = v.indexOf('(');
        if (paren >= 0) {
            v = v.substring(0, paren).strip();
        }
        if (semi < 0) {
            return new MimeHeader(v, Map.of());
        }
        Map<String, String> plain = new HashMap<>(4);
        TreeMap<String, String> extended = null; // RFC 2231 pieces: "name*0", "name*1*", "name*"
        int i = semi + 1;
        while (i < n) {
            while (i < n && (s.charAt(i) == ';' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int nameStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ';') {
                i++;
            }
            if (i >= n || s.charAt(i) == ';') {
                continue; // a word without '=': junk
            }
            String name = s.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
            i++; // '='
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            String val;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && s.charAt(i) != '"') {
                    char c = s.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = s.charAt(++i);
                    }
                    sb.append(c);
                    i++;
                }
                i++; // closing quote (or past the end)
                val = sb.toString();
            } else {
                int vs = i;
                while (i < n && s.charAt(i) != ';' && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                val = s.substring(vs, i);
            }
            if (name.isEmpty()) {
                continue;
            }
            if (name.indexOf('*') >= 0) {
                if (extended == null) {
                    extended = new TreeMap<>(MimeHeader::compareSections);
                }
                extended.put(name, val);
            } else {
                plain.putIfAbsent(name, val);
            }
        }
        if (extended != null) {
            joinExtended(extended, plain);
        }
        return new MimeHeader(v, plain);
    }

    private static int compareSections(String a, String b) {
        String ba = a.substring(0, a.indexOf('*'));
        String bb = b.substring(0, b.indexOf('*'));
        int c = ba.compareTo(bb);
        if (c != 0) {
            return c;
        }
        return Integer.compare(section(a), section(b));
    }

    private static int section(String name) {
        int star = name.indexOf('*');
        String rest = name.substring(star + 1).replace("*", "");
        try {
            return rest.isEmpty() ? -1 : Integer.parseInt(rest);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static void joinExtended(TreeMap<String, String> extended, Map<String, String> out) {
        String current = null;
        StringBuilder value = null;
        Charset cs = StandardCharsets.UTF_8;
        for (Map.Entry<String, String> e : extended.entrySet()) {
            String key = e.getKey();
            String base = key.substring(0, key.indexOf('*'));
            boolean encoded = key.endsWith("*");
            String v = e.getValue();
            if (!base.equals(current)) {
                if (current != null) {
                    out.put(current, value.toString());
                }
                current = base;
                value = new StringBuilder();
                cs = StandardCharsets.UTF_8;
                if (encoded) {
                    int q1 = v.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                    if (q2 > 0) {
                        Charset c = Text.charset(v.substring(0, q1));
                        cs = c != null ? c : StandardCharsets.UTF_8;
                        v = v.substring(q2 + 1);
                    }
                }
            }
            value.append(encoded ? percentDecode(v, cs) : v);
        }
        if (current != null) {
            out.put(current, value.toString());
        }
    }

    private static String percentDecode(String v, Charset cs) {
        if (v.indexOf('%') < 0) {
            return v;
        }
        byte[] b = new byte[v.length()];
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length()
                    && TransferDecoding.hex((byte) v.charAt(i + 1)) >= 0
                    && TransferDecoding.hex((byte) v.charAt(i + 2)) >= 0) {
                b[n++] = (byte) (TransferDecoding.hex((byte) v.charAt(i + 1)) << 4
                        | TransferDecoding.hex((byte) v.charAt(i + 2)));
                i += 2;
            } else {
                b[n++] = (byte) c;
            }
        }
        return new String(b, 0, n, cs);
    }
}
