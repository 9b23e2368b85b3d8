package dev.patchtrack.core.patch;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.DiffStat;
import dev.patchtrack.core.model.FileChange;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.PullRequest;
import dev.patchtrack.core.model.SubjectTags;
import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.review.ChangeRequests;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one {@link ParsedMail} into the {@link MailFacts} that threading, series linking and review need.
 * Stateless and thread-safe; never throws (what goes wrong is named in {@code problems}).
 *
 * <p>Kind, first rule that applies:
 * <ol>
 *   <li>REPLY: the subject has a reply prefix ({@code Re:}, {@code Fwd:}, ...).</li>
 *   <li>PULL: a pull tag ({@code [GIT PULL]}, {@code [PULL]}, {@code [GIT]}) without an n/N counter n &ge; 1.</li>
 *   <li>COVER: a patch tag with counter 0/N, N &gt; 0.</li>
 *   <li>PATCH: a diff in the body or an attachment, or a patch tag with counter n/N, n &ge; 1.</li>
 *   <li>PULL: the body holds {@code git request-pull} output.</li>
 *   <li>REPLY: In-Reply-To or References present.</li>
 *   <li>OTHER.</li>
 * </ol>
 *
 * <p>Trailers: a PATCH's come from its commit message (before {@code ---} or the diff); every other kind's
 * from any unquoted line outside a diff up to the signature. Change-id, body version, links to earlier
 * versions and {@code Depends-on:} are read for every kind but REPLY (a reply speaks about other messages,
 * not about itself); the body version only when the subject states none.
 */
public final class PatchAnalyzer {

    /**
     * The version of these rules. Raise it whenever {@link #analyze} reads some message differently: the
     * facts stored under an older version are analysed again from the raw mail before the next full
     * derivation, so a rule change reaches history (2: reply scope, promises of a new version, applied
     * notices that name patches, withdraw or take the sender's patches along; 3: a cover letter's text kept).
     */
    public static final int RULES_VERSION = 3;

    private static final String VN = "v(\\d{1,2})(?!\\d|\\.\\d)";

    private static final Pattern THIS_IS = Pattern.compile("(?i)\\bthis\\s+is\\s+(?:the\\s+|a\\s+|my\\s+)?(?:"
            + VN + "|version\\s+(\\d{1,2})\\b|(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\\s+"
            + "(?:version|revision|iteration|spin|round|posting|attempt|try)\\b)");
    /** "This is the patch series (v2) to add ...": the posting naming its own version. */
    private static final Pattern THIS_SERIES = Pattern.compile("(?i)\\bthis\\s+is\\s+(?:the\\s+|a\\s+|my\\s+)?"
            + "(?:patch\\s*)?(?:series|set|patchset|patches|submission|posting)\\s*[(\\[]?" + VN + "[)\\]]?");
    private static final Pattern V_OF = Pattern.compile("(?i)\\b" + VN + "\\s+of\\s+(?:this|the|my|these)\\s+"
            + "(?:series|patch(?:es|set|\\s+set|\\s+series)?|set|change|submission|rfc)\\b");
    private static final Pattern SINCE = Pattern.compile("(?i)\\b(?:changes?|changed|changelog|differences?)"
            + "\\s+(?:since|from|vs\\.?|versus|compared\\s+to|over|against|relative\\s+to)\\s+" + VN);
    private static final Pattern ARROW = Pattern.compile("(?i)\\bv\\d{1,2}\\s*(?:->|-->|=>|\u2192|\\.\\.\\.?|to)\\s*"
            + VN);
    private static final Pattern CHANGES_IN = Pattern.compile("(?i)\\bchanges?\\s+(?:in|for)\\s+(?:version\\s+(\\d{1,2})"
            + "\\b|" + VN + ")");
    private static final Pattern HEADING = Pattern.compile("(?i)^\\s*(?:[-*]\\s*)?(?:changes\\s+)?\\[?" + VN
            + "\\]?(?:\\s+changes?)?\\s*:(\\s*<?https?://)?");
    private static final Pattern SINCE_HEADING = Pattern.compile("(?i)^\\s*since\\s+" + VN);
    private static final Pattern MARK = Pattern.compile("\\[(\\d{1,2})\\](?!\\s*(?:https?:|lore\\.))");
    private static final Pattern NOTE = Pattern.compile("^\\s*\\[(\\d{1,2})\\]+:?\\s*(?:https?://|lore\\.)");
    private static final Pattern B4_ID = Pattern.compile("^\\d{8}-[\\w.+-]*?-v(\\d{1,2})-\\d{1,4}-[0-9a-f]{8,16}@");
    private static final Pattern ANY_V = Pattern.compile("(?i)\\b" + VN);
    private static final Pattern SPEAKS_OF_VERSION = Pattern.compile("(?i)\\b(?:" + VN
            + "|(?:previous|earlier|prior|last|older|first|original|old)\\s+(?:version|revision|posting|series"
            + "|iteration|submission|attempt|spin|round|patch(?:set|es)?|set)s?\\b|rfc\\b|resend\\b)");
    private static final String[] ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth"};
    private static final int MAX_SCAN_LINE = 4096;

    /** Analyses one message; never throws. */
    public MailFacts analyze(ParsedMail mail) {
        if (mail == null) {
            return new MailFacts("", true, MessageKind.OTHER, SubjectParser.parse(""), new Address(null, ""),
                    new Address(null, ""), null, List.of(), List.of(), List.of(), null, List.of(), null, 0,
                    List.of(), List.of(), List.of(Problem.of(Problem.Code.ANALYSIS_FAILED, "analyser: no message")));
        }
        try {
            return analyzeChecked(mail);
        } catch (RuntimeException | StackOverflowError e) {
            return fallback(mail, e);
        }
    }

    private MailFacts analyzeChecked(ParsedMail mail) {
        String subject = mail.subject() == null ? "" : mail.subject();
        String body = mail.body() == null ? "" : mail.body();
        SubjectParser.Parsed parsed = SubjectParser.parseFull(subject);
        SubjectTags tags = parsed.tags();
        String[] lines = Lines.split(body);
        DiffParser.Scan scan = DiffParser.scan(lines);
        List<Problem> problems = new ArrayList<>(mail.problems());
        problems.addAll(scan.problems());
        List<FileChange> files = scan.files();
        List<FileChange> attached = DiffParser.scanAttachments(body, mail.attachments(), problems);
        if (!attached.isEmpty()) {
            files = new ArrayList<>(files);
            files.addAll(attached);
        }
        DiffStat diff = files.isEmpty() ? null : DiffStat.of(files).withPatchId(patchId(lines, mail.attachments()));

        MessageKind kind = kind(mail, tags, parsed.pull(), diff != null, lines, scan.mask());
        Address from = mail.from() == null ? new Address(null, "") : mail.from();
        Address author = kind == MessageKind.PATCH ? inBodyFrom(lines, from) : from;

        int commitEnd = TrailerParser.commitMessageEnd(lines, scan.firstLine());
        List<Trailer> trailers = kind == MessageKind.PATCH
                ? TrailerParser.parseLines(lines, scan.mask(), 0, commitEnd, false)
                : TrailerParser.parseLines(lines, scan.mask(), 0, lines.length, true);

        String changeId = null;
        int bodyVersion = 0;
        List<String> earlier = List.of();
        List<String> depends = List.of();
        if (kind != MessageKind.REPLY) {
            Meta meta = new Meta(mail.messageId());
            meta.scan(lines, scan.mask(), kind == MessageKind.PATCH ? commitEnd : 0, tags.version() == 0);
            changeId = meta.changeId;
            int own = tags.version() == 0 ? ownIdVersion(mail.messageId()) : 0;
            bodyVersion = own > 0 ? own : meta.version;
            earlier = meta.earlier;
            depends = meta.depends;
        }
        ReplyNames.Named named = ReplyNames.Named.NONE;
        AppliedNotice applied = null;
        if (kind == MessageKind.REPLY || kind == MessageKind.OTHER) {
            named = ReplyNames.scan(lines, scan.mask());
            applied = AppliedParser.parse(lines, scan.mask());
        }
        PullRequest pull = kind == MessageKind.PULL ? PullRequestParser.parse(body) : null;
        return new MailFacts(mail.messageId(), mail.syntheticId(), kind, tags, from, author, mail.date(),
                mail.inReplyTo(), mail.references(), mail.listIds(), diff, trailers, changeId, bodyVersion, earlier,
                depends, problems, named.numbers(), named.titles(), applied, pull,
                kind == MessageKind.REPLY && applied == null && ChangeRequests.asked(body),
                kind == MessageKind.REPLY && applied == null && ChangeRequests.promised(body), named.scope(),
                kind == MessageKind.COVER ? body : null);
    }

    private static MessageKind kind(ParsedMail mail, SubjectTags tags, boolean pullTag, boolean hasDiff,
            String[] lines, boolean[] mask) {
        if (tags.reply()) {
            return MessageKind.REPLY;
        }
        boolean numbered = tags.total() > 0 && tags.number() >= 1;
        if (pullTag && !numbered) {
            return MessageKind.PULL;
        }
        if (tags.patch() && tags.total() > 0 && tags.number() == 0) {
            return MessageKind.COVER;
        }
        if (hasDiff || (tags.patch() && numbered)) {
            return MessageKind.PATCH;
        }
        if (requestPull(lines, mask)) {
            return MessageKind.PULL;
        }
        if (!mail.inReplyTo().isEmpty() || !mail.references().isEmpty()) {
            return MessageKind.REPLY;
        }
        return MessageKind.OTHER;
    }

    private static boolean requestPull(String[] lines, boolean[] mask) {
        for (int i = 0; i < lines.length; i++) {
            if (!mask[i] && lines[i].length() < MAX_SCAN_LINE && lines[i].indexOf("vailable") >= 0
                    && !Lines.quoted(lines[i]) && Lines.containsIgnoreCase(lines[i], "are available in the git repository at")) {
                return true;
            }
        }
        return false;
    }

    /** The in-body {@code From:} line when it is the first non-blank line, else the header From. */
    private static Address inBodyFrom(String[] lines, Address from) {
        for (String line : lines) {
            if (Lines.blank(line)) {
                continue;
            }
            if (!line.startsWith("From:")) {
                return from;
            }
            String value = line.substring(5).strip();
            if (value.contains("=?")) {
                try {
                    value = MimeUtility.decodeText(value);
                } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
                    // keep the raw text
                }
            }
            Address a = TrailerParser.parsePerson(value);
            return a != null ? a : from;
        }
        return from;
    }

    private static MailFacts fallback(ParsedMail mail, Throwable e) {
        List<Problem> problems = new ArrayList<>(mail.problems());
        problems.add(Problem.of(Problem.Code.ANALYSIS_FAILED,
                "analyser: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        SubjectTags tags;
        try {
            tags = SubjectParser.parse(mail.subject());
        } catch (RuntimeException | StackOverflowError e2) {
            String s = mail.subject() == null ? "" : mail.subject();
            tags = new SubjectTags(s, s, s.toLowerCase(java.util.Locale.ROOT), false, false, false, false, 0, 0, 0, 0,
                    List.of(), List.of());
        }
        MessageKind kind = mail.parent() != null ? MessageKind.REPLY : MessageKind.OTHER;
        Address from = mail.from() == null ? new Address(null, "") : mail.from();
        return new MailFacts(mail.messageId(), mail.syntheticId(), kind, tags, from, from, mail.date(),
                mail.inReplyTo(), mail.references(), mail.listIds(), null, List.of(), null, 0, List.of(), List.of(),
                problems);
    }

    /** Change-id, body version, earlier-version links and dependencies, read in one pass. */
    private static final class Meta {
        final String ownId;
        String changeId;
        int version;
        List<String> earlier = List.of();
        List<String> depends = List.of();

        Meta(String ownId) {
            this.ownId = ownId;
        }

        void scan(String[] lines, boolean[] mask, int trailerEnd, boolean wantVersion) {
            boolean text = true; // before the signature
            String prev = "";
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (mask[i] || line.length() > MAX_SCAN_LINE) {
                    prev = "";
                    continue;
                }
                if (Lines.quoted(line)) {
                    prev = "";
                    continue;
                }
                if (changeId == null && line.startsWith("change-id:")) {
                    changeId = changeIdValue(line.substring(10));
                }
                int ind = Lines.indent(line);
                if (Lines.startsWithIgnoreCase(line, ind, "depends-on:")) {
                    dependsOn(line.substring(ind + 11));
                    prev = line;
                    continue;
                }
                if (text && Lines.signature(lines, i)) {
                    text = false;
                }
                if (!text) {
                    continue;
                }
                boolean links = false;
                noteMarks(line);
                if (line.indexOf('/') >= 0 && !(i < trailerEnd && TrailerParser.parseLine(line) != null)) {
                    links = earlierLinks(line, prev);
                }
                if (wantVersion) {
                    versionCues(line, links);
                }
                // "For the RFC, please see:", a blank line, then the URL: the words still speak of it
                if (!Lines.blank(line)) {
                    prev = line;
                }
            }
        }

        private static String changeIdValue(String v) {
            String s = v.strip();
            int sp = 0;
            while (sp < s.length() && !Character.isWhitespace(s.charAt(sp))) {
                sp++;
            }
            s = s.substring(0, sp);
            // a Gerrit Change-Id (I + 40 hex) is not b4's change-id
            if (s.isEmpty() || s.length() > 200 || (s.length() == 41 && s.charAt(0) == 'I' && isHex(s, 1))) {
                return null;
            }
            return s;
        }

        private static boolean isHex(String s, int from) {
            for (int i = from; i < s.length(); i++) {
                if (Character.digit(s.charAt(i), 16) < 0) {
                    return false;
                }
            }
            return true;
        }

        private void dependsOn(String value) {
            for (String tok : value.strip().split("[\\s,]+")) {
                if (tok.isEmpty()) {
                    continue;
                }
                String id;
                if (tok.contains("://") || tok.contains("kernel.org/") || tok.contains("msgid.link/")) {
                    id = MessageIdLinks.messageId(tok);
                } else {
                    id = MessageIdLinks.cleanId(tok);
                }
                if (id != null) {
                    if (depends.isEmpty()) {
                        depends = new ArrayList<>(2);
                    }
                    if (!depends.contains(id) && !id.equals(ownId)) {
                        depends.add(id);
                    }
                }
            }
        }

        /** Adds the earlier-version ids a line links to; true when it linked one. */
        private boolean earlierLinks(String line, String prev) {
            List<String> urls = MessageIdLinks.urls(line);
            if (urls.isEmpty()) {
                return false;
            }
            // the words speak of a version, not the URL: a b4 id's "-v1-" in a link to other work says nothing
            String words = withoutUrls(line);
            boolean speaks = SPEAKS_OF_VERSION.matcher(words).find()
                    || (urlFirst(line) && !prev.isEmpty() && SPEAKS_OF_VERSION.matcher(withoutUrls(prev)).find())
                    || versionNote(line);
            if (!speaks) {
                return false;
            }
            boolean any = false;
            for (String url : urls) {
                String id = MessageIdLinks.messageId(url);
                if (id == null || id.equals(ownId)) {
                    continue;
                }
                if (earlier.isEmpty()) {
                    earlier = new ArrayList<>(2);
                }
                if (!earlier.contains(id)) {
                    earlier.add(id);
                }
                any = true;
            }
            return any;
        }

        /** Reference marks ({@code [1]}) that text speaking of a version used: "As with v1 [1], ...". */
        private List<String> versionMarks = List.of();

        private void noteMarks(String line) {
            if (line.indexOf('[') < 0 || !SPEAKS_OF_VERSION.matcher(withoutUrls(line)).find()) {
                return;
            }
            Matcher m = MARK.matcher(line);
            while (m.find()) {
                if (versionMarks.isEmpty()) {
                    versionMarks = new ArrayList<>(2);
                }
                versionMarks.add(m.group(1));
            }
        }

        /** A {@code [1] https://...} line whose mark a sentence about a version used. */
        private boolean versionNote(String line) {
            if (versionMarks.isEmpty()) {
                return false;
            }
            Matcher m = NOTE.matcher(line);
            return m.find() && versionMarks.contains(m.group(1));
        }

        /** The line starts with a URL, after bullets and reference marks such as {@code - }, {@code [1]}. */
        private static boolean urlFirst(String line) {
            int i = 0;
            int n = line.length();
            while (i < n) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t' || c == '-' || c == '*' || c == '+' || c == '\u2022' || c == '<'
                        || c == ':' || c == '.' || Lines.isDigit(c)) {
                    i++;
                } else if (c == '[') {
                    int close = line.indexOf(']', i);
                    if (close < 0 || close - i > 6) {
                        return false;
                    }
                    i = close + 1;
                } else {
                    break;
                }
            }
            return Lines.startsWithIgnoreCase(line, i, "http") || Lines.startsWithIgnoreCase(line, i, "lore.")
                    || Lines.startsWithIgnoreCase(line, i, "lkml.") || Lines.startsWithIgnoreCase(line, i, "patch.msgid")
                    || Lines.startsWithIgnoreCase(line, i, "msgid.");
        }

        private void versionCues(String raw, boolean linkLine) {
            if (!hasVersionWord(raw)) {
                return;
            }
            // a link names other mail: the "-v3-" in a b4 Message-ID it points at says nothing of this one
            String line = withoutUrls(raw);
            Matcher m = THIS_IS.matcher(line);
            while (m.find()) {
                if (m.group(1) != null) {
                    seen(Integer.parseInt(m.group(1)));
                } else if (m.group(2) != null) {
                    seen(Integer.parseInt(m.group(2)));
                } else if (m.group(3) != null) {
                    String w = m.group(3).toLowerCase(java.util.Locale.ROOT);
                    for (int k = 0; k < ORDINALS.length; k++) {
                        if (ORDINALS[k].equals(w)) {
                            seen(k + 2);
                        }
                    }
                }
            }
            m = THIS_SERIES.matcher(line);
            while (m.find()) {
                seen(Integer.parseInt(m.group(1)));
            }
            m = V_OF.matcher(line);
            while (m.find()) {
                seen(Integer.parseInt(m.group(1)));
            }
            m = SINCE.matcher(line);
            while (m.find()) {
                seen(Integer.parseInt(m.group(1)) + 1);
            }
            m = ARROW.matcher(line);
            while (m.find()) {
                seen(Integer.parseInt(m.group(1)));
            }
            m = CHANGES_IN.matcher(line);
            while (m.find()) {
                seen(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
            }
            m = HEADING.matcher(line);
            if (m.find()) {
                int v = Integer.parseInt(m.group(1));
                seen(m.group(2) != null ? v + 1 : v);
            }
            m = SINCE_HEADING.matcher(line);
            if (m.find()) {
                seen(Integer.parseInt(m.group(1)) + 1);
            }
            if (linkLine) {
                m = ANY_V.matcher(line);
                while (m.find()) {
                    seen(Integer.parseInt(m.group(1)) + 1);
                }
            }
        }

        private static String withoutUrls(String line) {
            List<String> urls = MessageIdLinks.urls(line);
            if (urls.isEmpty()) {
                return line;
            }
            String out = line;
            for (String u : urls) {
                out = out.replace(u, " ");
            }
            return out;
        }

        private void seen(int v) {
            if (v > version && v < 100) {
                version = v;
            }
        }

        /** Cheap gate: a {@code vN} token or the word "version" somewhere in the line. */
        private static boolean hasVersionWord(String line) {
            int n = line.length();
            for (int i = 0; i + 1 < n; i++) {
                char c = line.charAt(i);
                if ((c == 'v' || c == 'V') && Lines.isDigit(line.charAt(i + 1))
                        && (i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1)))) {
                    return true;
                }
            }
            return Lines.containsIgnoreCase(line, "version") || Lines.containsIgnoreCase(line, "revision")
                    || Lines.containsIgnoreCase(line, "iteration");
        }
    }

    /**
     * The version b4 writes into a message's own Message-ID ({@code 20240101-topic-v3-1-0123abcd@host});
     * 0 when the id is not of that shape.
     */
    public static int ownIdVersion(String messageId) {
        if (messageId == null) {
            return 0;
        }
        Matcher m = B4_ID.matcher(messageId);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The patch-id of the body's diff (its lines), else of the first attachment that has one. */
    private static String patchId(String[] body, List<String> attachments) {
        String id = PatchId.ofLines(body);
        if (id == null && attachments != null) {
            for (String a : attachments) {
                id = PatchId.of(a);
                if (id != null) {
                    break;
                }
            }
        }
        return id;
    }
}
