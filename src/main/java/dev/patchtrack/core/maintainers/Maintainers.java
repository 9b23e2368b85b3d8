package dev.patchtrack.core.maintainers;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The kernel's {@code MAINTAINERS} file, read and matched as {@code scripts/get_maintainer.pl} does it:
 * a section lists the people of the files its {@code F:} patterns match (a trailing {@code /} reaches
 * everything below; without one the pattern matches only at its own directory depth; {@code *} and
 * {@code ?} are globs), its {@code N:} regexes match file names, its {@code X:} patterns take files back
 * out, and its {@code K:} regexes match the lines of the patch itself. {@code M:} names maintainers,
 * {@code R:} reviewers; the other fields are not needed here. Lines it cannot read are kept as problems.
 */
public final class Maintainers {

    /** What a listed person is in the section that lists them. */
    public enum Role {
        MAINTAINER, REVIEWER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A person a patch's paths or words lead to.
     *
     * @param section the section that lists them (the first one, by order in the file, in their strongest role)
     */
    public record Listed(String name, String address, Role role, String section) {

        /** The case-folded address that recognises the person. */
        public String key() {
            return address.toLowerCase(Locale.ROOT);
        }
    }

    /** One section: its name, people and rules. */
    public record Section(String name, List<Address> maintainers, List<Address> reviewers, List<String> files,
                          List<String> excludes, List<String> fileRegexes, List<String> keywords) {
    }

    private record Rules(Section section, List<Pattern> files, List<Pattern> excludes, List<Pattern> names,
                         List<Pattern> keywords) {
    }

    private static final Pattern FIELD = Pattern.compile("^([A-Z]):\\s*(.*?)\\s*$");

    private final List<Rules> rules;
    private final List<Problem> problems;

    private Maintainers(List<Rules> rules, List<Problem> problems) {
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads a MAINTAINERS text. A section starts at a line that is not a field and not indented; its
     * fields are the {@code X: value} lines that follow. The preamble's indented lines are skipped.
     *
     * @param isDirectory whether a path is a directory of the tree the file comes from: an {@code F:}
     *                    pattern naming one without its trailing slash gets it, as get_maintainer.pl does
     */
    public static Maintainers parse(String text, Predicate<String> isDirectory) {
        List<Problem> problems = new ArrayList<>();
        List<Rules> out = new ArrayList<>();
        Draft d = null;
        int n = 0;
        for (String line : text.split("\r?\n", -1)) {
            n++;
            var f = FIELD.matcher(line);
            if (f.matches()) {
                if (d != null) {
                    d.add(f.group(1).charAt(0), f.group(2), n, isDirectory, problems);
                }
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                if (d != null) {
                    out.add(d.rules());
                }
                d = new Draft(line.strip());
            }
        }
        if (d != null) {
            out.add(d.rules());
        }
        out.removeIf(r -> r.section().maintainers().isEmpty() && r.section().reviewers().isEmpty()
                && r.files().isEmpty() && r.names().isEmpty() && r.keywords().isEmpty());
        return new Maintainers(out, problems);
    }

    public List<Section> sections() {
        return rules.stream().map(Rules::section).toList();
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The sections whose {@code F:} or {@code N:} rules take the file and whose {@code X:} rules do not drop it. */
    public List<Section> sectionsOf(String file) {
        return rules.stream().filter(r -> matchesFile(r, file)).map(Rules::section).toList();
    }

    /**
     * The people of the sections a patch reaches: through its files, or through its {@code K:}
     * keywords on the lines of {@code content} (the patch as mailed: message and diff). One entry a
     * person, a maintainer role beating a reviewer one, in the order of the file.
     */
    public List<Listed> listed(Collection<String> files, String content) {
        List<String> lines = content == null || content.isEmpty() ? List.of() : List.of(content.split("\r?\n"));
        Map<String, Listed> out = new LinkedHashMap<>();
        for (Rules r : rules) {
            boolean hit = files.stream().anyMatch(file -> matchesFile(r, file))
                    || !r.keywords().isEmpty() && lines.stream().anyMatch(l -> r.keywords().stream().anyMatch(k -> k.matcher(l).find()));
            if (!hit) {
                continue;
            }
            for (Address a : r.section().maintainers()) {
                add(out, new Listed(a.name(), a.email(), Role.MAINTAINER, r.section().name()));
            }
            for (Address a : r.section().reviewers()) {
                add(out, new Listed(a.name(), a.email(), Role.REVIEWER, r.section().name()));
            }
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, Listed> out, Listed l) {
        Listed had = out.get(l.key());
        if (had == null || had.role() == Role.REVIEWER && l.role() == Role.MAINTAINER) {
            out.put(l.key(), l);
        }
    }

    private static boolean matchesFile(Rules r, String file) {
        if (r.excludes().stream().anyMatch(x -> globMatches(x, file))) {
            return false;
        }
        return r.files().stream().anyMatch(p -> globMatches(p, file)) || r.names().stream().anyMatch(p -> p.matcher(file).find());
    }

    /**
     * get_maintainer.pl's {@code file_match_pattern}: the pattern matches at the start of the path; one
     * that ends in {@code /} takes everything below, any other only paths with as many slashes as it has.
     */
    private static boolean globMatches(Pattern p, String file) {
        if (!p.matcher(file).lookingAt()) {
            return false;
        }
        String src = p.pattern();
        return src.endsWith("/") || slashes(file) == slashes(src);
    }

    private static int slashes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    /** A glob as get_maintainer.pl turns it into a regex: {@code .} literal, {@code *} any run, {@code ?} one character. */
    static Pattern glob(String value) {
        StringBuilder b = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                case '\\', '.', '+', '(', ')', '{', '}', '^', '$', '|', '[', ']' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return Pattern.compile(b.toString());
    }

    /** A section being read. */
    private static final class Draft {
        final String name;
        final List<Address> maintainers = new ArrayList<>();
        final List<Address> reviewers = new ArrayList<>();
        final List<String> files = new ArrayList<>();
        final List<String> excludes = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> keywords = new ArrayList<>();
        final List<Pattern> filePatterns = new ArrayList<>();
        final List<Pattern> excludePatterns = new ArrayList<>();
        final List<Pattern> namePatterns = new ArrayList<>();
        final List<Pattern> keywordPatterns = new ArrayList<>();

        Draft(String name) {
            this.name = name;
        }

        void add(char type, String value, int line, Predicate<String> isDirectory, List<Problem> problems) {
            if (value.isEmpty()) {
                return;
            }
            switch (type) {
                case 'M', 'R' -> {
                    Address a = person(value);
                    if (a == null) {
                        problems.add(Problem.of(Problem.Code.RULE_MALFORMED, "line " + line + ": " + type + ": no address in \"" + value + "\""));
                    } else {
                        (type == 'M' ? maintainers : reviewers).add(a);
                    }
                }
                case 'F', 'X' -> {
                    String v = !value.endsWith("/") && !value.contains("*") && !value.contains("?") && isDirectory.test(value)
                            ? value + "/" : value;
                    (type == 'F' ? files : excludes).add(v);
                    (type == 'F' ? filePatterns : excludePatterns).add(glob(v));
                }
                case 'N', 'K' -> {
                    try {
                        // get_maintainer.pl matches these with Perl's /x: whitespace in them is not matched
                        Pattern p = Pattern.compile(value, Pattern.COMMENTS);
                        (type == 'N' ? names : keywords).add(value);
                        (type == 'N' ? namePatterns : keywordPatterns).add(p);
                    } catch (PatternSyntaxException e) {
                        problems.add(Problem.of(Problem.Code.RULE_PATTERN, "line " + line + ": " + type + ": not a regex: " + value));
                    }
                }
                default -> {
                    // L:, S:, T:, W:, Q:, B:, C:, P: say where to send and how the section works
                }
            }
        }

        Rules rules() {
            return new Rules(new Section(name, List.copyOf(maintainers), List.copyOf(reviewers), List.copyOf(files),
                    List.copyOf(excludes), List.copyOf(names), List.copyOf(keywords)), List.copyOf(filePatterns),
                    List.copyOf(excludePatterns), List.copyOf(namePatterns), List.copyOf(keywordPatterns));
        }

        /** {@code Name <address>} or a bare address; null when there is no address. */
        private static Address person(String value) {
            int lt = value.lastIndexOf('<');
            int gt = value.lastIndexOf('>');
            String email;
            String name;
            if (lt >= 0 && gt > lt) {
                email = value.substring(lt + 1, gt).strip();
                name = value.substring(0, lt).strip().replaceAll("^\"|\"$", "");
            } else {
                email = value.strip();
                name = null;
            }
            return email.indexOf('@') > 0 && !email.contains(" ") ? new Address(name, email) : null;
        }
    }
}
