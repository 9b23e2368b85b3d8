package dev.patchtrack.core.patch;

import dev.patchtrack.core.model.Keywords;
import dev.patchtrack.core.model.ReplyScope;
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
 *
 * <p>Also what the reply says of the reach of its trailers wherever it sits ({@link ReplyScope}): "For the
 * whole series:" and "Both patches:" (every patch, even from deep in one patch's thread), "Same for patch
 * 1/2." (that patch too), "With the exception of patch 2" (not that one), and the one or few lines of the
 * cover letter's patch list quoted just above the first trailer (those patches).
 */
final class ReplyNames {

    static final Pattern PATCH_WORDS = Pattern.compile(
            "(?i)\\bpatch(?:es)?\\s+#?(\\d{1,3})(?:\\s*/\\s*\\d{1,3})?((?:\\s*(?:,|and|&|-|to|\u2013)\\s*#?\\d{1,3}(?:\\s*/\\s*\\d{1,3})?)*)");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)(,|and|&|or|-|to|\u2013)\\s*#?(\\d{1,3})");
    private static final Pattern SUBJECT = Pattern.compile(
            "(?i)^\\s*(?:for\\s+|re:\\s*)?\\[(?:[^\\]]*\\s)?(?:patch|rfc)[^\\]]*?\\s(\\d{1,3})/\\d{1,3}\\]\\s*(.*)$");
    private static final Pattern QUOTED_TITLE = Pattern.compile("(?i)\\b(?:for|to|on)\\s+[\"\u201c]([^\"\u201d]{8,200})[\"\u201d]");
    private static final int MAX_LINE = 2000;

    private static final String NUMBER_LIST = "#?(\\d{1,3})(?:\\s*/\\s*\\d{1,3})?"
            + "((?:\\s*(?:,|and|&|or|-|to|\u2013)\\s*#?\\d{1,3}(?:\\s*/\\s*\\d{1,3})?)*)";
    /** "with the exception of patch 2", "except for patches 2 and 3", "other than 3/5". */
    static final Pattern EXCEPT = Pattern.compile("(?i)\\b(?:with\\s+the\\s+exception\\s+of|except(?:\\s+for)?"
            + "|other\\s+than|apart\\s+from|excluding|but\\s+not)\\s+(?:(?:the\\s+)?patch(?:es)?\\s+|(?=\\d{1,3}\\s*/\\s*\\d))"
            + NUMBER_LIST);
    /** "For the whole series:", "Either way, for the entire series:", "For the series:", "Both patches:". */
    static final Pattern WHOLE = Pattern.compile("(?i)\\b(?:for|to|on)\\s+(?:the\\s+|this\\s+)?(?:whole|entire|complete"
            + "|full)\\s+(?:patch\\s*)?(?:series|set|patchset)\\b"
            + "|^\\s*(?:(?:either\\s+way|anyway|also|and|so),?\\s+)?for\\s+(?:the|this)\\s+(?:patch\\s*)?(?:series|set|patchset)\\s*[:,]"
            + "|^\\s*(?:for\\s+|to\\s+)?(?:both|all)\\s+(?:of\\s+)?(?:the\\s+|these\\s+)?(?:patches|of\\s+them)\\s*[:,]?\\s*$"
            + "|\\b(?:for|to)\\s+(?:both|all)\\s+(?:of\\s+)?(?:the\\s+|these\\s+)?patches\\b");
    /** A line that extends the trailers to the patches it names: "Same for patch 1/2.", "also for patch 3". */
    static final Pattern ALSO = Pattern.compile("(?i)\\b(?:same|also|ditto|likewise)\\b[^.]{0,15}?\\b(?:for|to|on)\\s+patch"
            + "|\\b(?:for|to)\\s+patch(?:es)?\\s+#?\\d[^.]{0,20}?\\b(?:too|as\\s+well)\\b"
            + "|^\\s*(?:and\\s+)?for\\s+patch(?:es)?\\s+#?\\d");
    private static final Pattern REVIEW_TRAILER = Pattern.compile("(?i)^\\s*(?:reviewed|acked|tested)-by\\s*:");
    /** A quoted line of a cover letter's patch list: {@code ">   rust: add `alloc` crate"}. */
    private static final Pattern QUOTED_LIST_LINE = Pattern.compile("^\\s*>\\s{2,}(\\S.*?)\\s*$");
    /** The quoted head of a cover letter's patch list, git shortlog's {@code "> Miguel Ojeda (22):"}. */
    private static final Pattern QUOTED_LIST_HEAD = Pattern.compile("^\\s*>\\s*\\S[^:]{0,80}\\(\\d{1,3}\\):\\s*$");
    /** More quoted list lines than this above the trailer is the whole list quoted: no narrowing. */
    private static final int MAX_QUOTED_TITLES = 3;

    /** {@link #EXCEPT} needs one of these words. */
    static final Keywords EXCEPT_WORDS = Keywords.of("except", "other", "apart", "excluding", "but");
    /** {@link #WHOLE} needs one of these words ("set" in "patchset" too). */
    static final Keywords WHOLE_WORDS = Keywords.of("series", "set", "patches", "them");
    /** {@link #ALSO} needs this word, and {@link #PATCH_WORDS} is tried only on lines that hold it. */
    static final Keywords PATCH_WORD = Keywords.of("patch");

    /** Numbers and normalized titles named, and what the reply says of its trailers' reach. */
    record Named(List<Integer> numbers, List<String> titles, ReplyScope scope) {
        static final Named NONE = new Named(List.of(), List.of(), null);
    }

    private ReplyNames() {
    }

    static Named scan(String[] lines, boolean[] diffMask) {
        TreeSet<Integer> numbers = new TreeSet<>();
        List<String> titles = new ArrayList<>();
        TreeSet<Integer> also = new TreeSet<>();
        TreeSet<Integer> except = new TreeSet<>();
        boolean whole = false;
        boolean trailerSeen = false;
        List<String> quoteBlock = new ArrayList<>();
        List<String> quotedTitles = List.of();
        boolean inQuote = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if ((diffMask != null && diffMask[i]) || l.length() > MAX_LINE) {
                continue;
            }
            if (Lines.quoted(l)) {
                if (!inQuote) {
                    quoteBlock.clear();
                    inQuote = true;
                }
                quoteBlock.add(l);
                continue;
            }
            if (Lines.signature(lines, i)) {
                break;
            }
            if (Lines.blank(l)) {
                continue;
            }
            if (!trailerSeen && REVIEW_TRAILER.matcher(l).find()) {
                trailerSeen = true;
                quotedTitles = quotedListTitles(quoteBlock);
            }
            inQuote = false;
            if (!trailerSeen && WHOLE_WORDS.in(l) && WHOLE.matcher(l).find()) {
                whole = true;
            }
            boolean patchWord = PATCH_WORD.in(l);
            List<int[]> excluded = new ArrayList<>(1);
            if ((patchWord || l.indexOf('/') > 0) && EXCEPT_WORDS.in(l)) {
                Matcher x = EXCEPT.matcher(l);
                while (x.find()) {
                    numbersOf(x.group(1), x.group(2), except);
                    excluded.add(new int[] {x.start(), x.end()});
                }
            }
            boolean extends_ = patchWord && ALSO.matcher(l).find();
            if (l.indexOf('[') >= 0) {
                Matcher s = SUBJECT.matcher(l);
                if (s.find()) {
                    add(numbers, Integer.parseInt(s.group(1)));
                    continue;
                }
            }
            if (patchWord) {
                Matcher m = PATCH_WORDS.matcher(l);
                while (m.find()) {
                    if (inside(excluded, m.start())) {
                        continue;
                    }
                    numbersOf(m.group(1), m.group(2), numbers);
                    if (extends_) {
                        numbersOf(m.group(1), m.group(2), also);
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
        ReplyScope scope = new ReplyScope(whole, List.copyOf(also), List.copyOf(except), quotedTitles);
        if (numbers.isEmpty() && titles.isEmpty() && scope.saysNothing()) {
            return Named.NONE;
        }
        return new Named(List.copyOf(numbers), titles, scope.saysNothing() ? null : scope);
    }

    /** The first number and the list after it ("2", ", 4-6 and 8") into {@code out}, ranges expanded. */
    private static void numbersOf(String first, String rest, TreeSet<Integer> out) {
        int prev = Integer.parseInt(first);
        add(out, prev);
        Matcher item = LIST_ITEM.matcher(rest == null ? "" : rest);
        while (item.find()) {
            int n = Integer.parseInt(item.group(2));
            String sep = item.group(1).toLowerCase(Locale.ROOT);
            boolean range = sep.equals("-") || sep.equals("to") || sep.equals("\u2013");
            if (range && n > prev && n - prev <= 100) {
                for (int k = prev + 1; k <= n; k++) {
                    add(out, k);
                }
            } else {
                add(out, n);
            }
            prev = n;
        }
    }

    private static boolean inside(List<int[]> spans, int at) {
        for (int[] s : spans) {
            if (at >= s[0] && at < s[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The titles of the cover letter's patch list quoted in {@code block} (the quote right above the first
     * trailer; the list's {@code Name (N):} head quoted too), when it quotes only a few of them: a reviewer
     * cutting the list down to the patch they mean.
     */
    private static List<String> quotedListTitles(List<String> block) {
        List<String> out = new ArrayList<>();
        boolean inList = false;
        for (String q : block) {
            if (QUOTED_LIST_HEAD.matcher(q).matches()) {
                inList = true;
                continue;
            }
            Matcher m = QUOTED_LIST_LINE.matcher(q);
            if (!inList || !m.matches()) {
                continue;
            }
            String t = SubjectParser.parse(m.group(1)).normalizedTitle();
            if (t.indexOf(':') > 0 && t.length() >= 8 && !t.contains("|") && !out.contains(t)) {
                out.add(t);
            }
        }
        return out.size() <= MAX_QUOTED_TITLES ? out : List.of();
    }

    private static void add(TreeSet<Integer> numbers, int n) {
        if (n >= 1 && n <= 999 && numbers.size() < 1000) {
            numbers.add(n);
        }
    }
}
