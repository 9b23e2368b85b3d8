package dev.patchtrack.core.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * lore's search words, as public-inbox reads them: {@code s:} subject, {@code f:} from, {@code b:}
 * body, {@code bs:} subject or body, {@code dfn:} a file name in the diff, {@code dfa:} and {@code dfb:}
 * removed and added diff lines, {@code m:} (or {@code mid:}) a Message-ID, {@code patchid:} the diff's
 * {@code git patch-id --stable}, {@code d:} a date range
 * ({@link Approxidate#range}); words combine with {@code AND} (also implied between words), {@code OR},
 * {@code NOT} (or a leading {@code -}) and parentheses, and {@code "quotes"} keep a phrase together,
 * after a prefix too ({@code s:"rust: nvme"}).
 *
 * <p>Plain words keep the meaning {@code q} always had: a query with no prefix, operator, quote or
 * parenthesis is one {@link Field#TEXT} term, the whole text. Problems are data: {@link Parsed#problem}.
 */
public final class SearchQuery {

    /** What a term looks in. */
    public enum Field {
        /** no prefix: what {@code q} always searched (subjects, authors, and the words of the mail) */
        TEXT("", "plain words"),
        SUBJECT("s", "subject"),
        FROM("f", "from"),
        BODY("b", "body"),
        SUBJECT_OR_BODY("bs", "subject or body"),
        DIFF_FILE("dfn", "file name in the diff"),
        DIFF_REMOVED("dfa", "removed diff line"),
        DIFF_ADDED("dfb", "added diff line"),
        MESSAGE_ID("m", "Message-ID"),
        /** {@code git patch-id --stable} of the diff, as public-inbox's {@code patchid:} */
        PATCH_ID("patchid", "patch-id");

        public final String prefix;
        public final String meaning;

        Field(String prefix, String meaning) {
            this.prefix = prefix;
            this.meaning = meaning;
        }
    }

    /** A parsed query. */
    public sealed interface Node permits Term, Dates, And, Or, Not {
    }

    /** Text in a field: a word or a phrase, compared case-insensitively as a part of the field. */
    public record Term(Field field, String text) implements Node {
    }

    /** Posted within a range ({@code d:}); a null end is open. */
    public record Dates(Instant from, Instant to) implements Node {
    }

    public record And(List<Node> all) implements Node {
    }

    public record Or(List<Node> any) implements Node {
    }

    public record Not(Node node) implements Node {
    }

    /** The query, or why there is none. */
    public record Parsed(Node node, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    private static final Map<String, Field> PREFIXES = new LinkedHashMap<>();

    static {
        for (Field f : Field.values()) {
            if (!f.prefix.isEmpty()) {
                PREFIXES.put(f.prefix, f);
            }
        }
        PREFIXES.put("mid", Field.MESSAGE_ID);
    }

    /** public-inbox's other prefixes: known words, but nothing here to search them in. */
    private static final Set<String> OTHER_PREFIXES = Set.of("nq", "q", "n", "t", "c", "a", "tc", "l", "dfhh", "dfctx",
            "dfpre", "dfpost", "dfblob", "rt", "z", "g", "k", "x");

    /** The prefixes understood, as a problem names them. */
    public static final String SUPPORTED = "s: (subject), f: (from), b: (body), bs: (subject or body), dfn: (diff file"
            + " name), dfa: (removed lines), dfb: (added lines), m: or mid: (Message-ID), patchid: (git patch-id"
            + " --stable), d: (date range), with AND, OR,"
            + " NOT, -word, parentheses and \"quotes\"";

    private static final int MAX_TERMS = 32;

    private SearchQuery() {
    }

    /** Parses {@code q}; relative dates in {@code d:} count back from {@code now}. */
    public static Parsed parse(String q, Instant now) {
        if (q == null || q.isBlank()) {
            return new Parsed(null, "the query is empty");
        }
        List<Token> tokens;
        try {
            tokens = tokens(q.strip());
        } catch (Problem p) {
            return new Parsed(null, p.getMessage());
        }
        if (!structured(tokens)) {
            return new Parsed(new Term(Field.TEXT, q.strip()), null);
        }
        // among search words, -word leaves out what has the word
        tokens.replaceAll(t -> t.kind == Kind.WORD && t.prefix.isEmpty() && !t.quoted && !t.negated
                && t.text.length() > 1 && t.text.startsWith("-") ? new Token(Kind.WORD, "", t.text.substring(1), false, true) : t);
        Parser parser = new Parser(tokens, now);
        try {
            Node n = parser.or();
            if (parser.pos < tokens.size()) {
                Token t = tokens.get(parser.pos);
                throw new Problem(t.kind == Kind.CLOSE ? "a ')' without its '('" : "unexpected '" + t.text + "'");
            }
            if (parser.terms > MAX_TERMS) {
                throw new Problem("the query has more than " + MAX_TERMS + " terms");
            }
            return new Parsed(n, null);
        } catch (Problem p) {
            return new Parsed(null, p.getMessage());
        }
    }

    private enum Kind { WORD, AND, OR, NOT, OPEN, CLOSE }

    /** A token: a word with its prefix (empty for none), whether it was quoted, and a leading '-'. */
    private record Token(Kind kind, String prefix, String text, boolean quoted, boolean negated) {
    }

    private static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private static boolean structured(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.kind != Kind.WORD || !t.prefix.isEmpty() || t.quoted) {
                return true;
            }
        }
        return false;
    }

    private static List<Token> tokens(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = q.length();
        int depth = 0;
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '(') {
                out.add(new Token(Kind.OPEN, "", "(", false, false));
                depth++;
                i++;
                continue;
            }
            if (c == ')' && depth > 0) {
                out.add(new Token(Kind.CLOSE, "", ")", false, false));
                depth--;
                i++;
                continue;
            }
            boolean negated = false;
            if ((c == '-' || c == '+') && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
                int look = i + 1;
                String after = q.substring(look);
                if (after.startsWith("\"") || prefixAt(after) != null) {
                    negated = c == '-';
                    i = look;
                }
            }
            String prefix = "";
            String p = prefixAt(q.substring(i));
            if (p != null) {
                prefix = p;
                i += p.length() + 1;
            }
            if (i < n && q.charAt(i) == '"') {
                int end = q.indexOf('"', i + 1);
                String phrase = end < 0 ? q.substring(i + 1) : q.substring(i + 1, end);
                i = end < 0 ? n : end + 1;
                if (phrase.isBlank()) {
                    throw new Problem("empty quotes" + (prefix.isEmpty() ? "" : " after " + prefix + ":"));
                }
                out.add(new Token(Kind.WORD, prefix, phrase.strip(), true, negated));
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(q.charAt(i)) && !(q.charAt(i) == ')' && depth > 0
                    && closesHere(q, i))) {
                i++;
            }
            String word = q.substring(start, i);
            if (prefix.isEmpty() && !negated) {
                switch (word) {
                    case "AND" -> {
                        out.add(new Token(Kind.AND, "", word, false, false));
                        continue;
                    }
                    case "OR" -> {
                        out.add(new Token(Kind.OR, "", word, false, false));
                        continue;
                    }
                    case "NOT" -> {
                        out.add(new Token(Kind.NOT, "", word, false, false));
                        continue;
                    }
                    default -> {
                    }
                }
            }
            if (word.isEmpty()) {
                throw new Problem(prefix + ": needs something to look for");
            }
            out.add(new Token(Kind.WORD, prefix, word, false, negated));
        }
        return out;
    }

    /** A ')' ends a word when only closing parentheses and white space follow it up to the next word. */
    private static boolean closesHere(String q, int i) {
        int j = i;
        while (j < q.length() && q.charAt(j) == ')') {
            j++;
        }
        return j == q.length() || Character.isWhitespace(q.charAt(j));
    }

    /**
     * The public-inbox prefix at the start of {@code s} ({@code dfn} of {@code dfn:rust/}), or null.
     * A prefix is glued to what it looks for; an unknown public-inbox prefix is a problem.
     */
    private static String prefixAt(String s) {
        int colon = s.indexOf(':');
        if (colon <= 0 || colon + 1 >= s.length() || Character.isWhitespace(s.charAt(colon + 1))) {
            return null;
        }
        String name = s.substring(0, colon);
        if (PREFIXES.containsKey(name) || name.equals("d")) {
            return name;
        }
        if (OTHER_PREFIXES.contains(name)) {
            throw new Problem("the search prefix " + name + ": is not supported here; supported: " + SUPPORTED);
        }
        return null;
    }

    /** Recursive descent: OR binds loosest, then AND (written or implied), then NOT. */
    private static final class Parser {
        final List<Token> tokens;
        final Instant now;
        int pos;
        int terms;

        Parser(List<Token> tokens, Instant now) {
            this.tokens = tokens;
            this.now = now;
        }

        Node or() {
            List<Node> any = new ArrayList<>(List.of(and()));
            while (peek(Kind.OR)) {
                pos++;
                any.add(and());
            }
            return any.size() == 1 ? any.get(0) : new Or(any);
        }

        Node and() {
            List<Node> all = new ArrayList<>(List.of(unary()));
            while (pos < tokens.size() && !peek(Kind.OR) && !peek(Kind.CLOSE)) {
                if (peek(Kind.AND)) {
                    pos++;
                }
                all.add(unary());
            }
            return all.size() == 1 ? all.get(0) : new And(all);
        }

        Node unary() {
            if (pos >= tokens.size()) {
                throw new Problem(pos == 0 ? "the query is empty" : "'" + tokens.get(pos - 1).text + "' needs something after it");
            }
            Token t = tokens.get(pos);
            switch (t.kind) {
                case NOT -> {
                    pos++;
                    return new Not(unary());
                }
                case OPEN -> {
                    pos++;
                    Node inner = or();
                    if (!peek(Kind.CLOSE)) {
                        throw new Problem("a '(' without its ')'");
                    }
                    pos++;
                    return inner;
                }
                case WORD -> {
                    pos++;
                    terms++;
                    Node term = term(t);
                    return t.negated ? new Not(term) : term;
                }
                default -> throw new Problem("'" + t.text + "' needs something " + (pos == 0 ? "before" : "after") + " it");
            }
        }

        Node term(Token t) {
            if (t.prefix.equals("d")) {
                Approxidate.Range r = Approxidate.range(t.text, now);
                if (!r.ok()) {
                    throw new Problem("d:" + t.text + ": " + r.problem());
                }
                return new Dates(r.from(), r.to());
            }
            Field f = t.prefix.isEmpty() ? Field.TEXT : PREFIXES.get(t.prefix);
            String text = f == Field.MESSAGE_ID ? messageId(t.text)
                    : f == Field.PATCH_ID ? t.text.toLowerCase(java.util.Locale.ROOT) : t.text;
            if (text.isEmpty()) {
                throw new Problem(t.prefix + ": needs something to look for");
            }
            return new Term(f, text);
        }

        boolean peek(Kind k) {
            return pos < tokens.size() && tokens.get(pos).kind == k;
        }
    }

    /** A Message-ID as pasted, without angle brackets. */
    static String messageId(String v) {
        String s = v.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** {@code s:"rust: nvme" AND NOT f:bot}: a node written back as a query, for messages and logs. */
    public static String describe(Node n) {
        if (n instanceof Term t) {
            return (t.field() == Field.TEXT ? "" : t.field().prefix + ":") + quoteIfNeeded(t.text());
        }
        if (n instanceof Dates d) {
            return "d:" + (d.from() == null ? "" : d.from()) + ".." + (d.to() == null ? "" : d.to());
        }
        if (n instanceof And a) {
            return "(" + String.join(" AND ", a.all().stream().map(SearchQuery::describe).toList()) + ")";
        }
        if (n instanceof Or o) {
            return "(" + String.join(" OR ", o.any().stream().map(SearchQuery::describe).toList()) + ")";
        }
        return "NOT " + describe(((Not) n).node());
    }

    private static String quoteIfNeeded(String s) {
        return s.chars().anyMatch(Character::isWhitespace) ? "\"" + s + "\"" : s;
    }
}
