package dev.patchtrack.core.patch;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.Trailer;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the patches of a revision as an mbox for {@code git am}, the way {@code b4 am} does: each patch
 * keeps its author, date, subject and body, and its commit message gains the trailers that replies gave
 * it, after the trailers it already has and before the {@code ---} line.
 */
public final class AmMbox {

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Pattern SEPARATOR_TIME = Pattern.compile("\\d:\\d\\d:\\d\\d");

    private AmMbox() {
    }

    /**
     * One patch to write.
     *
     * @param trailers the trailers to add to its commit message, in order; those it already has are skipped
     */
    public record Patch(Address from, Instant date, String subject, String messageId, String body,
                        List<Added> trailers) {
        public Patch {
            trailers = List.copyOf(trailers);
        }
    }

    /**
     * A trailer to add and the message it came from (null: made here, as a {@code Link:}); each one added
     * is named in an {@code X-Patchtrack-Added} header, as {@code b4} prints {@code + Reviewed-by: ...}.
     */
    public record Added(String trailer, String fromMessageId) {
    }

    /**
     * The commit the patches apply to, as {@code ?base=1} asks for it: named by a {@code base-commit:}
     * line of the cover letter or a patch, or null when the mail names none (then nothing is made up).
     */
    public record Base(String commit) {
    }

    /** The mbox: one message per patch, in the order given, with 8-bit UTF-8 bodies. */
    public static byte[] write(List<Patch> patches) {
        return write(patches, null);
    }

    /**
     * The mbox, and when {@code base} is given, an {@code X-Patchtrack-Base} header on each message (the
     * commit, or {@code unknown}) and a {@code base-commit:} line after the first patch's diff, where
     * {@code git format-patch --base} writes it without a cover letter.
     */
    public static byte[] write(List<Patch> patches, Base base) {
        StringBuilder out = new StringBuilder();
        for (Patch p : patches) {
            out.append("From git@z Thu Jan  1 00:00:00 1970\n");
            out.append("From: ").append(address(p.from())).append('\n');
            if (p.date() != null) {
                out.append("Date: ").append(DATE.format(p.date().atOffset(ZoneOffset.UTC))).append('\n');
            }
            out.append("Subject: ").append(encode(oneLine(p.subject()))).append('\n');
            out.append("Message-ID: <").append(oneLine(p.messageId())).append(">\n");
            List<String> add = p.trailers().stream().map(Added::trailer).toList();
            List<String> added = fresh(p.body(), add);
            for (Added a : p.trailers()) {
                if (a.fromMessageId() != null && added.contains(oneLine(a.trailer()))) {
                    out.append("X-Patchtrack-Added: ").append(encode(oneLine(a.trailer()) + " (from <"
                            + oneLine(a.fromMessageId()) + ">)")).append('\n');
                }
            }
            if (base != null) {
                out.append("X-Patchtrack-Base: ").append(base.commit() == null ? "unknown" : oneLine(base.commit()))
                        .append('\n');
            }
            out.append("MIME-Version: 1.0\n");
            out.append("Content-Type: text/plain; charset=UTF-8\n");
            out.append("Content-Transfer-Encoding: 8bit\n\n");
            String body = withTrailers(p.body(), add);
            if (base != null && base.commit() != null && p == patches.get(0)) {
                body = withBase(body, base.commit());
            }
            for (String line : Lines.split(body)) {
                if (fromLine(line)) {
                    out.append('>');
                }
                out.append(line).append('\n');
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The body with {@code add} appended to the trailer block of its commit message (the text before the
     * {@code ---} line or the diff), skipping trailers already there (same key, same value, case and
     * spacing aside) and repeated ones. A commit message without a trailer block gets a new paragraph.
     */
    public static String withTrailers(String body, List<String> add) {
        String[] lines = Lines.split(body == null ? "" : body);
        int last = lastOfMessage(lines);
        boolean block = trailerBlock(lines, last);
        List<String> fresh = fresh(body, add);
        if (fresh.isEmpty()) {
            return body == null ? "" : body;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            out.append(lines[i]).append('\n');
        }
        if (last >= 0 && !block) {
            out.append('\n');
        }
        fresh.forEach(l -> out.append(l).append('\n'));
        for (int i = last + 1; i < lines.length; i++) {
            out.append(lines[i]).append('\n');
        }
        return out.toString();
    }

    /**
     * The body with {@code base-commit: <sha>} after its diff, before the signature, as {@code git
     * format-patch --base} writes it; unchanged when the body names a base already.
     */
    public static String withBase(String body, String commit) {
        String text = body == null ? "" : body;
        if (PatchParts.baseCommit(text) != null) {
            return text;
        }
        String[] lines = Lines.split(text);
        int signature = lines.length;
        int diff = DiffParser.scan(lines).firstLine();
        for (int i = lines.length - 1; i > Math.max(diff, 0); i--) {
            if (lines[i].equals("-- ")) {
                signature = i;
                break;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < signature; i++) {
            out.append(lines[i]).append('\n');
        }
        if (signature > 0 && !Lines.blank(lines[signature - 1])) {
            out.append('\n');
        }
        out.append("base-commit: ").append(oneLine(commit)).append('\n');
        for (int i = signature; i < lines.length; i++) {
            out.append(lines[i]).append('\n');
        }
        return out.toString();
    }

    /** The last line of the commit message that is not blank (-1: none). */
    private static int lastOfMessage(String[] lines) {
        int end = TrailerParser.commitMessageEnd(lines, DiffParser.scan(lines).firstLine());
        int last = end - 1;
        while (last >= 0 && Lines.blank(lines[last])) {
            last--;
        }
        return last;
    }

    /** Whether the commit message ends in a block of trailers (its last paragraph). */
    private static boolean trailerBlock(String[] lines, int last) {
        int blockStart = last + 1;
        while (blockStart > 0 && !Lines.blank(lines[blockStart - 1])) {
            blockStart--;
        }
        boolean block = blockStart <= last;
        for (int i = blockStart; i <= last; i++) {
            if (TrailerParser.parseLine(lines[i]) == null && !(i > blockStart && Lines.indent(lines[i]) > 0)) {
                block = false;
            }
        }
        return block;
    }

    /** Of {@code add}, those the commit message does not have yet (same key and value, case and spacing aside), once each. */
    public static List<String> fresh(String body, List<String> add) {
        String[] lines = Lines.split(body == null ? "" : body);
        int last = lastOfMessage(lines);
        int blockStart = last + 1;
        while (blockStart > 0 && !Lines.blank(lines[blockStart - 1])) {
            blockStart--;
        }
        Set<String> have = new HashSet<>();
        for (int i = blockStart; i <= last; i++) {
            Trailer t = TrailerParser.parseLine(lines[i]);
            if (t != null) {
                have.add(key(t.name(), t.value()));
            }
        }
        List<String> fresh = new ArrayList<>();
        for (String line : add) {
            Trailer t = TrailerParser.parseLine(line);
            String k = t == null ? line.strip().toLowerCase(Locale.ROOT) : key(t.name(), t.value());
            if (have.add(k)) {
                fresh.add(oneLine(line));
            }
        }
        return fresh;
    }

    private static String key(String name, String value) {
        return name.toLowerCase(Locale.ROOT) + ":" + value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * A body line that {@code git mailsplit} would take for the start of the next message: {@code From }
     * followed by a time of day ({@code 12:34:56}). Other {@code From } lines stay as they are, since
     * {@code git am} does not undo {@code >From} quoting.
     */
    private static boolean fromLine(String line) {
        return line.startsWith("From ") && SEPARATOR_TIME.matcher(line).find();
    }

    private static String address(Address a) {
        if (a == null) {
            return "unknown <unknown@localhost>";
        }
        if (a.name() == null) {
            return a.email();
        }
        String name = oneLine(a.name());
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        String shown = !ascii ? encode(name) : name.matches("[A-Za-z0-9 .'_-]*") ? name
                : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return shown + " <" + oneLine(a.email()) + ">";
    }

    /** RFC 2047 for non-ASCII text, which {@code git mailinfo} decodes. */
    private static String encode(String text) {
        try {
            return MimeUtility.encodeText(text, "UTF-8", "Q").replace("\r\n", "\n");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
