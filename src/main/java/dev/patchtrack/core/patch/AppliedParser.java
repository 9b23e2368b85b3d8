package dev.patchtrack.core.patch;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.Keywords;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises "applied" notices in a reply's own (unquoted) text, the way maintainers write them:
 * <ul>
 *   <li>b4's thank-you mail: "Applied, thanks!" or "Applied to https://git...tree.git (rust-next), thanks!"
 *       followed by {@code [1/3] title} and {@code commit: abc123} lines;</li>
 *   <li>patchwork-bot: "This series was applied to netdev/net-next.git (main)" then "by Name &lt;addr&gt;:"
 *       and a summary of {@code - [net-next,v2,1/3] title} lines with {@code .../c/<sha>} links;</li>
 *   <li>plain: "Applied to `rust-next`, thanks!", "Applied to rust-next -- thanks everyone!",
 *       "Thanks, queued in for-next."</li>
 * </ul>
 * Also "This is now available in the mainline." (with the commit id below), "Now pulled to for-next
 * branch.", "Applied (1-4) to `rust-next`" (those patches only), a maintainer's "Squashed." after a
 * fixup, and the way back: "I dropped v1 for now" is a notice that withdraws ({@link AppliedNotice#withdrawn()}).
 * A sentence that merely mentions the word ("applied on top of", "does not apply") is not a notice: the
 * line, or a sentence in it, must start with the phrase. Never throws.
 */
public final class AppliedParser {

    /**
     * What may come before the verb, at the start of the line or of a sentence in it: "Thanks, ", "Ok, ",
     * "So, I ", "With the following changes, ", "... this series.  Now ".
     */
    private static final String LEAD = "(?i)(?:^|[.!?]\\s+)\\s*(?:with\\s+the\\s+following\\s+(?:changes?|fix(?:es|up)?s?)[,:]?\\s+)?"
            + "(?:(?:thanks|ok|okay|so|now)[,!.]?\\s+)*(?:i(?:'ve|\\s+have)?\\s+)?(?:now\\s+)?";
    /** Patches named by number right after the verb: "Applied (1-4)", "applied patches 1-3 and 5". */
    private static final String NUMBERS = "(?:\\s*\\((?:patch(?:es)?\\s+)?(?<nums>\\d{1,3}(?:\\s*(?:-|,|&|and|\u2013)\\s*\\d{1,3})*)\\)"
            + "|\\s+patch(?:es)?\\s+(?<nums2>\\d{1,3}(?:\\s*(?:-|,|&|and|\u2013)\\s*\\d{1,3})*))?";
    /** What may come between the verb and where: "the series", "it", "them all". */
    private static final String WHAT = "(?:\\s+(?:the\\s+)?(?:series|it|them|this|these|patch(?:es)?|all)(?:\\s+all)?)?";
    static final Pattern APPLIED = Pattern.compile(LEAD + "applied" + NUMBERS + WHAT + Target.RE + Target.END);
    static final Pattern QUEUED = Pattern.compile(
            LEAD + "(?:queued|picked\\s+up|pushed|took|taken|pulled|pull)(?:\\s+up)?" + NUMBERS + WHAT + Target.RE
                    + "(?:\\s+now)?" + Target.END);
    /** "This is now available in the mainline." (then, often, the commit id on a line of its own). */
    private static final Pattern NOW_IN = Pattern.compile("(?i)^\\s*(?:this|it|the\\s+(?:patch|series|fix))\\s+is\\s+now"
            + "\\s+(?:available\\s+)?in\\s+(?:the\\s+)?`?(?<target>[\\w./-]+?)`?(?:\\s+(?:tree|branch))?\\s*[.!,]?\\s*$");
    /** "Squashed." from the maintainer who holds the series: a fixup folded into the applied patch. */
    static final Pattern SQUASHED = Pattern.compile("(?i)^\\s*(?:(?:ok|okay|done|thanks)[,.!]?\\s+)?(?:i(?:'ve|\\s+have)?\\s+)?"
            + "(?:squashed|folded)(?:\\s+(?:it|this|that|them|the\\s+fix(?:up)?)(?:\\s+in)?(?:\\s+(?:in)?to\\s+\\S+)?)?"
            + "\\s*[.!,]?(?:\\s+thanks!?)?\\s*$");
    /** "I dropped v1 for now": an application taken back. */
    static final Pattern DROPPED = Pattern.compile("(?i)^\\s*(?:(?:ok|okay|so|sorry)[,.!]?\\s+)?(?:i(?:'ve|\\s+have)?\\s+)?"
            + "(?:dropped|reverted|backed\\s+out|un-?applied|unqueued)\\s+(?:v\\d{1,2}|it|this(?:\\s+(?:patch|series|one|version))?"
            + "|these|them|the\\s+(?:patch|series|whole\\s+series))(?:\\s+(?:for\\s+now|again|from\\s+(?:my|the)\\s+\\S+"
            + "(?:\\s+(?:tree|branch))?))?\\s*(?:[.,!;]|$)");
    /** "I included the additional patch I just sent": the sender's own patches in the thread go along. */
    private static final Pattern INCLUDED = Pattern.compile("(?i)\\bi(?:'ve|\\s+have)?\\s+(?:also\\s+)?included\\s+(?:the|my)"
            + "\\s+(?:(?:additional|extra|follow-?up|fixup|other|new)\\s+)?patch(?:es)?\\s+(?:that\\s+)?i\\s+(?:just\\s+)?sent\\b");
    private static final Pattern BARE_SHA = Pattern.compile("(?i)^\\s*([0-9a-f]{12,40})\\s*$");
    /** "Tentatively applied to see how it goes in linux-next": applied, wherever it goes on. */
    static final Pattern TENTATIVE = Pattern.compile("(?i)^\\s*tentatively\\s+applied\\b");
    /** "I've added them all to my driver-core-testing branch", possibly wrapped onto the next line. */
    static final Pattern ADDED = Pattern.compile("(?i)\\bi(?:'ve|\\s+have)\\s+(?:added|applied|queued|taken|picked\\s+up)"
            + "\\s+(?:it|them|this|these|the\\s+series)(?:\\s+all)?\\s+(?:to|in|into)\\s+(?:my\\s+|the\\s+)?`?([\\w./-]+?)`?"
            + "\\s+(?:branch|tree)\\b");
    static final Pattern BOT = Pattern.compile(
            "(?i)^\\s*this\\s+(?:series|patch|pull\\s+request)\\s+was\\s+applied\\s+to\\s+(\\S+?)(?:\\s+\\(([^)]+)\\))?\\s*[:.]?\\s*$");
    private static final Pattern BY = Pattern.compile("(?i)^\\s*by\\s+(.+?):?\\s*$");
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:-\\s*)?\\[([^\\]]*)\\]\\s*(.*?)\\s*$");
    private static final Pattern COUNTER = Pattern.compile("(\\d{1,4})\\s*/\\s*(\\d{1,4})");
    private static final Pattern SHA = Pattern.compile("(?i)(?:commit:?\\s+(?:https?://\\S*?[/=])?|/c/|[?&]id=)([0-9a-f]{7,40})\\b");
    private static final Pattern TREE_BRANCH = Pattern.compile("^(\\S+)\\s+\\(([^)\\s]+)\\)$");
    private static final int MAX_LINE = 2000;
    /**
     * Every notice read from one line but {@link #NOW_IN} ({@link #BOT}, {@link #APPLIED}, {@link #QUEUED},
     * {@link #TENTATIVE}, {@link #SQUASHED}, {@link #DROPPED}) needs one of these words.
     */
    static final Keywords NOTICE_WORDS = Keywords.of("applied", "queued", "picked", "pushed", "took", "taken", "pull",
            "squashed", "folded", "dropped", "reverted", "backed");
    /** {@link #ADDED} needs one of these words. */
    static final Keywords ADDED_WORDS = Keywords.of("added", "applied", "queued", "taken", "picked");

    /** Where it was applied: one token (a branch, a tree, a URL), optionally followed by "(branch)". */
    private static final class Target {
        static final String RE = "(?:\\s+(?:to|in|into|on|for)\\s+(?:the\\s+)?(?<target>`?[^\\s,!;]+?`?(?:\\s+\\([^)\\s]+\\))?)"
                + "(?:\\s+(?:branch|tree))?)?";
        static final String END = "\\s*(?:[,!;]|[.:](?:\\s|$)|--|\\s-\\s|\\(|\\bwith\\b|\\bfor\\s+v?\\d|$)";
    }

    private AppliedParser() {
    }

    /** The notice a reply's body holds, or null. */
    public static AppliedNotice parse(String[] lines, boolean[] diffMask) {
        String tree = null;
        String branch = null;
        Address by = null;
        boolean found = false;
        boolean withdrawn = false;
        List<AppliedNotice.Commit> numbered = List.of();
        int start = -1;
        for (int i = 0; i < lines.length && !found; i++) {
            String l = lines[i];
            if ((diffMask != null && diffMask[i]) || l.length() > MAX_LINE || Lines.quoted(l)) {
                continue;
            }
            if (Lines.signature(lines, i)) {
                break;
            }
            boolean worded = NOTICE_WORDS.in(l);
            Matcher m = null;
            if (worded && (m = BOT.matcher(l)).find()) {
                found = true;
                tree = m.group(1);
                branch = m.group(2);
                if (i + 1 < lines.length) {
                    Matcher b = BY.matcher(lines[i + 1]);
                    if (b.find()) {
                        by = TrailerParser.parsePerson(b.group(1));
                    }
                }
            } else if ((worded && ((m = APPLIED.matcher(l)).find() || (m = QUEUED.matcher(l)).find()))
                    || (m = NOW_IN.matcher(l)).find()) {
                found = true;
                String target = m.group("target");
                if (target != null) {
                    String[] tb = treeAndBranch(target);
                    tree = tb[0];
                    branch = tb[1];
                }
                if (m.pattern() != NOW_IN) {
                    numbered = numbered(m.group("nums") != null ? m.group("nums") : m.group("nums2"));
                }
            } else if (worded && (TENTATIVE.matcher(l).find() || SQUASHED.matcher(l).find())) {
                found = true;
            } else if (worded && DROPPED.matcher(l).find()) {
                found = true;
                withdrawn = true;
            } else if (l.indexOf('I') >= 0 || l.indexOf('i') >= 0) {
                String next = i + 1 < lines.length && !Lines.quoted(lines[i + 1]) ? lines[i + 1] : null;
                // the words hold no space, so they are in the joined line only when in one of its two
                if (ADDED_WORDS.in(l) || (next != null && ADDED_WORDS.in(next))) {
                    Matcher a = ADDED.matcher(next != null ? l + " " + next.strip() : l);
                    if (a.find()) {
                        found = true;
                        String[] tb = treeAndBranch(a.group(1));
                        tree = tb[0];
                        branch = tb[1];
                    }
                }
            }
            start = i + 1;
        }
        if (!found) {
            return null;
        }
        List<AppliedNotice.Commit> commits = commits(lines, diffMask, start);
        if (commits.isEmpty()) {
            commits = numbered;
        }
        if (commits.isEmpty()) {
            commits = quotedShortlog(lines, start);
        }
        if (commits.isEmpty()) {
            String sha = bareCommit(lines, diffMask, start);
            if (sha != null) {
                commits = List.of(new AppliedNotice.Commit(0, null, sha));
            }
        }
        return new AppliedNotice(tree, branch, by, commits, withdrawn, !withdrawn && includes(lines, diffMask));
    }

    /** "1-4", "1, 3 and 5": the patches a notice names by number alone. */
    private static List<AppliedNotice.Commit> numbered(String list) {
        if (list == null) {
            return List.of();
        }
        List<AppliedNotice.Commit> out = new ArrayList<>();
        Matcher n = Pattern.compile("(\\d{1,3})(?:\\s*[-\u2013]\\s*(\\d{1,3}))?").matcher(list);
        while (n.find()) {
            int from = Integer.parseInt(n.group(1));
            int to = n.group(2) == null ? from : Integer.parseInt(n.group(2));
            for (int k = from; k <= to && k - from <= 100; k++) {
                out.add(new AppliedNotice.Commit(k, null, null));
            }
        }
        return out;
    }

    /** A commit id alone on an unquoted line after the notice ("This is now available in the mainline.\n<sha>"). */
    private static String bareCommit(String[] lines, boolean[] diffMask, int from) {
        for (int i = Math.max(0, from); i < lines.length && i < from + 6; i++) {
            if ((diffMask != null && diffMask[i]) || Lines.quoted(lines[i]) || lines[i].length() > MAX_LINE) {
                continue;
            }
            Matcher m = BARE_SHA.matcher(lines[i]);
            if (m.matches()) {
                return m.group(1).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean includes(String[] lines, boolean[] diffMask) {
        for (int i = 0; i < lines.length; i++) {
            if ((diffMask != null && diffMask[i]) || Lines.quoted(lines[i]) || lines[i].length() > MAX_LINE) {
                continue;
            }
            if (Lines.signature(lines, i)) {
                break;
            }
            if (INCLUDED.matcher(lines[i]).find()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern SHORTLOG_AUTHOR = Pattern.compile("^>\\s*\\S.*\\(\\d{1,4}\\):\\s*$");
    private static final Pattern SHORTLOG_TITLE = Pattern.compile("^>\\s{2,}(\\S.*?)\\s*$");

    /**
     * The patch titles of the cover letter's shortlog that a notice quotes below it, pruned to what was
     * applied ("Applied to driver-core-testing, thanks!" over the six of 46 titles it kept): each a commit
     * named by title alone (number 0, no commit id).
     */
    private static List<AppliedNotice.Commit> quotedShortlog(String[] lines, int from) {
        List<AppliedNotice.Commit> out = new ArrayList<>();
        boolean in = false;
        for (int i = Math.max(0, from); i < lines.length && out.size() < 1000; i++) {
            String l = lines[i];
            if (l.length() > MAX_LINE) {
                continue;
            }
            if (SHORTLOG_AUTHOR.matcher(l).find()) {
                in = true;
                continue;
            }
            if (!in || !Lines.quoted(l)) {
                continue;
            }
            Matcher t = SHORTLOG_TITLE.matcher(l);
            if (t.find() && t.group(1).indexOf('|') < 0) {
                out.add(new AppliedNotice.Commit(0, t.group(1), null));
            } else if (l.strip().equals(">")) {
                in = false;
            }
        }
        return out;
    }

    /** "`rust-next`" is a branch; "https://.../linux.git (rust-next)" or "netdev/net-next.git (main)" both. */
    private static String[] treeAndBranch(String raw) {
        String s = raw.strip().replace("`", "").replace("'", "").replace("\"", "");
        if (s.endsWith(" tree") || s.endsWith(" branch")) {
            s = s.substring(0, s.lastIndexOf(' ')).strip();
        }
        if (s.regionMatches(true, 0, "the ", 0, 4)) {
            s = s.substring(4).strip();
        }
        Matcher m = TREE_BRANCH.matcher(s);
        if (m.find()) {
            return new String[] {m.group(1), m.group(2)};
        }
        if (s.isEmpty() || s.indexOf(' ') >= 0) {
            return new String[] {null, null};
        }
        boolean tree = s.contains("/") || s.endsWith(".git");
        return tree ? new String[] {s, null} : new String[] {null, s};
    }

    private static List<AppliedNotice.Commit> commits(String[] lines, boolean[] diffMask, int from) {
        List<AppliedNotice.Commit> out = new ArrayList<>();
        int number = -1;
        String title = null;
        for (int i = from; i < lines.length; i++) {
            String l = lines[i];
            if ((diffMask != null && diffMask[i]) || l.length() > MAX_LINE || Lines.quoted(l)) {
                continue;
            }
            if (Lines.signature(lines, i)) {
                break;
            }
            Matcher item = ITEM.matcher(l);
            if (item.find()) {
                number = patchNumber(item.group(1));
                title = item.group(2);
                Matcher sha = SHA.matcher(title);
                if (sha.find()) {
                    out.add(new AppliedNotice.Commit(number, title.substring(0, sha.start()).strip(),
                            sha.group(1).toLowerCase(java.util.Locale.ROOT)));
                    number = -1;
                }
                continue;
            }
            if (number >= 0) {
                Matcher sha = SHA.matcher(l);
                if (sha.find()) {
                    out.add(new AppliedNotice.Commit(number, title, sha.group(1).toLowerCase(java.util.Locale.ROOT)));
                    number = -1;
                }
            }
        }
        return out;
    }

    /** The n of the last n/N in a bracket ({@code net-next,v2,3/5} gives 3); 1 when there is none ({@code PATCH}). */
    private static int patchNumber(String bracket) {
        Matcher c = COUNTER.matcher(bracket);
        int n = 1;
        while (c.find()) {
            n = Integer.parseInt(c.group(1));
        }
        return n;
    }
}
