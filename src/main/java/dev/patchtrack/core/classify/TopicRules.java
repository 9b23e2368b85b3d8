package dev.patchtrack.core.classify;

import dev.patchtrack.core.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The topic rules, read from text an operator can edit. One rule per line:
 * {@code <topic> <signal> <pattern>}, where the signal is {@code path}, {@code subject},
 * {@code list} or {@code keyword}; {@code #} starts a comment. A named group ({@code {arch}} in a
 * glob, {@code (?<arch>...)} in a subject expression) gives the label a detail: the text it matched. A line that cannot be read is named
 * in {@link #problems()} and skipped; the rest still apply.
 */
public final class TopicRules {

    /** The topic whose rules say whether work is Rust at all. */
    public static final String GATE = "rust";

    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final List<Compiled> rules;
    private final List<Problem> problems;

    private TopicRules(List<Compiled> rules, List<Problem> problems) {
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
    }

    /** A named group, {@code (?<arch>...)} in a regular expression or {@code {arch}} in a glob. */
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    /**
     * One rule made ready to match.
     *
     * @param group the name of the first named group, whose text becomes the label's detail
     *              (the architecture of {@code arch/{arch}/**}), or null
     */
    record Compiled(TopicRule rule, Pattern regex, int specificity, String group) {

        /** The detail a match gives: the named group's text, lower case, without dashes ({@code RISC-V} is {@code riscv}). */
        String detail(java.util.regex.Matcher m) {
            if (group == null) {
                return null;
            }
            String v = m.group(group);
            return v == null || v.isEmpty() ? null : v.toLowerCase(Locale.ROOT).replace("-", "");
        }
    }

    public static TopicRules parse(String text, String name) {
        List<Compiled> rules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String origin = name + ":" + (i + 1);
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) {
                problems.add(Problem.of(Problem.Code.RULE_MALFORMED, origin + ": expected <topic> <signal> <pattern>"));
                continue;
            }
            if (!TOPIC.matcher(parts[0]).matches()) {
                problems.add(Problem.of(Problem.Code.RULE_MALFORMED, origin + ": not a topic name: " + parts[0]));
                continue;
            }
            TopicRule.Signal signal;
            try {
                signal = TopicRule.Signal.valueOf(parts[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of(Problem.Code.RULE_MALFORMED, origin + ": unknown signal " + parts[1] + " (path, subject, list or keyword)"));
                continue;
            }
            TopicRule rule = new TopicRule(parts[0], signal, parts[2].strip(), origin);
            try {
                rules.add(compile(rule));
            } catch (PatternSyntaxException e) {
                problems.add(Problem.of(Problem.Code.RULE_PATTERN, origin + ": bad pattern: " + e.getDescription()));
            }
        }
        return new TopicRules(rules, problems);
    }

    private static Compiled compile(TopicRule rule) {
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        Pattern regex = switch (rule.signal()) {
            case PATH -> Pattern.compile(globToRegex(rule.pattern()));
            case SUBJECT -> Pattern.compile(rule.pattern(), flags);
            case LIST -> Pattern.compile(Pattern.quote(rule.pattern()), flags);
            case KEYWORD -> Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(rule.pattern()) + "(?![\\p{L}\\p{N}_])", flags);
        };
        java.util.regex.Matcher name = GROUP_NAME.matcher(regex.pattern());
        return new Compiled(rule, regex, rule.signal() == TopicRule.Signal.PATH ? literalLength(rule.pattern()) : 0,
                name.find() ? name.group(1) : null);
    }

    /**
     * {@code **} matches across directories, {@code *} and {@code ?} within one, {@code {name}} one
     * directory or file name that becomes the label's detail; the rest is literal.
     */
    static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '{' ? glob.indexOf('}', i) : -1;
            if (close > i + 1 && glob.substring(i + 1, close).matches("[a-zA-Z][a-zA-Z0-9]*")) {
                re.append("(?<").append(glob, i + 1, close).append(">[^/]+)");
                i = close;
            } else if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        re.append("(?:.*/)?");
                    } else {
                        re.append(".*");
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    private static int literalLength(String glob) {
        String literal = glob.replaceAll("\\{[a-zA-Z][a-zA-Z0-9]*}", "");
        int n = 0;
        for (int i = 0; i < literal.length(); i++) {
            if (literal.charAt(i) != '*' && literal.charAt(i) != '?') {
                n++;
            }
        }
        return n;
    }

    List<Compiled> compiled() {
        return rules;
    }

    public List<TopicRule> rules() {
        return rules.stream().map(Compiled::rule).toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
