package dev.patchtrack.core.mail;

import dev.patchtrack.core.model.Address;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.Problem.Code;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Reads the first mailbox of a From-like header: {@code Name <addr>}, {@code "Last, First" <addr>},
 * {@code addr (Name)} or a bare {@code addr}. Encoded-words in the name are decoded. Whatever cannot be
 * read is kept as the address, with a problem.
 */
final class AddressParser {

    private AddressParser() {
    }

    static Address parse(String value, String where, List<Problem> problems) {
        String v = value.strip();
        if (v.isEmpty()) {
            problems.add(Problem.of(Code.FROM_INVALID, where + " header empty"));
            return new Address(null, "");
        }
        v = firstMailbox(v);
        int lt = angleStart(v);
        String name;
        String email;
        if (lt >= 0) {
            int gt = v.indexOf('>', lt + 1);
            email = v.substring(lt + 1, gt).strip();
            String before = v.substring(0, lt);
            String after = v.substring(gt + 1).strip();
            name = before.strip();
            if (name.isEmpty() && after.startsWith("(")) {
                name = comment(after);
            }
            name = cleanName(name);
            email = stripRoute(removeWhitespace(email));
        } else {
            int paren = indexOutsideQuotes(v, '(');
            if (paren >= 0) {
                name = cleanName(comment(v.substring(paren)));
                email = removeWhitespace(v.substring(0, paren).strip());
            } else {
                name = null;
                email = v;
            }
        }
        if (name != null) {
            name = EncodedWords.decode(name, where, problems);
        }
        if (email.isEmpty() || email.indexOf('@') < 0 || email.indexOf(' ') >= 0) {
            if (email.isEmpty()) {
                email = v;
                name = null;
            }
            problems.add(Problem.of(Code.FROM_INVALID,
                    where + " header \"" + Text.clip(value.strip(), 80) + "\" has no readable address"));
        }
        if (email.length() > 320) {
            problems.add(Problem.of(Code.CUT, where + " address longer than 320 characters, cut"));
            email = email.substring(0, 320);
        }
        if (name != null && name.length() > 320) {
            problems.add(Problem.of(Code.CUT, where + " name longer than 320 characters, cut"));
            name = name.substring(0, 320);
        }
        return new Address(name, email);
    }

    /** The first of several comma-separated mailboxes, but only when more than one holds an '@'. */
    private static String firstMailbox(String v) {
        int at = v.indexOf('@');
        if (at < 0 || v.indexOf('@', at + 1) < 0) {
            return v;
        }
        int[] depth = new int[2]; // angle brackets, parentheses
        int comma = unquoted(v, v.length(), i -> {
            char c = v.charAt(i);
            switch (c) {
                case '<' -> depth[0]++;
                case '>' -> depth[0] = Math.max(0, depth[0] - 1);
                case '(' -> depth[1]++;
                case ')' -> depth[1] = Math.max(0, depth[1] - 1);
                default -> {
                    return c == ',' && depth[0] == 0 && depth[1] == 0 && v.substring(0, i).indexOf('@') >= 0;
                }
            }
            return false;
        });
        return comma < 0 ? v : v.substring(0, comma).strip();
    }

    /** The last '<' outside quotes that has a '>' after it, or -1. */
    private static int angleStart(String v) {
        int lastGt = v.lastIndexOf('>');
        int[] found = {-1};
        int end = unquoted(v, lastGt, i -> {
            if (v.charAt(i) == '<') {
                found[0] = i;
            }
            return false;
        });
        if (found[0] < 0 && end == OPEN_QUOTE) { // unbalanced quote: retry ignoring quotes
            int lt = lastGt < 0 ? -1 : v.lastIndexOf('<', lastGt);
            if (lt >= 0) {
                return lt;
            }
        }
        return found[0];
    }

    private static int indexOutsideQuotes(String v, char target) {
        int i = unquoted(v, v.length(), at -> v.charAt(at) == target);
        return i < 0 ? -1 : i;
    }

    /** What {@link #unquoted} answers when nothing was found and a quoted string is still open at the end. */
    private static final int OPEN_QUOTE = -2;

    /**
     * Offers {@code at} each index below {@code end} that lies outside a quoted string (a backslash inside
     * quotes escapes the next character) and answers the first it accepts; else -1, or {@link #OPEN_QUOTE}
     * when a quote is left open.
     */
    private static int unquoted(String v, int end, IntPredicate at) {
        boolean quoted = false;
        for (int i = 0; i < end; i++) {
            char c = v.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && at.test(i)) {
                return i;
            }
        }
        return quoted ? OPEN_QUOTE : -1;
    }

    private static String comment(String s) {
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        if (open < 0) {
            return s;
        }
        return close > open ? s.substring(open + 1, close) : s.substring(open + 1);
    }

    /** Drops surrounding quotes and backslash escapes. */
    private static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        if (n.indexOf('"') < 0 && n.indexOf('\\') < 0) {
            return n;
        }
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '\\' && i + 1 < n.length()) {
                sb.append(n.charAt(++i));
            } else if (c != '"') {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    private static String removeWhitespace(String s) {
        boolean ws = false;
        for (int i = 0; i < s.length() && !ws; i++) {
            ws = Character.isWhitespace(s.charAt(i));
        }
        if (!ws) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Obsolete source routes: {@code <@relay:user@host>}. */
    private static String stripRoute(String email) {
        if (email.startsWith("@")) {
            int colon = email.indexOf(':');
            if (colon > 0) {
                return email.substring(colon + 1);
            }
        }
        return email;
    }
}
