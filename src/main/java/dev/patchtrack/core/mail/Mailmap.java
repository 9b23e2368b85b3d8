package dev.patchtrack.core.mail;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Identities merged the way git's {@code .mailmap} merges them: one person writing from several addresses
 * (or under several spellings of a name) is shown under one proper name and address. The four forms:
 * <pre>
 * Proper Name &lt;commit@email&gt;
 * &lt;proper@email&gt; &lt;commit@email&gt;
 * Proper Name &lt;proper@email&gt; &lt;commit@email&gt;
 * Proper Name &lt;proper@email&gt; Commit Name &lt;commit@email&gt;
 * </pre>
 * Addresses match case-insensitively; a rule with a commit name matches only that name (case-insensitive),
 * and wins over a rule for the address alone. {@code #} starts a comment. Lines that fit no form are
 * listed in {@link #problems()}. Immutable and thread-safe once built.
 */
public final class Mailmap {

    public static final Mailmap EMPTY = new Mailmap(Map.of(), List.of());

    private record Proper(String name, String email) {
    }

    /** Keyed by commit email (lower case), then "" for any name or the lower-cased commit name. */
    private final Map<String, Map<String, Proper>> rules;
    private final List<Problem> problems;

    private Mailmap(Map<String, Map<String, Proper>> rules, List<Problem> problems) {
        this.rules = rules;
        this.problems = List.copyOf(problems);
    }

    /** Parses mailmap text; never throws. */
    public static Mailmap parse(String text) {
        Map<String, Map<String, Proper>> rules = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (text == null) {
            return EMPTY;
        }
        int lineNo = 0;
        for (String raw : text.split("\r?\n")) {
            lineNo++;
            String line = raw;
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> names = new ArrayList<>(2);
            List<String> emails = new ArrayList<>(2);
            int i = 0;
            boolean ok = true;
            while (i < line.length() && ok) {
                int open = line.indexOf('<', i);
                if (open < 0) {
                    ok = line.substring(i).isBlank();
                    break;
                }
                int close = line.indexOf('>', open);
                if (close < 0) {
                    ok = false;
                    break;
                }
                names.add(line.substring(i, open).strip());
                emails.add(line.substring(open + 1, close).strip());
                i = close + 1;
            }
            if (!ok || emails.isEmpty() || emails.size() > 2 || emails.get(0).isEmpty()) {
                problems.add(Problem.of(Problem.Code.RULE_MALFORMED, "mailmap line " + lineNo + " not understood: " + raw.strip()));
                continue;
            }
            String properName = names.get(0).isEmpty() ? null : names.get(0);
            if (emails.size() == 1) {
                rules.computeIfAbsent(emails.get(0).toLowerCase(Locale.ROOT), k -> new HashMap<>())
                        .put("", new Proper(properName, null));
            } else {
                String commitName = names.get(1).isEmpty() ? "" : names.get(1).toLowerCase(Locale.ROOT);
                rules.computeIfAbsent(emails.get(1).toLowerCase(Locale.ROOT), k -> new HashMap<>())
                        .put(commitName, new Proper(properName, emails.get(0)));
            }
        }
        return new Mailmap(rules, problems);
    }

    /** The address as the mailmap names it; the same address when no rule applies. */
    public Address map(Address a) {
        if (a == null || rules.isEmpty()) {
            return a;
        }
        Map<String, Proper> byName = rules.get(a.key());
        if (byName == null) {
            return a;
        }
        Proper p = a.name() == null ? null : byName.get(a.name().toLowerCase(Locale.ROOT));
        if (p == null) {
            p = byName.get("");
        }
        if (p == null) {
            return a;
        }
        return new Address(p.name() != null ? p.name() : a.name(), p.email() != null ? p.email() : a.email());
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public List<Problem> problems() {
        return problems;
    }
}
