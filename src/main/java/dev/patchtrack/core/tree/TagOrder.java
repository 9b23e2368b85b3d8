package dev.patchtrack.core.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Release tags in version order: {@code v6.1-rc1 < v6.1-rc2 < v6.1 < v6.1.1 < v6.2-rc1}. A tag is read as a
 * prefix (up to the first digit), numbers separated by dots, and an optional pre-release part after a
 * {@code -}; a pre-release comes before its release, and pre-releases compare naturally ({@code rc2 <
 * rc10}). Tags with no number sort after every versioned tag, by name.
 */
public final class TagOrder {

    /** The version order. */
    public static final Comparator<String> ORDER = TagOrder::compare;

    private TagOrder() {
    }

    public static int compare(String a, String b) {
        List<Long> va = numbers(a);
        List<Long> vb = numbers(b);
        if (va.isEmpty() || vb.isEmpty()) {
            return va.isEmpty() && vb.isEmpty() ? a.compareTo(b) : va.isEmpty() ? 1 : -1;
        }
        for (int i = 0; i < Math.max(va.size(), vb.size()); i++) {
            long x = i < va.size() ? va.get(i) : 0;
            long y = i < vb.size() ? vb.get(i) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        String pa = pre(a);
        String pb = pre(b);
        if (pa == null || pb == null) {
            int c = pa == null && pb == null ? 0 : pa == null ? 1 : -1;
            return c != 0 ? c : a.compareTo(b);
        }
        int c = natural(pa, pb);
        return c != 0 ? c : a.compareTo(b);
    }

    /**
     * True when {@code name} matches a glob of {@code *} (any run of characters) and {@code ?} (one); the
     * default pattern {@code v*} takes every {@code v} tag.
     */
    public static boolean matches(String glob, String name) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return name.matches(re.toString());
    }

    /** The dotted numbers after the prefix, up to a pre-release part. */
    private static List<Long> numbers(String tag) {
        List<Long> out = new ArrayList<>(4);
        int i = 0;
        while (i < tag.length() && !Character.isDigit(tag.charAt(i))) {
            i++;
        }
        while (i < tag.length()) {
            int start = i;
            while (i < tag.length() && tag.charAt(i) >= '0' && tag.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                break;
            }
            out.add(Long.parseLong(tag.substring(start, Math.min(i, start + 18))));
            if (i < tag.length() && tag.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        return out;
    }

    /** Whether a tag is a pre-release ({@code v6.1-rc1}), not a release ({@code v6.1}, {@code v6.1.2}). */
    public static boolean preRelease(String tag) {
        return !numbers(tag).isEmpty() && pre(tag) != null;
    }

    /** The pre-release part ({@code rc1} of {@code v6.1-rc1}), null when none. */
    private static String pre(String tag) {
        int i = 0;
        while (i < tag.length() && !Character.isDigit(tag.charAt(i))) {
            i++;
        }
        int dash = tag.indexOf('-', i);
        return dash < 0 ? null : tag.substring(dash + 1);
    }

    /** Text compared with its digit runs as numbers. */
    private static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
