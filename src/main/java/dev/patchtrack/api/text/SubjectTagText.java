package dev.patchtrack.api.text;

import dev.patchtrack.core.patch.SubjectParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tags of a subject as a reader tells rows apart by them: what its brackets hold but the word
 * PATCH ({@code [PATCH AUTOSEL 5.7 180/274]} gives {@code AUTOSEL 5.7 180/274}, {@code [PATCH net-next
 * v11 0/4]} gives {@code net-next v11 0/4}), and the title that follows them.
 */
public final class SubjectTagText {

    private static final Pattern VERSION = Pattern.compile("(?i)v\\d+(\\.\\d+)?");
    private static final Pattern COUNTER = Pattern.compile("\\d+/\\d+");
    /** PATCH, and PATCHv2 or PATCH-v2, whose version is kept. */
    private static final Pattern PATCH = Pattern.compile("(?i)patch-?(?:v?(\\d+(?:\\.\\d+)?))?");

    private SubjectTagText() {
    }

    /** Every tag of the leading bracket groups, in order, but PATCH. */
    public static List<String> tags(String subject) {
        List<String> out = new ArrayList<>();
        String s = subject == null ? "" : subject.strip();
        while (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                break;
            }
            for (String t : s.substring(1, close).split("[\\s,]+")) {
                java.util.regex.Matcher m = PATCH.matcher(t);
                if (m.matches()) {
                    if (m.group(1) != null) {
                        out.add("v" + m.group(1));
                    }
                } else if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            s = s.substring(close + 1).strip();
        }
        return out;
    }

    /** The tags of a posting that say what kind it is (RFC, tree, AUTOSEL ...), without its version and counter. */
    public static List<String> kindTags(String subject) {
        List<String> out = new ArrayList<>(tags(subject));
        out.removeIf(t -> VERSION.matcher(t).matches() || COUNTER.matcher(t).matches());
        return out;
    }

    /** The subject without its reply prefixes and tags. */
    public static String title(String subject) {
        return SubjectParser.parse(subject).title();
    }
}
