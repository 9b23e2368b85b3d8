package dev.patchtrack.core.review;

import dev.patchtrack.core.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules that turn a bot's reply on the lists into a CI check, read from text an operator can edit
 * (like the topic rules). One rule per line: {@code <context> <kind> <pattern>}, {@code #} starts a
 * comment. The kinds: {@code from} names the bot (a regular expression over its From address);
 * {@code pending}, {@code success}, {@code warning} and {@code fail} give the check's state when a line
 * of the bot's own text matches (quoted lines skipped; the first rule in file order wins); {@code url}
 * takes the check's target URL from the first group of the first matching line; {@code detail} adds the
 * first group of each matching line to the description. A line that cannot be read is named in
 * {@link #problems()} and skipped.
 */
public final class CheckRules {

    /** Patchwork's check states, worst first. */
    public static final List<String> STATES = List.of("fail", "warning", "pending", "success");

    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_.-]{1,255}");

    /** One rule made ready to match. */
    record Rule(String context, String kind, Pattern regex, String origin) {
    }

    private final List<Rule> rules;
    private final List<Problem> problems;

    private CheckRules(List<Rule> rules, List<Problem> problems) {
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
    }

    public static CheckRules parse(String text, String name) {
        List<Rule> rules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf(" #");
            line = (line.startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line).strip();
            if (line.isEmpty()) {
                continue;
            }
            String origin = name + ":" + (i + 1);
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) {
                problems.add(Problem.of(Problem.Code.RULE_MALFORMED, origin + ": expected <context> <kind> <pattern>"));
                continue;
            }
            if (!CONTEXT.matcher(parts[0]).matches()) {
                problems.add(Problem.of(Problem.Code.RULE_MALFORMED, origin + ": not a context (letters, digits, '-', '_', '.'): " + parts[0]));
                continue;
            }
            String kind = parts[1].toLowerCase(Locale.ROOT);
            if (!STATES.contains(kind) && !List.of("from", "url", "detail").contains(kind)) {
                problems.add(Problem.of(Problem.Code.RULE_MALFORMED, origin + ": unknown kind " + parts[1]
                        + " (from, pending, success, warning, fail, url or detail)"));
                continue;
            }
            try {
                rules.add(new Rule(parts[0], kind, Pattern.compile(parts[2].strip(),
                        kind.equals("from") ? Pattern.CASE_INSENSITIVE : 0), origin));
            } catch (PatternSyntaxException e) {
                problems.add(Problem.of(Problem.Code.RULE_PATTERN, origin + ": bad pattern: " + e.getDescription()));
            }
        }
        return new CheckRules(rules, problems);
    }

    /** The context of the bot that writes from this address, or null when no bot does. */
    public String botOf(String address) {
        if (address == null || address.isEmpty()) {
            return null;
        }
        for (Rule r : rules) {
            if (r.kind().equals("from") && r.regex().matcher(address).find()) {
                return r.context();
            }
        }
        return null;
    }

    List<Rule> of(String context) {
        return rules.stream().filter(r -> r.context().equals(context)).toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
