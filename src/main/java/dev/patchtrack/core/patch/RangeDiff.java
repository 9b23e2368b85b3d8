package dev.patchtrack.core.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.MyersDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * The patches of two revisions paired as {@code git range-diff} pairs them, from the mail alone.
 *
 * <p>Each patch is first written as range-diff writes a commit: {@code ## Metadata ##} with the author,
 * {@code ## Commit message ##} with the message as {@code git am} would commit it (in-body {@code From:}
 * and {@code Subject:} taken, cut at {@code ---}, blank runs folded), then each file as {@code ## path ##}
 * and its hunks under {@code @@ path: function} without line numbers. Patches whose diffs are the same are
 * paired first. The rest are paired by a least-cost assignment: pairing two costs the lines of the diff
 * between their diffs (three lines of context, hunk headers counted), leaving one out costs its own
 * diff's lines times the creation factor (60%, git's default). The pairs are listed in the order of the
 * newer revision, a dropped patch where the older revision had it.
 */
public final class RangeDiff {

    /** git's default {@code --creation-factor}. */
    public static final int CREATION_FACTOR = 60;

    private static final long COST_MAX = 1L << 40;
    private static final int CONTEXT = 3;
    private static final Pattern IN_BODY = Pattern.compile("(?i)^(From|Subject|Date):\\s*(.*)$");
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@(.*)$");

    private RangeDiff() {
    }

    /**
     * One patch written as range-diff compares it.
     *
     * @param subject the commit subject (no {@code [PATCH]} tags)
     * @param text    metadata, commit message and diff, as range-diff writes them
     * @param diff    the diff part alone (what exact matches and pairing costs compare)
     * @param size    the lines of the diff part
     */
    public record Patch(String subject, String text, String diff, int size) {
    }

    /**
     * A pair, or a patch of one side only.
     *
     * @param from      1-based position in the older revision, null for an added patch
     * @param to        1-based position in the newer revision, null for a dropped patch
     * @param marker    {@code =} same patch, {@code !} changed, {@code <} dropped, {@code >} added
     * @param interdiff for {@code !}: the diff between the two patches, lines with their outer marker
     */
    public record Pair(Integer from, Integer to, char marker, String subject, List<String> interdiff) {
    }

    /**
     * A patch from its mail: the sender, the subject header and the decoded body, read as {@code git am}
     * reads them.
     */
    public static Patch fromMail(String fromName, String fromEmail, String subjectHeader, String body) {
        String author = author(fromName, fromEmail);
        String subject = SubjectParser.parse(subjectHeader == null ? "" : subjectHeader).title();
        String[] lines = (body == null ? "" : body).replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        // in-body headers (From:, Subject:, Date:) before the first blank line replace the mail's own
        int j = i;
        boolean headers = false;
        while (j < lines.length) {
            Matcher m = IN_BODY.matcher(lines[j]);
            if (!m.matches()) {
                break;
            }
            headers = true;
            String field = m.group(1).toLowerCase(Locale.ROOT);
            if (field.equals("from")) {
                author = inBodyAuthor(m.group(2), author);
            } else if (field.equals("subject")) {
                subject = SubjectParser.parse(m.group(2)).title();
            }
            j++;
        }
        if (headers && (j == lines.length || lines[j].isBlank())) {
            i = j;
        }
        List<String> message = new ArrayList<>();
        message.add(subject);
        message.add("");
        int diffAt = lines.length;
        for (; i < lines.length; i++) {
            String l = lines[i];
            if (patchBreak(l)) {
                diffAt = i;
                break;
            }
            message.add(l);
        }
        StringBuilder text = new StringBuilder();
        text.append(" ## Metadata ##\n").append("Author: ").append(author).append("\n\n");
        text.append(" ## Commit message ##\n");
        for (String l : stripspace(message)) {
            text.append(l.isEmpty() ? "" : "    " + l).append('\n');
        }
        StringBuilder diff = new StringBuilder();
        int size = diffPart(Arrays.copyOfRange(lines, diffAt, lines.length), diff);
        text.append(diff);
        return new Patch(subject, text.toString(), diff.toString(), size);
    }

    private static String author(String name, String email) {
        String e = email == null ? "" : email.strip();
        return name == null || name.isBlank() ? "<" + e + ">" : name.strip() + " <" + e + ">";
    }

    private static String inBodyAuthor(String value, String fallback) {
        String v = value.strip();
        int lt = v.lastIndexOf('<');
        int gt = v.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String name = v.substring(0, lt).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return author(name, v.substring(lt + 1, gt));
        }
        return v.contains("@") ? author(null, v) : fallback;
    }

    /** Where {@code git mailinfo} ends the message: {@code ---} (alone or before a file name), a diff. */
    static boolean patchBreak(String l) {
        if (l.startsWith("diff -") || l.startsWith("Index: ")) {
            return true;
        }
        if (!l.startsWith("---")) {
            return false;
        }
        if (l.length() > 4 && l.charAt(3) == ' ' && !Character.isWhitespace(l.charAt(4))) {
            return true;
        }
        return l.substring(3).isBlank();
    }

    /** git's stripspace: trailing white space off, blank runs folded, no blank lines at either end. */
    static List<String> stripspace(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean blank = false;
        for (String l : lines) {
            String t = l.stripTrailing();
            if (t.isEmpty()) {
                blank = !out.isEmpty();
                continue;
            }
            if (blank) {
                out.add("");
                blank = false;
            }
            out.add(t);
        }
        return out;
    }

    /** Writes the diff part as range-diff does; returns its line count. */
    private static int diffPart(String[] lines, StringBuilder out) {
        int size = 0;
        String file = null;
        int oldLeft = 0;
        int newLeft = 0;
        int i = 0;
        while (i < lines.length) {
            String l = lines[i];
            if (l.startsWith("diff --git ")) {
                String[] names = names(l);
                String oldName = names[0];
                String newName = names[1];
                boolean isNew = false;
                boolean isDelete = false;
                boolean rename = false;
                String oldMode = null;
                String newMode = null;
                i++;
                while (i < lines.length && !lines[i].startsWith("@@ ") && !lines[i].startsWith("diff --git ")) {
                    String h = lines[i];
                    if (h.startsWith("new file mode ")) {
                        isNew = true;
                    } else if (h.startsWith("deleted file mode ")) {
                        isDelete = true;
                    } else if (h.startsWith("rename from ")) {
                        rename = true;
                        oldName = h.substring("rename from ".length());
                    } else if (h.startsWith("rename to ")) {
                        rename = true;
                        newName = h.substring("rename to ".length());
                    } else if (h.startsWith("old mode ")) {
                        oldMode = h.substring("old mode ".length()).strip();
                    } else if (h.startsWith("new mode ")) {
                        newMode = h.substring("new mode ".length()).strip();
                    } else if (!(h.startsWith("index ") || h.startsWith("--- ") || h.startsWith("+++ ")
                            || h.startsWith("similarity index") || h.startsWith("dissimilarity index")
                            || h.startsWith("copy ") || h.startsWith("Binary files") || h.startsWith("GIT binary patch"))) {
                        break; // the header ended without a hunk (a mode change, an empty file): what follows is not ours
                    }
                    i++;
                }
                String head = isNew ? newName + " (new)" : isDelete ? oldName + " (deleted)"
                        : rename ? oldName + " => " + newName : newName;
                if (oldMode != null && newMode != null && !oldMode.equals(newMode)) {
                    head += " (mode change " + oldMode + " => " + newMode + ")";
                }
                file = isDelete ? oldName : newName;
                out.append('\n').append(" ## ").append(head).append(" ##\n");
                size++;
                oldLeft = 0;
                newLeft = 0;
                continue;
            }
            Matcher h = file == null ? null : HUNK.matcher(l);
            if (h != null && h.matches() && oldLeft <= 0 && newLeft <= 0) {
                oldLeft = h.group(1) == null ? 1 : Integer.parseInt(h.group(1));
                newLeft = h.group(2) == null ? 1 : Integer.parseInt(h.group(2));
                String func = h.group(3);
                out.append("@@").append(func.isEmpty() ? "" : " " + file + ":" + func).append('\n');
                size++;
                i++;
                continue;
            }
            if (oldLeft > 0 || newLeft > 0) {
                if (l.startsWith("+")) {
                    newLeft--;
                    out.append(l);
                } else if (l.startsWith("-")) {
                    oldLeft--;
                    out.append(l);
                } else if (l.startsWith("\\")) {
                    out.append(' ').append(l);
                } else {
                    oldLeft--;
                    newLeft--;
                    out.append(' ').append(l.isEmpty() ? "" : l.substring(1));
                }
                out.append('\n');
                size++;
            } else if (l.startsWith("\\") && file != null) {
                out.append(' ').append(l).append('\n'); // "\ No newline at end of file" after the hunk's last line
                size++;
            }
            i++;
        }
        return size;
    }

    /** The two paths of a {@code diff --git a/X b/Y} line, without their prefixes. */
    private static String[] names(String line) {
        String rest = line.substring("diff --git ".length());
        int b = rest.indexOf(" b/");
        String a = b < 0 ? rest : rest.substring(0, b);
        String n = b < 0 ? rest : rest.substring(b + 3);
        if (a.startsWith("a/")) {
            a = a.substring(2);
        }
        return new String[] {a, n};
    }

    /** Pairs {@code older} with {@code newer} as {@code git range-diff} does, with git's creation factor. */
    public static List<Pair> compare(List<Patch> older, List<Patch> newer) {
        return compare(older, newer, CREATION_FACTOR);
    }

    public static List<Pair> compare(List<Patch> older, List<Patch> newer, int creationFactor) {
        return compare(older, newer, creationFactor, true);
    }

    /**
     * The pairs alone, as {@link #compare} pairs them but without their interdiffs: what a summary of
     * the changes needs (each interdiff is a diff of its own, the larger part of the work).
     */
    public static List<Pair> pairs(List<Patch> older, List<Patch> newer, int creationFactor) {
        return compare(older, newer, creationFactor, false);
    }

    private static List<Pair> compare(List<Patch> older, List<Patch> newer, int creationFactor, boolean interdiffs) {
        int na = older.size();
        int nb = newer.size();
        int[] aMatch = new int[na];
        int[] bMatch = new int[nb];
        Arrays.fill(aMatch, -1);
        Arrays.fill(bMatch, -1);
        // exact matches: the same diff
        Map<String, List<Integer>> byDiff = new HashMap<>();
        for (int i = 0; i < na; i++) {
            byDiff.computeIfAbsent(older.get(i).diff(), k -> new ArrayList<>()).add(i);
        }
        for (int j = 0; j < nb; j++) {
            for (int i : byDiff.getOrDefault(newer.get(j).diff(), List.of())) {
                if (aMatch[i] < 0) {
                    aMatch[i] = j;
                    bMatch[j] = i;
                    break;
                }
            }
        }
        int n = na + nb;
        if (n > 0) {
            long[][] cost = new long[n][n];
            // real pairs whose cost is still only a floor under their diff's size
            boolean[][] floorOnly = new boolean[na][nb];
            LineCounts[] aLines = new LineCounts[na];
            LineCounts[] bLines = new LineCounts[nb];
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    long c;
                    if (aMatch[i] == j) {
                        c = 0;
                    } else if (aMatch[i] < 0 && bMatch[j] < 0) {
                        long alone = ((long) older.get(i).size() + newer.get(j).size()) * creationFactor / 100;
                        if (aLines[i] == null) {
                            aLines[i] = new LineCounts(older.get(i).diff());
                        }
                        if (bLines[j] == null) {
                            bLines[j] = new LineCounts(newer.get(j).diff());
                        }
                        // A pair that costs more than dropping the one and adding the other is never chosen:
                        // when even the lines one side lacks, or the lines any diff of the two must add or
                        // remove, cost more, the diff need not be run. Otherwise that floor stands in for
                        // the pair's cost until an assignment chooses the pair.
                        long differing = aLines[i].differing(bLines[j]);
                        c = differing > alone + 2 ? COST_MAX : Math.max(differing, aLines[i].editFloor(bLines[j]));
                        if (c > alone + 2) {
                            c = COST_MAX;
                        } else {
                            floorOnly[i][j] = true;
                        }
                    } else {
                        c = COST_MAX;
                    }
                    cost[i][j] = c;
                }
                long c = aMatch[i] < 0 ? (long) older.get(i).size() * creationFactor / 100 : COST_MAX;
                for (int j = nb; j < n; j++) {
                    cost[i][j] = c;
                }
            }
            for (int j = 0; j < nb; j++) {
                long c = bMatch[j] < 0 ? (long) newer.get(j).size() * creationFactor / 100 : COST_MAX;
                for (int i = na; i < n; i++) {
                    cost[i][j] = c;
                }
            }
            // Solved with floors, then again with the real cost of each chosen pair that had a floor, until
            // every chosen pair's cost is real: no floor is above its cost, so that assignment is the least
            // costly with every cost real, and only the diffs of pairs it could contain are run.
            int[] assign;
            boolean floorChosen;
            do {
                assign = Assignment.solve(cost);
                floorChosen = false;
                for (int i = 0; i < na; i++) {
                    int j = assign[i];
                    if (j >= 0 && j < nb && floorOnly[i][j]) {
                        cost[i][j] = diffSize(older.get(i).diff(), newer.get(j).diff());
                        floorOnly[i][j] = false;
                        floorChosen = true;
                    }
                }
            } while (floorChosen);
            Arrays.fill(aMatch, -1);
            Arrays.fill(bMatch, -1);
            for (int i = 0; i < na; i++) {
                if (assign[i] >= 0 && assign[i] < nb) {
                    aMatch[i] = assign[i];
                    bMatch[assign[i]] = i;
                }
            }
        }
        return order(older, newer, aMatch, bMatch, interdiffs);
    }

    /** git's output order: the newer revision's, each dropped patch once all before it are shown. */
    private static List<Pair> order(List<Patch> older, List<Patch> newer, int[] aMatch, int[] bMatch,
                                    boolean interdiffs) {
        List<Pair> out = new ArrayList<>();
        boolean[] shown = new boolean[older.size()];
        int i = 0;
        int j = 0;
        while (i < older.size() || j < newer.size()) {
            while (i < older.size() && shown[i]) {
                i++;
            }
            if (i < older.size() && aMatch[i] < 0) {
                out.add(new Pair(i + 1, null, '<', older.get(i).subject(), List.of()));
                i++;
                continue;
            }
            while (j < newer.size() && bMatch[j] < 0) {
                out.add(new Pair(null, j + 1, '>', newer.get(j).subject(), List.of()));
                j++;
            }
            if (j < newer.size()) {
                int a = bMatch[j];
                Patch pa = older.get(a);
                Patch pb = newer.get(j);
                boolean same = pa.text().equals(pb.text());
                out.add(new Pair(a + 1, j + 1, same ? '=' : '!', pb.subject(),
                        same || !interdiffs ? List.of() : interdiff(pa.text(), pb.text())));
                shown[a] = true;
                j++;
            }
        }
        return out;
    }

    /** A text's lines with how often each occurs: cheap floors under the size of a diff. */
    static final class LineCounts {
        private final Map<String, Integer> counts = new HashMap<>();
        private final String[] text;
        private final int lines;

        LineCounts(String text) {
            this.text = text.split("\n", -1);
            lines = this.text.length;
            for (String l : this.text) {
                counts.merge(l, 1, Integer::sum);
            }
        }

        /**
         * The lines any diff of the two texts adds or removes: both sizes less twice their longest common
         * subsequence, found a machine word of this text's lines at a time (Hyyrö's bit-vector LCS), so
         * O(lines × lines / 64) where the diff itself can take O(lines × edits).
         */
        long editFloor(LineCounts other) {
            String[] a = text;
            String[] b = other.text;
            int start = 0;
            int aEnd = a.length;
            int bEnd = b.length;
            while (start < aEnd && start < bEnd && a[start].equals(b[start])) {
                start++;
            }
            while (aEnd > start && bEnd > start && a[aEnd - 1].equals(b[bEnd - 1])) {
                aEnd--;
                bEnd--;
            }
            int m = aEnd - start;
            if (m == 0 || bEnd == start) {
                return (long) m + (bEnd - start);
            }
            // each distinct line of this text's middle: the positions it holds there
            Map<String, int[]> at = new HashMap<>();
            for (int i = start; i < aEnd; i++) {
                int[] ps = at.get(a[i]);
                if (ps == null) {
                    ps = new int[] {0, 0, 0, 0, 0};
                } else if (ps[0] + 1 == ps.length) {
                    ps = Arrays.copyOf(ps, ps.length * 2);
                }
                ps[++ps[0]] = i - start;
                at.put(a[i], ps);
            }
            int words = (m + 63) >>> 6;
            long[] v = new long[words];
            Arrays.fill(v, -1L);
            if ((m & 63) != 0) {
                v[words - 1] = (1L << (m & 63)) - 1;
            }
            long[] match = new long[words];
            for (int j = start; j < bEnd; j++) {
                int[] ps = at.get(b[j]);
                if (ps == null) {
                    continue; // no match: V stays as it is
                }
                for (int k = 1; k <= ps[0]; k++) {
                    match[ps[k] >>> 6] |= 1L << ps[k];
                }
                long carry = 0;
                for (int w = 0; w < words; w++) {
                    long x = v[w];
                    long u = x & match[w];
                    long sum = x + u;
                    long out = Long.compareUnsigned(sum, x) < 0 ? 1 : 0;
                    long total = sum + carry;
                    if (carry != 0 && total == 0) {
                        out = 1;
                    }
                    carry = out;
                    v[w] = total | (x & ~u);
                    match[w] = 0;
                }
            }
            long zeros = 0;
            for (int w = 0; w < words; w++) {
                long bits = w == words - 1 && (m & 63) != 0 ? v[w] & ((1L << (m & 63)) - 1) : v[w];
                zeros += 64 - Long.bitCount(bits) - (w == words - 1 && (m & 63) != 0 ? 64 - (m & 63) : 0);
            }
            return (long) m + (bEnd - start) - 2 * zeros;
        }

        /** Lines in one text and not in the other, counted with repeats: no diff of the two is smaller. */
        long differing(LineCounts other) {
            long common = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                Integer o = other.counts.get(e.getKey());
                if (o != null) {
                    common += Math.min(e.getValue(), o);
                }
            }
            return lines + other.lines - 2 * common;
        }
    }

    /** The lines of the diff between two texts with three lines of context, hunk headers included. */
    static int diffSize(String a, String b) {
        RawText ra = new RawText(a.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RawText rb = new RawText(b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int size = 0;
        for (List<Edit> hunk : hunks(MyersDiff.INSTANCE.diff(RawTextComparator.DEFAULT, ra, rb))) {
            Edit first = hunk.get(0);
            Edit last = hunk.get(hunk.size() - 1);
            int aStart = Math.max(0, first.getBeginA() - CONTEXT);
            int aEnd = Math.min(ra.size(), last.getEndA() + CONTEXT);
            int inserted = 0;
            for (Edit e : hunk) {
                inserted += e.getLengthB();
            }
            size += 1 + (aEnd - aStart) + inserted;
        }
        return size;
    }

    /** The diff between two patches' texts, each line with its outer marker, each hunk under {@code @@ section}. */
    static List<String> interdiff(String a, String b) {
        String[] la = a.split("\n", -1);
        String[] lb = b.split("\n", -1);
        RawText ra = new RawText(a.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RawText rb = new RawText(b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        for (List<Edit> hunk : hunks(MyersDiff.INSTANCE.diff(RawTextComparator.DEFAULT, ra, rb))) {
            Edit first = hunk.get(0);
            Edit last = hunk.get(hunk.size() - 1);
            int aStart = Math.max(0, first.getBeginA() - CONTEXT);
            int aEnd = Math.min(ra.size(), last.getEndA() + CONTEXT);
            out.add("@@" + section(la, aStart));
            int ai = aStart;
            for (Edit e : hunk) {
                for (; ai < e.getBeginA(); ai++) {
                    out.add(" " + la[ai]);
                }
                for (int k = e.getBeginA(); k < e.getEndA(); k++) {
                    out.add("-" + la[k]);
                }
                for (int k = e.getBeginB(); k < e.getEndB(); k++) {
                    out.add("+" + lb[k]);
                }
                ai = e.getEndA();
            }
            for (; ai < aEnd; ai++) {
                out.add(" " + la[ai]);
            }
        }
        return out;
    }

    /** The section a hunk starts in: the nearest {@code ## name ##} or {@code @@ path: function} above it. */
    private static String section(String[] lines, int at) {
        for (int k = Math.min(at, lines.length - 1); k >= 0; k--) {
            String l = lines[k];
            if (l.startsWith(" ## ") && l.endsWith(" ##")) {
                return " " + l.substring(4, l.length() - 3);
            }
            if (l.startsWith("@@ ")) {
                return l.substring(2);
            }
        }
        return "";
    }

    /** Edits grouped into hunks as xdiff groups them: changes less than two contexts apart share one. */
    private static List<List<Edit>> hunks(EditList edits) {
        List<List<Edit>> out = new ArrayList<>();
        List<Edit> cur = null;
        for (Edit e : edits) {
            if (cur != null && e.getBeginA() - cur.get(cur.size() - 1).getEndA() <= 2 * CONTEXT) {
                cur.add(e);
            } else {
                cur = new ArrayList<>();
                cur.add(e);
                out.add(cur);
            }
        }
        return out;
    }

    /**
     * The pairs as {@code git range-diff} prints them: {@code 1:  abc1234 ! 1:  def5678 subject} and, for a
     * changed pair, its interdiff indented by four. {@code ids} name the patches (a patch-id's first
     * seven digits stand in for a commit id), null where unknown.
     */
    public static String text(List<Pair> pairs, List<String> olderIds, List<String> newerIds) {
        int width = width(olderIds.size(), newerIds.size());
        StringBuilder b = new StringBuilder();
        for (Pair p : pairs) {
            b.append(line(p.from(), p.from() == null ? null : olderIds.get(p.from() - 1), p.marker(), p.to(),
                    p.to() == null ? null : newerIds.get(p.to() - 1), p.subject(), width)).append('\n');
            for (String l : p.interdiff()) {
                b.append("    ").append(l).append('\n');
            }
        }
        return b.toString();
    }

    /** The width of the position numbers for revisions of these sizes. */
    public static int width(int older, int newer) {
        return String.valueOf(Math.max(older, newer)).length();
    }

    /** One pair's line: {@code 1:  abc1234 ! 1:  def5678 subject}, {@code -:  -------} for a side it lacks. */
    public static String line(Integer from, String fromId, char marker, Integer to, String toId, String subject, int width) {
        return side(from, fromId, width) + " " + marker + " " + side(to, toId, width) + " " + subject;
    }

    private static String side(Integer n, String id, int width) {
        String num = n == null ? "-" : String.valueOf(n);
        String shown = n == null || id == null ? "-------" : id.length() > 7 ? id.substring(0, 7) : id;
        return " ".repeat(Math.max(0, width - num.length())) + num + ":  " + shown;
    }
}
