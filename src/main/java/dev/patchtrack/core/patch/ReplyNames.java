package dev.patchtrack.core.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patches a reply names in its own (unquoted) text, so that trailers given in reply to a cover letter
 * can be narrowed to the patches they mean: "For patch 7:", "for patches 2-4 and 6", "Patch 3/5 looks
 * good", a quoted subject {@code [PATCH v2 3/5] rust: ...} or a title in quotes ({@code for "rust: pci: add
 * BAR mapping helpers"}). "For the series" names nothing, which means every patch.
 */
final class ReplyNames {

    private static final Pattern PATCH_WORDS = Pattern.compile(
            "(?i)\\bpatch(?:es)?\\s+#?(\\d{1,3})(?:\\s*/\\s*\\d{1,3})?((?:\\s*(?:,|and|&|-|to|\u2013)\\s*#?\\d{1,3}(?:\\s*/\\s*\\d{1,3})?)*)");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)(,|and|&|-|to|\u2013)\\s*#?(\\d{1,3})");
    private static final Pattern SUBJECT = Pattern.compile(
            "(?i)^\\s*(?:for\\s+|re:\\s*)?\\[(?:[^\\]]*\\s)?(?:patch|rfc)[^\\]]*?\\s(\\d{1,3})/\\d{1,3}\\]\\s*(.*)$");
    private static final Pattern QUOTED_TITLE = Pattern.compile("(?i)\\b(?:for|to|on)\\s+[\"\u201c]([^\"\u201d]{8,200})[\"\u201d]");
    private static final int MAX_LINE = 2000;

    /** Numbers and normalized titles named. */
    record Named(List<Integer> numbers, List<String> titles) {
        static final Named NONE = new Named(List.of(), List.of());
    }

    private ReplyNames() {
    }

    static Named scan(String[] lines, boolean[] diffMask) {
        TreeSet<Integer> numbers = new TreeSet<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if ((diffMask != null && diffMask[i]) || l.length() > MAX_LINE || Lines.quoted(l)) {
                continue;
            }
            if (Lines.signature(lines, i)) {
                break;
            }
            if (l.indexOf('[') >= 0) {
                Matcher s = SUBJECT.matcher(l);
                if (s.find()) {
                    add(numbers, Integer.parseInt(s.group(1)));
                    continue;
                }
            }
            if (Lines.containsIgnoreCase(l, "patch")) {
                Matcher m = PATCH_WORDS.matcher(l);
                while (m.find()) {
                    int first = Integer.parseInt(m.group(1));
                    add(numbers, first);
                    int prev = first;
                    Matcher item = LIST_ITEM.matcher(m.group(2));
                    while (item.find()) {
                        int n = Integer.parseInt(item.group(2));
                        String sep = item.group(1).toLowerCase(Locale.ROOT);
                        boolean range = sep.equals("-") || sep.equals("to") || sep.equals("\u2013");
                        if (range && n > prev && n - prev <= 100) {
                            for (int k = prev + 1; k <= n; k++) {
                                add(numbers, k);
                            }
                        } else {
                            add(numbers, n);
                        }
                        prev = n;
                    }
                }
            }
            if (l.indexOf('"') >= 0 || l.indexOf('\u201c') >= 0) {
                Matcher q = QUOTED_TITLE.matcher(l);
                while (q.find()) {
                    String t = SubjectParser.parse(q.group(1)).normalizedTitle();
                    if (t.indexOf(':') > 0 && !titles.contains(t)) {
                        titles.add(t);
                    }
                }
            }
        }
        if (numbers.isEmpty() && titles.isEmpty()) {
            return Named.NONE;
        }
        return new Named(List.copyOf(numbers), titles);
    }

    private static void add(TreeSet<Integer> numbers, int n) {
        if (n >= 1 && n <= 999 && numbers.size() < 1000) {
            numbers.add(n);
        }
    }
}
