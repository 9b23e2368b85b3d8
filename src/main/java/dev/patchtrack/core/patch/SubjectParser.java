package dev.patchtrack.core.patch;

import dev.patchtrack.core.model.SubjectTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the tags of a patch subject: {@code Re: [RFC PATCH net-next v3 05/12] rust: nvme: ...}.
 *
 * <p>Rules:
 * <ul>
 *   <li>At the start of the subject, reply prefixes ({@code Re:}, {@code RE :}, {@code Fwd:}, {@code Fw:},
 *       {@code Aw:}, {@code Sv:}, {@code Antw:}, {@code WG:}, {@code Odp:}, also {@code Re[2]:}) and bracket
 *       groups are taken off in any order and any number; a {@code :} right after the groups goes too.
 *       Brackets later in the subject are title text.</li>
 *   <li>A group is split on white space and commas ({@code [net,v2,1/2]}). A tag group holds at least one
 *       of: {@code PATCH} (also {@code PATCHv2}, {@code PATCH-v2}, {@code PATCHES}, {@code PATCHSET}),
 *       {@code RFC} ({@code RFCv2}), {@code RESEND}/{@code REPOST}, {@code GIT}/{@code PULL}
 *       ({@code REQUEST} after them is dropped), {@code vN}/{@code vN.M}, {@code n/N}, {@code n of N}.
 *       Every other token of a tag group is a tree tag.</li>
 *   <li>A group without any of these is kept whole in {@code otherTags} ({@code [Buildroot]}), except a
 *       single lower-case word after a tag group ({@code [PATCH][net-next]}), which is a tree tag.</li>
 *   <li>The words of a pull tag ({@code GIT PULL}) are kept in {@code otherTags} as written.</li>
 *   <li>{@code patch} is true for PATCH, RFC and pull tags, and for any version or counter in a tag group
 *       ({@code [v2 1/3]}).</li>
 *   <li>The highest version wins when several are given; the first counter wins.</li>
 * </ul>
 * Never throws; a null subject is treated as empty.
 */
public final class SubjectParser {

    private static final String[] REPLY_WORDS = {"re", "fwd", "fw", "aw", "sv", "antw", "wg", "odp"};

    private SubjectParser() {
    }

    /** Parses a decoded subject. */
    public static SubjectTags parse(String subject) {
        return parseFull(subject).tags;
    }

    /** True when the subject carries a pull tag: {@code [GIT PULL]}, {@code [PULL]}, {@code [GIT]}. */
    public static boolean isPullRequest(String subject) {
        return parseFull(subject).pull;
    }

    /** The tags and whether a pull tag was present. */
    record Parsed(SubjectTags tags, boolean pull) {
    }

    static Parsed parseFull(String subject) {
        String s = subject == null ? "" : subject;
        Acc acc = new Acc();
        int len = s.length();
        int i = 0;
        boolean sawGroup = false;
        while (true) {
            i = skipSpace(s, i);
            if (i >= len) {
                break;
            }
            int r = replyPrefixEnd(s, i);
            if (r > 0) {
                acc.reply = true;
                i = r;
                continue;
            }
            if (s.charAt(i) == '[') {
                int close = s.indexOf(']', i + 1);
                if (close < 0) {
                    break;
                }
                acc.group(s.substring(i + 1, close));
                sawGroup = true;
                i = close + 1;
                continue;
            }
            if (sawGroup && s.charAt(i) == ':') {
                i++;
                continue;
            }
            break;
        }
        String title = s.substring(Math.min(i, len)).strip();
        SubjectTags tags = new SubjectTags(s, title, normalize(title), acc.reply, acc.patch, acc.rfc, acc.resend,
                acc.version, acc.versionMinor, acc.number, acc.total, acc.treeTags, acc.otherTags);
        return new Parsed(tags, acc.pull);
    }

    /** Lower case, runs of white space folded to one space, trimmed. */
    public static String normalize(String title) {
        StringBuilder b = new StringBuilder(title.length());
        boolean space = false;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index after a reply prefix at {@code i} (including its colon), or -1. */
    private static int replyPrefixEnd(String s, int i) {
        int len = s.length();
        int j = i;
        while (j < len && Lines.isAsciiLetter(s.charAt(j))) {
            j++;
        }
        int wordLen = j - i;
        if (wordLen < 2 || wordLen > 4) {
            return -1;
        }
        boolean known = false;
        for (String w : REPLY_WORDS) {
            if (w.length() == wordLen && s.regionMatches(true, i, w, 0, wordLen)) {
                known = true;
                break;
            }
        }
        if (!known) {
            return -1;
        }
        // optional counter: Re[2]: or Re(2):
        if (j < len && (s.charAt(j) == '[' || s.charAt(j) == '(')) {
            char closer = s.charAt(j) == '[' ? ']' : ')';
            int k = j + 1;
            while (k < len && Lines.isDigit(s.charAt(k))) {
                k++;
            }
            if (k > j + 1 && k < len && s.charAt(k) == closer) {
                j = k + 1;
            }
        }
        while (j < len && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        if (j < len && (s.charAt(j) == ':' || s.charAt(j) == '\uff1a')) {
            return j + 1;
        }
        return -1;
    }

    /** Accumulates what the groups say. */
    private static final class Acc {
        boolean reply;
        boolean patch;
        boolean rfc;
        boolean resend;
        boolean pull;
        boolean sawTagGroup;
        int version;
        int versionMinor;
        int number;
        int total;
        final List<String> treeTags = new ArrayList<>(2);
        final List<String> otherTags = new ArrayList<>(1);

        void group(String content) {
            List<String> tokens = tokens(content);
            if (tokens.isEmpty()) {
                return;
            }
            int n = tokens.size();
            // kinds: 0 unknown, 1 known, 2 pull word, 3 dropped ("of" of a mercurial counter, REQUEST)
            int[] kind = new int[n];
            boolean tagGroup = false;
            boolean groupPatch = false;
            boolean groupRfc = false;
            boolean groupResend = false;
            boolean groupPull = false;
            int gVersion = 0;
            int gMinor = 0;
            int gNumber = -1;
            int gTotal = 0;
            for (int t = 0; t < n; t++) {
                String tok = tokens.get(t);
                String up = tok.toUpperCase(Locale.ROOT);
                int slash = tok.indexOf('/');
                if (slash > 0) {
                    int a = Lines.parseDigits(tok, 0, slash);
                    int b = Lines.parseDigits(tok, slash + 1, tok.length());
                    if (a >= 0 && b >= 0) {
                        if (gNumber < 0) {
                            gNumber = a;
                            gTotal = b;
                        }
                        kind[t] = 1;
                        continue;
                    }
                }
                int digits = Lines.parseDigits(tok, 0, tok.length());
                if (digits >= 0 && t + 2 < n && tokens.get(t + 1).equalsIgnoreCase("of")) {
                    int b = Lines.parseDigits(tokens.get(t + 2), 0, tokens.get(t + 2).length());
                    if (b >= 0) {
                        if (gNumber < 0) {
                            gNumber = digits;
                            gTotal = b;
                        }
                        kind[t] = 1;
                        kind[t + 1] = 3;
                        kind[t + 2] = 3;
                        t += 2;
                        continue;
                    }
                }
                long v = versionToken(tok, 0);
                if (v >= 0) {
                    if ((int) (v >> 32) > gVersion) {
                        gVersion = (int) (v >> 32);
                        gMinor = (int) v;
                    }
                    kind[t] = 1;
                    continue;
                }
                String word = keyword(up);
                if (word != null) {
                    int rest = word.length();
                    long kv = -1;
                    if (rest < tok.length()) {
                        int from = tok.charAt(rest) == '-' ? rest + 1 : rest;
                        kv = versionToken(tok, from);
                        if (kv < 0 && from < tok.length()) {
                            // PATCH2: digits right after the word
                            int d = Lines.parseDigits(tok, from, tok.length());
                            kv = d >= 0 ? ((long) d) << 32 : -1;
                        }
                        if (kv < 0) {
                            word = null; // PATCHY, RFCs ...: not a keyword
                        }
                    }
                    if (word != null) {
                        if (kv >= 0 && (int) (kv >> 32) > gVersion) {
                            gVersion = (int) (kv >> 32);
                            gMinor = (int) kv;
                        }
                        switch (word) {
                            case "PATCHSET", "PATCHES", "PATCH" -> {
                                groupPatch = true;
                                kind[t] = 1;
                            }
                            case "RFC" -> {
                                groupRfc = true;
                                kind[t] = 1;
                            }
                            case "RESEND", "REPOST" -> {
                                groupResend = true;
                                kind[t] = 1;
                            }
                            default -> { // GIT, PULL
                                groupPull = true;
                                kind[t] = 2;
                            }
                        }
                        continue;
                    }
                }
                if (up.equals("REQUEST") && t > 0 && kind[t - 1] == 2) {
                    kind[t] = 2;
                }
            }
            for (int k : kind) {
                if (k != 0) {
                    tagGroup = true;
                    break;
                }
            }
            if (!tagGroup) {
                String whole = content.strip();
                if (sawTagGroup && n == 1 && isTreeWord(whole)) {
                    treeTags.add(whole);
                } else if (!whole.isEmpty()) {
                    otherTags.add(whole);
                }
                return;
            }
            sawTagGroup = true;
            StringBuilder pullWords = null;
            for (int t = 0; t < n; t++) {
                if (kind[t] == 0) {
                    treeTags.add(tokens.get(t));
                } else if (kind[t] == 2) {
                    if (pullWords == null) {
                        pullWords = new StringBuilder();
                    } else {
                        pullWords.append(' ');
                    }
                    pullWords.append(tokens.get(t));
                }
            }
            if (pullWords != null) {
                otherTags.add(pullWords.toString());
            }
            boolean counted = gNumber >= 0;
            patch |= groupPatch || groupRfc || groupPull || counted || gVersion > 0;
            rfc |= groupRfc;
            resend |= groupResend;
            pull |= groupPull;
            if (gVersion > version) {
                version = gVersion;
                versionMinor = gMinor;
            }
            if (counted && total == 0 && number == 0) {
                number = gNumber;
                total = gTotal;
            }
        }
    }

    /** The keyword a token starts with: PATCH, PATCHES, PATCHSET, RFC, RESEND, REPOST, GIT, PULL; else null. */
    private static String keyword(String up) {
        if (up.startsWith("PATCH")) {
            if (up.startsWith("PATCHSET")) {
                return "PATCHSET";
            }
            if (up.startsWith("PATCHES")) {
                return "PATCHES";
            }
            return "PATCH";
        }
        if (up.startsWith("RFC")) {
            return "RFC";
        }
        if (up.startsWith("RESEND")) {
            return "RESEND";
        }
        if (up.startsWith("REPOST")) {
            return "REPOST";
        }
        if (up.equals("GIT")) {
            return "GIT";
        }
        if (up.startsWith("PULL")) {
            return "PULL";
        }
        return null;
    }

    /**
     * Parses {@code vN} or {@code vN.M} spanning the token from {@code from} to its end: returns
     * {@code N << 32 | M}, or -1.
     */
    private static long versionToken(String tok, int from) {
        int len = tok.length();
        if (from >= len - 1) {
            return -1;
        }
        char c = tok.charAt(from);
        if (c != 'v' && c != 'V') {
            return -1;
        }
        int i = from + 1;
        int start = i;
        while (i < len && Lines.isDigit(tok.charAt(i))) {
            i++;
        }
        int major = Lines.parseDigits(tok, start, i);
        if (major < 0) {
            return -1;
        }
        int minor = 0;
        if (i < len) {
            if (tok.charAt(i) != '.') {
                return -1;
            }
            minor = Lines.parseDigits(tok, i + 1, len);
            if (minor < 0) {
                return -1;
            }
        }
        return ((long) major << 32) | minor;
    }

    private static boolean isTreeWord(String w) {
        if (w.isEmpty() || w.length() > 40) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || Lines.isDigit(c) || c == '-' || c == '.' || c == '_' || c == '/'
                    || c == '+';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tokens(String content) {
        List<String> out = new ArrayList<>(6);
        int len = content.length();
        int i = 0;
        while (i < len) {
            while (i < len && isSep(content.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !isSep(content.charAt(i))) {
                i++;
            }
            if (i > start) {
                int end = i;
                while (end > start && content.charAt(end - 1) == ':') {
                    end--;
                }
                if (end > start) {
                    out.add(content.substring(start, end));
                }
            }
        }
        return out;
    }

    private static boolean isSep(char c) {
        return c == ',' || Character.isWhitespace(c);
    }
}
