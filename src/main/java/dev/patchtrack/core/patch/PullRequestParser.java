package dev.patchtrack.core.patch;

import dev.patchtrack.core.model.PullRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code git request-pull} output from a message body: the line "are available in the git repository
 * at:" (any case), then the first non-blank line holds the URL and usually the branch. A branch wrapped onto
 * the next line (a single token without a colon) is joined; trailing spaces are ignored. Quoted lines never
 * count. Never throws.
 */
public final class PullRequestParser {

    private static final String MARKER = "are available in the git repository at";
    private static final String SINCE = "the following changes since commit";
    private static final String UP_TO = "for you to fetch changes up to";

    private static final Pattern AUTHOR = Pattern.compile("^\\S.*\\(\\d+\\):\\s*$");
    private static final Pattern FILES_CHANGED = Pattern.compile("^\\s*\\d+ files? changed");

    private PullRequestParser() {
    }

    /** True when the body holds request-pull output. */
    public static boolean isPullRequest(String body) {
        return markerLine(Lines.split(body)) >= 0;
    }

    /** The pull request the body holds, or null. */
    public static PullRequest parse(String body) {
        String[] lines = Lines.split(body);
        int at = markerLine(lines);
        if (at < 0) {
            return null;
        }
        int i = at + 1;
        while (i < lines.length && Lines.blank(lines[i])) {
            i++;
        }
        if (i >= lines.length) {
            return null;
        }
        String[] tokens = lines[i].strip().split("\\s+");
        String repo = tokens[0];
        if (!(repo.contains("://") || (repo.indexOf('@') > 0 && repo.indexOf(':') > 0))) {
            return null;
        }
        String branch = tokens.length >= 2 ? tokens[1] : null;
        int after = i + 1;
        if (branch == null && after < lines.length && !Lines.blank(lines[after]) && !Lines.quoted(lines[after])) {
            String next = lines[after].strip();
            if (next.indexOf(' ') < 0 && next.indexOf('\t') < 0 && next.indexOf(':') < 0) {
                branch = next;
                after++;
            }
        }
        return new PullRequest(repo, branch, baseCommit(lines, at), headCommit(lines, after), shortlog(lines, after));
    }

    /**
     * The shortlog's commit titles: after an {@code Author Name (N):} line, the indented lines up to the next
     * blank line. Stops at the diffstat ({@code  file | n +-}) or the signature.
     */
    private static List<String> shortlog(String[] lines, int from) {
        List<String> out = new ArrayList<>();
        boolean inAuthor = false;
        for (int i = from; i < lines.length && out.size() < 10_000; i++) {
            String l = lines[i];
            if (Lines.signature(lines, i) || Lines.quoted(l) || l.startsWith("diff --git")) {
                break;
            }
            if (Lines.blank(l)) {
                inAuthor = false;
                continue;
            }
            if (!Character.isWhitespace(l.charAt(0))) {
                inAuthor = AUTHOR.matcher(l).matches();
                continue;
            }
            if (inAuthor && !l.contains(" | ") && !FILES_CHANGED.matcher(l).find()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    static int markerLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.length() >= MARKER.length() && !Lines.quoted(l) && Lines.containsIgnoreCase(l, MARKER)) {
                return i;
            }
        }
        return -1;
    }

    private static String baseCommit(String[] lines, int marker) {
        for (int i = marker - 1; i >= 0 && i >= marker - 12; i--) {
            String l = lines[i];
            int at = indexOfIgnoreCase(l, SINCE);
            if (at >= 0) {
                String rest = l.substring(at + SINCE.length()).strip();
                if (rest.isEmpty() && i + 1 < lines.length) {
                    rest = lines[i + 1].strip();
                }
                return sha(rest);
            }
        }
        return null;
    }

    private static String headCommit(String[] lines, int from) {
        for (int i = from; i < lines.length && i < from + 8; i++) {
            String l = lines[i];
            int at = indexOfIgnoreCase(l, UP_TO);
            if (at >= 0) {
                String rest = l.substring(at + UP_TO.length()).strip();
                if (rest.isEmpty() && i + 1 < lines.length) {
                    rest = lines[i + 1].strip();
                }
                return sha(rest);
            }
        }
        return null;
    }

    private static String sha(String s) {
        int i = 0;
        while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
            i++;
        }
        return i >= 7 ? s.substring(0, i).toLowerCase(java.util.Locale.ROOT) : null;
    }

    private static int indexOfIgnoreCase(String s, String lowerNeedle) {
        int n = lowerNeedle.length();
        for (int i = 0; i + n <= s.length(); i++) {
            if (s.regionMatches(true, i, lowerNeedle, 0, n)) {
                return i;
            }
        }
        return -1;
    }
}
