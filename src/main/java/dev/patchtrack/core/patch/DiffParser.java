package dev.patchtrack.core.patch;

import dev.patchtrack.core.model.DiffStat;
import dev.patchtrack.core.model.FileChange;
import dev.patchtrack.core.model.FileChange.Change;
import dev.patchtrack.core.model.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds diffs in mail text and counts them: files touched, what happened to each, lines added and removed.
 *
 * <p>One pass over the lines, no regular expressions. Understood: git diffs ({@code diff --git}, with or
 * without the {@code a/ b/} prefixes, quoted names; renames and copies with or without hunks, mode changes,
 * new empty and deleted files, {@code GIT binary patch} and {@code Binary files ... differ}), plain unified
 * diffs ({@code --- x} / {@code +++ y} / {@code @@}, tab-separated timestamps, {@code diff -u} and CVS
 * {@code Index:} preambles) and missing final newlines. Hunks are counted by their {@code @@} header, so a
 * diff ends where its last hunk ends and a signature or list footer after it is not counted. Lines quoted
 * with {@code >} never start a diff.
 *
 * <p>Paths: the {@code a/}/{@code b/} (or mnemonic {@code i/ w/ c/ o/}) prefixes are taken off git paths
 * when the two prefixes differ; in a plain diff the first directory is taken off both paths when the two
 * first directories differ ({@code -p1}), else the paths are kept ({@code -p0}, CVS). A file whose mode
 * changed and whose content did not is {@link Change#MODE}; with content changes it is {@link Change#MODIFY}.
 */
public final class DiffParser {

    private static final int TEXT = 0;
    private static final int HEADER = 1;
    private static final int HUNK = 2;
    private static final int BINARY = 3;

    private DiffParser() {
    }

    /** The diffstat of the diffs in {@code text}, null when it holds none. */
    public static DiffStat parse(String text) {
        Scan s = scan(Lines.split(text));
        return s.files().isEmpty() ? null : DiffStat.of(s.files());
    }

    /**
     * The diffstat of a message: the diffs of its body and of its attachments (an attachment whose text the
     * body already holds is counted once), null when there is none.
     */
    public static DiffStat parse(String body, List<String> attachments) {
        List<FileChange> files = new ArrayList<>(scan(Lines.split(body)).files());
        files.addAll(scanAttachments(body, attachments, null));
        return files.isEmpty() ? null : DiffStat.of(files);
    }

    /**
     * What a scan found.
     *
     * @param files     the files, in order
     * @param mask      per line: part of a diff
     * @param firstLine the first diff line (a preamble such as {@code Index:} included), -1 when none
     * @param problems  damaged hunks
     */
    record Scan(List<FileChange> files, boolean[] mask, int firstLine, List<Problem> problems) {
    }

    static List<FileChange> scanAttachments(String body, List<String> attachments, List<Problem> problems) {
        if (attachments == null || attachments.isEmpty()) {
            return List.of();
        }
        List<FileChange> files = new ArrayList<>();
        for (String a : attachments) {
            if (a == null || a.isBlank()) {
                continue;
            }
            String stripped = a.strip();
            if (body != null && stripped.length() > 0 && body.contains(stripped)) {
                continue;
            }
            Scan s = scan(Lines.split(a));
            files.addAll(s.files());
            if (problems != null) {
                problems.addAll(s.problems());
            }
        }
        return files;
    }

    static Scan scan(String[] lines) {
        Scanner sc = new Scanner(lines);
        sc.run();
        return new Scan(sc.files, sc.mask, sc.first, sc.problems == null ? List.of() : sc.problems);
    }

    /** The state of one scan. */
    private static final class Scanner {
        final String[] lines;
        final boolean[] mask;
        final List<FileChange> files = new ArrayList<>(4);
        List<Problem> problems;
        FileBuilder cur;
        int state = TEXT;
        int oldLeft;
        int newLeft;
        int first = -1;

        Scanner(String[] lines) {
            this.lines = lines;
            this.mask = new boolean[lines.length];
        }

        void problem(String p) {
            if (problems == null) {
                problems = new ArrayList<>(1);
            }
            problems.add(Problem.of(Problem.Code.DIFF_MALFORMED, p));
        }

        /** Ends the current file; a {@code diff --git} line that nothing followed is not a diff after all. */
        void finish() {
            if (cur.git && cur.headerLines == 0 && !cur.hunks && !cur.binary) {
                mask[cur.startLine] = false;
                if (first == cur.startLine) {
                    first = -1;
                    for (int k = 0; k < mask.length; k++) {
                        if (mask[k]) {
                            first = k;
                            break;
                        }
                    }
                }
            } else {
                files.add(cur.build());
            }
            cur = null;
            state = TEXT;
        }

        void start(FileBuilder b, int line) {
            cur = b;
            b.startLine = line;
            if (first < 0 || line < first) {
                first = line;
            }
        }

        void run() {
            int n = lines.length;
            int i = 0;
            while (i < n) {
                String line = lines[i];
                switch (state) {
                    case HUNK -> {
                        if (oldLeft > 0 || newLeft > 0) {
                            char c = line.isEmpty() ? ' ' : line.charAt(0);
                            boolean ok = true;
                            if (c == ' ') {
                                if (oldLeft > 0 && newLeft > 0) {
                                    oldLeft--;
                                    newLeft--;
                                } else {
                                    ok = false;
                                }
                            } else if (c == '-') {
                                if (oldLeft > 0) {
                                    oldLeft--;
                                    cur.removed++;
                                } else {
                                    ok = false;
                                }
                            } else if (c == '+') {
                                if (newLeft > 0) {
                                    newLeft--;
                                    cur.added++;
                                } else {
                                    ok = false;
                                }
                            } else if (c != '\\') {
                                ok = false;
                            }
                            if (ok) {
                                mask[i++] = true;
                            } else {
                                problem("diff: hunk of " + cur.path() + " ends early at line " + (i + 1));
                                finish();
                            }
                        } else if (line.startsWith("\\")) {
                            mask[i++] = true;
                        } else if (line.startsWith("@@ -") && hunkCount(line, true) >= 0) {
                            oldLeft = hunkCount(line, true);
                            newLeft = hunkCount(line, false);
                            mask[i++] = true;
                        } else {
                            finish();
                        }
                    }
                    case HEADER -> {
                        if (line.startsWith("@@ -")) {
                            oldLeft = hunkCount(line, true);
                            newLeft = hunkCount(line, false);
                            if (oldLeft >= 0 && newLeft >= 0) {
                                state = HUNK;
                                cur.hunks = true;
                                mask[i++] = true;
                            } else {
                                finish();
                            }
                        } else if (cur.header(line)) {
                            cur.headerLines++;
                            mask[i++] = true;
                        } else if (line.startsWith("GIT binary patch")) {
                            cur.binary = true;
                            state = BINARY;
                            mask[i++] = true;
                        } else {
                            finish();
                        }
                    }
                    case BINARY -> {
                        if (line.isEmpty() || line.startsWith("literal ") || line.startsWith("delta ")
                                || base85(line)) {
                            mask[i++] = true;
                        } else {
                            finish();
                        }
                    }
                    default -> {
                        if (line.startsWith("diff --git ")) {
                            start(FileBuilder.git(line.substring(11)), i);
                            state = HEADER;
                            mask[i++] = true;
                        } else if (line.startsWith("--- ") && i + 2 < n && lines[i + 1].startsWith("+++ ")
                                && lines[i + 2].startsWith("@@ -")) {
                            int from = i;
                            while (from > 0 && !mask[from - 1] && preamble(lines[from - 1])) {
                                mask[--from] = true;
                            }
                            start(FileBuilder.plain(lines[i].substring(4), lines[i + 1].substring(4)), from);
                            mask[i] = true;
                            mask[i + 1] = true;
                            state = HEADER;
                            i += 2;
                        } else if (line.startsWith("Binary files ") && Lines.rtrim(line).endsWith(" differ")) {
                            FileBuilder b = FileBuilder.binaryFiles(Lines.rtrim(line));
                            if (b != null) {
                                start(b, i);
                                mask[i] = true;
                                finish();
                            }
                            i++;
                        } else {
                            i++;
                        }
                    }
                }
            }
            if (cur != null) {
                if (state == HUNK && (oldLeft > 0 || newLeft > 0)) {
                    problem("diff: hunk of " + cur.path() + " ends early at the end of the text");
                }
                finish();
            }
        }
    }

    /** Lines that may come right before a plain diff's {@code ---} line. */
    private static boolean preamble(String line) {
        return line.startsWith("Index: ") || line.startsWith("diff ") || line.startsWith("====")
                || line.startsWith("RCS file: ") || line.startsWith("retrieving revision ");
    }

    /** The old (or new) line count of a {@code @@ -a,b +c,d @@} header, -1 when it is malformed. */
    static int hunkCount(String line, boolean old) {
        int len = line.length();
        int i = 4;
        int[] ab = new int[2];
        i = range(line, i, ab);
        if (i < 0 || i + 1 >= len || line.charAt(i) != ' ' || line.charAt(i + 1) != '+') {
            return -1;
        }
        int oldCount = ab[1];
        i = range(line, i + 2, ab);
        if (i < 0 || !line.startsWith(" @@", i)) {
            return -1;
        }
        return old ? oldCount : ab[1];
    }

    /** Parses {@code start[,count]} into out; returns the index after it or -1. */
    private static int range(String s, int i, int[] out) {
        int len = s.length();
        int start = i;
        while (i < len && Lines.isDigit(s.charAt(i))) {
            i++;
        }
        out[0] = Lines.parseDigits(s, start, i);
        if (out[0] < 0) {
            return -1;
        }
        out[1] = 1;
        if (i < len && s.charAt(i) == ',') {
            int cs = ++i;
            while (i < len && Lines.isDigit(s.charAt(i))) {
                i++;
            }
            out[1] = Lines.parseDigits(s, cs, i);
            if (out[1] < 0) {
                return -1;
            }
        }
        return i;
    }

    /** A line of base85 data in a {@code GIT binary patch}: a length character and whole 5-character groups. */
    static boolean base85(String line) {
        int len = line.length();
        if (len < 6) {
            return false;
        }
        char c = line.charAt(0);
        int bytes;
        if (c >= 'A' && c <= 'Z') {
            bytes = c - 'A' + 1;
        } else if (c >= 'a' && c <= 'z') {
            bytes = c - 'a' + 27;
        } else {
            return false;
        }
        if (len != 1 + (bytes + 3) / 4 * 5) {
            return false;
        }
        for (int i = 1; i < len; i++) {
            char d = line.charAt(i);
            boolean ok = (d >= '0' && d <= '9') || (d >= 'A' && d <= 'Z') || (d >= 'a' && d <= 'z')
                    || "!#$%&()*+-;<=>?@^_`{|}~".indexOf(d) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** One file of a diff while it is read. */
    private static final class FileBuilder {
        int startLine;
        int headerLines;
        boolean git;
        boolean hunks;
        String oldPath;
        String newPath;
        boolean prefixed;
        boolean created;
        boolean deleted;
        boolean renamed;
        boolean copied;
        boolean modeChanged;
        boolean binary;
        int added;
        int removed;

        static FileBuilder git(String rest) {
            FileBuilder b = new FileBuilder();
            b.git = true;
            String r = Lines.rtrim(rest);
            String[] names = splitGitNames(r);
            if (names != null) {
                b.prefixed = names[2] != null;
                b.oldPath = names[0];
                b.newPath = names[1];
            }
            return b;
        }

        static FileBuilder plain(String oldRaw, String newRaw) {
            FileBuilder b = new FileBuilder();
            String o = plainName(oldRaw);
            String nw = plainName(newRaw);
            boolean oNull = o.equals("/dev/null");
            boolean nNull = nw.equals("/dev/null");
            b.created = oNull;
            b.deleted = nNull;
            if (!oNull && !nNull) {
                int so = o.indexOf('/');
                int sn = nw.indexOf('/');
                if (so > 0 && sn > 0 && !o.regionMatches(0, nw, 0, Math.max(so, sn) + 1)) {
                    o = o.substring(so + 1);
                    nw = nw.substring(sn + 1);
                }
            } else if (oNull && !nNull) {
                nw = stripAB(nw, "b/");
            } else if (!oNull) {
                o = stripAB(o, "a/");
            }
            b.oldPath = oNull ? null : o;
            b.newPath = nNull ? null : nw;
            return b;
        }

        /** {@code Binary files X and Y differ} outside a git diff. */
        static FileBuilder binaryFiles(String line) {
            String mid = line.substring("Binary files ".length(), line.length() - " differ".length());
            int and = mid.indexOf(" and ");
            if (and < 0) {
                return null;
            }
            FileBuilder b = plain(mid.substring(0, and), mid.substring(and + 5));
            b.binary = true;
            return b;
        }

        private static String stripAB(String p, String prefix) {
            return p.startsWith(prefix) && p.length() > 2 ? p.substring(2) : p;
        }

        private static String plainName(String raw) {
            String s = raw;
            if (!s.isEmpty() && s.charAt(0) == '"') {
                String[] q = unquote(s, 0);
                if (q != null) {
                    return q[0];
                }
            }
            int tab = s.indexOf('\t');
            if (tab >= 0) {
                s = s.substring(0, tab);
            }
            return Lines.rtrim(s);
        }

        /** Handles one extended header line; false when the line is not one. */
        boolean header(String line) {
            if (line.isEmpty()) {
                return false;
            }
            switch (line.charAt(0)) {
                case 'i' -> {
                    return line.startsWith("index ");
                }
                case 'o' -> {
                    if (line.startsWith("old mode ")) {
                        modeChanged = true;
                        return true;
                    }
                    return false;
                }
                case 'n' -> {
                    if (line.startsWith("new mode ")) {
                        modeChanged = true;
                        return true;
                    }
                    if (line.startsWith("new file mode ")) {
                        created = true;
                        return true;
                    }
                    return false;
                }
                case 'd' -> {
                    if (line.startsWith("deleted file mode ")) {
                        deleted = true;
                        return true;
                    }
                    return line.startsWith("dissimilarity index ");
                }
                case 's' -> {
                    return line.startsWith("similarity index ");
                }
                case 'r' -> {
                    if (line.startsWith("rename from ") || line.startsWith("rename old ")) {
                        renamed = true;
                        oldPath = pathValue(line.substring(line.indexOf(' ', 7) + 1));
                        return true;
                    }
                    if (line.startsWith("rename to ") || line.startsWith("rename new ")) {
                        renamed = true;
                        newPath = pathValue(line.substring(line.indexOf(' ', 7) + 1));
                        return true;
                    }
                    return false;
                }
                case 'c' -> {
                    if (line.startsWith("copy from ")) {
                        copied = true;
                        oldPath = pathValue(line.substring(10));
                        return true;
                    }
                    if (line.startsWith("copy to ")) {
                        copied = true;
                        newPath = pathValue(line.substring(8));
                        return true;
                    }
                    return false;
                }
                case '-' -> {
                    if (!line.startsWith("--- ")) {
                        return false;
                    }
                    String p = plainName(line.substring(4));
                    if (p.equals("/dev/null")) {
                        created = true;
                    } else if (!renamed && !copied) {
                        oldPath = prefixed ? stripPrefix(p) : p;
                    }
                    return true;
                }
                case '+' -> {
                    if (!line.startsWith("+++ ")) {
                        return false;
                    }
                    String p = plainName(line.substring(4));
                    if (p.equals("/dev/null")) {
                        deleted = true;
                    } else if (!renamed && !copied) {
                        newPath = prefixed ? stripPrefix(p) : p;
                    }
                    return true;
                }
                case 'B' -> {
                    if (line.startsWith("Binary files ") && Lines.rtrim(line).endsWith(" differ")) {
                        binary = true;
                        return true;
                    }
                    return false;
                }
                default -> {
                    return false;
                }
            }
        }

        String path() {
            return newPath != null ? newPath : oldPath;
        }

        FileChange build() {
            Change change;
            if (copied) {
                change = Change.COPY;
            } else if (renamed) {
                change = Change.RENAME;
            } else if (created) {
                change = Change.ADD;
            } else if (deleted) {
                change = Change.DELETE;
            } else if (modeChanged && added == 0 && removed == 0 && !binary) {
                change = Change.MODE;
            } else {
                change = Change.MODIFY;
            }
            String o = change == Change.ADD ? null : oldPath;
            String nw = change == Change.DELETE ? null : newPath;
            if (o == null && nw == null) {
                nw = oldPath != null ? oldPath : newPath;
            }
            return new FileChange(o, nw, change, added, removed, binary);
        }

        private static String pathValue(String v) {
            String s = Lines.rtrim(v);
            if (!s.isEmpty() && s.charAt(0) == '"') {
                String[] q = unquote(s, 0);
                if (q != null) {
                    return q[0];
                }
            }
            return s;
        }

        private static String stripPrefix(String p) {
            return p.length() > 2 && p.charAt(1) == '/' ? p.substring(2) : p;
        }

        private static boolean prefixAt(String s, int i) {
            return i + 1 < s.length() && Lines.isAsciiLetter(s.charAt(i)) && s.charAt(i + 1) == '/';
        }

        /**
         * Splits the names of a {@code diff --git} line: {old, new, "p"} when prefixes were taken off,
         * {old, new, null} when not, null when it cannot be split.
         */
        static String[] splitGitNames(String r) {
            if (r.isEmpty()) {
                return null;
            }
            String o;
            String nw;
            if (r.charAt(0) == '"') {
                String[] q = unquote(r, 0);
                if (q == null) {
                    return null;
                }
                o = q[0];
                int next = Integer.parseInt(q[1]);
                String rest = next < r.length() ? r.substring(next).strip() : "";
                if (rest.startsWith("\"")) {
                    String[] q2 = unquote(rest, 0);
                    nw = q2 == null ? rest : q2[0];
                } else {
                    nw = rest;
                }
                return prefixes(o, nw);
            }
            if (prefixAt(r, 0)) {
                int firstSplit = -1;
                int sp = r.indexOf(' ');
                while (sp > 0) {
                    if (prefixAt(r, sp + 1) && r.charAt(sp + 1) != r.charAt(0)) {
                        if (firstSplit < 0) {
                            firstSplit = sp;
                        }
                        if (r.substring(2, sp).equals(r.substring(sp + 3))) {
                            firstSplit = sp;
                            break;
                        }
                    }
                    sp = r.indexOf(' ', sp + 1);
                }
                if (firstSplit > 0) {
                    return new String[] {r.substring(2, firstSplit), r.substring(firstSplit + 3), "p"};
                }
            }
            int len = r.length();
            if (len % 2 == 1 && r.charAt(len / 2) == ' ' && r.regionMatches(0, r, len / 2 + 1, len / 2)) {
                return new String[] {r.substring(0, len / 2), r.substring(len / 2 + 1), null};
            }
            int sp = r.indexOf(' ');
            if (sp < 0) {
                return new String[] {r, r, null};
            }
            return new String[] {r.substring(0, sp), r.substring(sp + 1), null};
        }

        private static String[] prefixes(String o, String nw) {
            if (prefixAt(o, 0) && prefixAt(nw, 0) && o.charAt(0) != nw.charAt(0)) {
                return new String[] {o.substring(2), nw.substring(2), "p"};
            }
            return new String[] {o, nw, null};
        }

        /** Unquotes a C-quoted git name starting at {@code from}: {name, index after the closing quote}. */
        static String[] unquote(String s, int from) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
            int i = from + 1;
            int len = s.length();
            while (i < len) {
                char c = s.charAt(i);
                if (c == '"') {
                    return new String[] {bytes.toString(StandardCharsets.UTF_8), Integer.toString(i + 1)};
                }
                if (c == '\\' && i + 1 < len) {
                    char e = s.charAt(++i);
                    switch (e) {
                        case 'n' -> bytes.write('\n');
                        case 't' -> bytes.write('\t');
                        case 'r' -> bytes.write('\r');
                        case 'a' -> bytes.write(7);
                        case 'b' -> bytes.write('\b');
                        case 'f' -> bytes.write('\f');
                        case 'v' -> bytes.write(11);
                        default -> {
                            if (e >= '0' && e <= '7' && i + 2 < len) {
                                int v = (e - '0') * 64 + (s.charAt(i + 1) - '0') * 8 + (s.charAt(i + 2) - '0');
                                bytes.write(v & 0xff);
                                i += 2;
                            } else {
                                writeUtf8(bytes, e);
                            }
                        }
                    }
                    i++;
                    continue;
                }
                if (Character.isHighSurrogate(c) && i + 1 < len) {
                    byte[] b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    bytes.write(b, 0, b.length);
                    i += 2;
                    continue;
                }
                writeUtf8(bytes, c);
                i++;
            }
            return null;
        }

        private static void writeUtf8(ByteArrayOutputStream out, char c) {
            if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
    }
}
