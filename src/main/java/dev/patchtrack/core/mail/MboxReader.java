package dev.patchtrack.core.mail;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.Problem.Code;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams the messages out of an mbox (mboxo or mboxrd), a gzip-compressed mbox, or a single bare
 * RFC 822 message. Memory stays bounded by the limits whatever the size of the input: lines are read as
 * bytes through a fixed buffer, and one message is held at a time.
 *
 * <p>Rules:
 * <ul>
 * <li>gzip is recognized by its magic bytes (1f 8b), not by a file name.</li>
 * <li>If the first non-blank line starts with {@code "From "} the input is an mbox; otherwise it is one
 * bare message, yielded whole and unchanged (no splitting, no unescaping).</li>
 * <li>In an mbox a separator is a line starting with {@code "From "} at the start of the input or right
 * after a blank line ({@code \n} or {@code \r\n}); nothing else splits, so an unescaped {@code From } line
 * inside a paragraph stays in its message. The separator line itself is not part of the message.</li>
 * <li>mboxrd unescaping: a line matching {@code ^>+From } loses one {@code >} (this also undoes mboxo's
 * {@code >From }).</li>
 * <li>The blank line the mbox format puts after each message is removed; line endings (LF or CRLF) are
 * kept byte for byte.</li>
 * <li>{@link MboxEntry#offset()} is the byte offset, in the uncompressed stream, of the message's
 * {@code From } line (of its first line for a bare message).</li>
 * <li>A message over {@code maxMessageBytes} is cut there and flagged truncated; the reader skips to the
 * next separator. A line over {@code maxLineLength} keeps its first {@code maxLineLength} bytes and its
 * line end. Empty messages are skipped (and counted among the stream problems).</li>
 * <li>A truncated or corrupt gzip stream, or an I/O error while reading, ends the stream cleanly: what was
 * read is yielded, the last message flagged truncated, and the cause is a stream problem.</li>
 * </ul>
 * Not thread-safe.
 */
public final class MboxReader implements Closeable {

    /** One message cut out of the stream. */
    public record MboxEntry(byte[] raw, long offset, boolean truncated, List<Problem> problems) {
    }

    private static final int CHUNK = 64 * 1024;
    private static final int MODE_UNKNOWN = 0;
    private static final int MODE_MBOX = 1;
    private static final int MODE_BARE = 2;

    private final CountingInputStream counter;
    private final InputStream data;
    private final boolean gzip;
    private final int maxLine;
    private final int maxMessage;
    private final List<Problem> problems = new ArrayList<>();

    private final byte[] buf = new byte[CHUNK];
    private int bufPos;
    private int bufLen;
    private long bufOffset; // uncompressed offset of buf[0]
    private boolean eof;
    private boolean brokenStream;

    // the current line: bytes incl. its '\n' (if any), cut to maxLine + 1
    private byte[] line = new byte[256];
    private int lineLen;
    private long lineOffset;
    private boolean lineCut;
    private boolean haveLine; // the current line was read but not consumed yet

    private byte[] msg = new byte[8 * 1024];
    private int msgLen;

    private int mode = MODE_UNKNOWN;
    private boolean finished;
    private int emptySkipped;

    private MboxReader(CountingInputStream counter, InputStream data, boolean gzip, MailLimits limits) {
        this.counter = counter;
        this.data = data;
        this.gzip = gzip;
        MailLimits l = limits == null ? MailLimits.DEFAULTS : limits;
        this.maxLine = Math.max(16, l.maxLineLength());
        this.maxMessage = Math.max(1, l.maxMessageBytes());
    }

    /**
     * Opens a reader. Throws only for I/O errors while looking at the first bytes; bad content of any kind
     * (a broken gzip header included) gives a reader with a stream problem instead.
     */
    public static MboxReader open(InputStream in, MailLimits limits) throws IOException {
        CountingInputStream counter = new CountingInputStream(in);
        PushbackInputStream pb = new PushbackInputStream(counter, 2);
        byte[] magic = pb.readNBytes(2);
        if (magic.length > 0) {
            pb.unread(magic);
        }
        if (magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
            try {
                return new MboxReader(counter, new GZIPInputStream(pb, CHUNK), true, limits);
            } catch (EOFException | ZipException e) {
                MboxReader r = new MboxReader(counter, InputStream.nullInputStream(), true, limits);
                r.problems.add(Problem.of(Code.INPUT_UNREADABLE, "gzip header unreadable: " + e.getMessage()));
                r.eof = true;
                r.brokenStream = true;
                return r;
            }
        }
        return new MboxReader(counter, pb, false, limits);
    }

    /** The next message, or null at the end. Never throws. */
    public MboxEntry next() {
        try {
            return readNext();
        } catch (RuntimeException e) {
            problems.add(Problem.of(Code.INPUT_UNREADABLE, "reader failed: " + e));
            finished = true;
            return null;
        }
    }

    private MboxEntry readNext() {
        while (!finished) {
            if (mode == MODE_UNKNOWN && !decideMode()) {
                finished = true;
                return null;
            }
            if (!haveLine && !readLine()) {
                finished = true;
                return null;
            }
            MboxEntry e = readMessage();
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** Skips leading blank lines and looks at the first line; false when the input is empty. */
    private boolean decideMode() {
        while (readLine()) {
            if (!isBlankish()) {
                haveLine = true;
                mode = startsWithFrom(0) ? MODE_MBOX : MODE_BARE;
                return true;
            }
        }
        return false;
    }

    /** Reads one message; the current line is its separator (mbox) or its first line (bare). */
    private MboxEntry readMessage() {
        haveLine = false;
        long offset = lineOffset;
        msgLen = 0;
        boolean truncated = false;
        int cutLines = 0;
        List<Problem> entryProblems = new ArrayList<>(0);
        boolean prevBlank = true;
        if (mode == MODE_BARE) {
            truncated = append(0);
            cutLines += lineCut ? 1 : 0;
            prevBlank = false;
        }
        while (readLine()) {
            if (mode == MODE_MBOX && prevBlank && startsWithFrom(0)) {
                haveLine = true;
                break;
            }
            prevBlank = isBlank();
            if (truncated) {
                continue; // skipping to the next separator
            }
            int skip = 0;
            if (mode == MODE_MBOX && lineLen > 0 && line[0] == '>') {
                int k = 0;
                while (k < lineLen && line[k] == '>') {
                    k++;
                }
                if (startsWithFrom(k)) {
                    skip = 1;
                }
            }
            cutLines += lineCut ? 1 : 0;
            truncated = append(skip);
        }
        if (mode == MODE_MBOX && !truncated) {
            stripFinalBlankLine();
        }
        if (truncated) {
            entryProblems.add(Problem.of(Code.CUT, "message larger than " + maxMessage + " bytes: cut").at(offset));
        }
        if (cutLines > 0) {
            entryProblems.add(Problem.of(Code.CUT,
                    cutLines + " line(s) longer than " + maxLine + " bytes cut").at(offset));
        }
        if (!haveLine && brokenStream) {
            truncated = true;
            entryProblems.add(Problem.of(Code.MBOX_MESSAGE, "input ended early: message may be incomplete").at(offset));
        }
        if (msgLen == 0 && !truncated) {
            emptySkipped++;
            if (emptySkipped == 1) {
                problems.add(Problem.of(Code.MBOX_MESSAGE, "empty message skipped at offset " + offset).at(offset));
            }
            return null;
        }
        return new MboxEntry(Arrays.copyOf(msg, msgLen), offset, truncated,
                Collections.unmodifiableList(entryProblems));
    }

    /** Appends the current line from index {@code skip}; true when the message limit was reached. */
    private boolean append(int skip) {
        int len = lineLen - skip;
        int room = maxMessage - msgLen;
        boolean over = len > room;
        int n = over ? room : len;
        if (msgLen + n > msg.length) {
            int cap = (int) Math.min(maxMessage, Math.max((long) msg.length * 2, (long) msgLen + n));
            msg = Arrays.copyOf(msg, cap);
        }
        System.arraycopy(line, skip, msg, msgLen, n);
        msgLen += n;
        return over;
    }

    private void stripFinalBlankLine() {
        if (msgLen >= 1 && msg[msgLen - 1] == '\n') {
            if (msgLen == 1 || msg[msgLen - 2] == '\n') {
                msgLen -= 1;
            } else if (msg[msgLen - 2] == '\r' && (msgLen == 2 || msg[msgLen - 3] == '\n')) {
                msgLen -= 2;
            }
        }
    }

    private boolean startsWithFrom(int at) {
        return lineLen - at >= 5 && line[at] == 'F' && line[at + 1] == 'r' && line[at + 2] == 'o'
                && line[at + 3] == 'm' && line[at + 4] == ' ';
    }

    private boolean isBlank() {
        return lineLen == 1 && line[0] == '\n' || lineLen == 2 && line[0] == '\r' && line[1] == '\n';
    }

    private boolean isBlankish() {
        for (int i = 0; i < lineLen; i++) {
            byte c = line[i];
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Reads the next line into {@code line}; false at the end of the input. */
    private boolean readLine() {
        lineLen = 0;
        lineCut = false;
        lineOffset = bufOffset + bufPos;
        boolean any = false;
        while (true) {
            if (bufPos >= bufLen) {
                if (eof || !fill()) {
                    return any;
                }
            }
            any = true;
            int start = bufPos;
            int nl = -1;
            for (int i = start; i < bufLen; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl >= 0 ? nl : bufLen;
            int content = end - start;
            int room = maxLine - lineLen;
            if (content > room) {
                lineCut = true;
                content = Math.max(0, room);
            }
            ensureLine(lineLen + content + 1);
            System.arraycopy(buf, start, line, lineLen, content);
            lineLen += content;
            if (nl >= 0) {
                line[lineLen++] = '\n';
                bufPos = nl + 1;
                return true;
            }
            bufPos = bufLen;
        }
    }

    private void ensureLine(int size) {
        if (size > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLine + 1, Math.max(size, line.length * 2)));
        }
    }

    /** Refills the buffer; false at the end of the input (or when the input broke). */
    private boolean fill() {
        bufOffset += bufLen;
        bufPos = 0;
        bufLen = 0;
        try {
            int r;
            do {
                r = data.read(buf, 0, buf.length);
            } while (r == 0);
            if (r < 0) {
                eof = true;
                return false;
            }
            bufLen = r;
            return true;
        } catch (EOFException | ZipException e) {
            problems.add(Problem.of(Code.INPUT_UNREADABLE,
                    (gzip ? "gzip stream truncated or corrupt" : "input truncated")
                    + " after " + bufOffset + " uncompressed bytes: " + e.getMessage()).at(bufOffset));
        } catch (IOException e) {
            problems.add(Problem.of(Code.INPUT_UNREADABLE,
                    "I/O error after " + bufOffset + " bytes: " + e).at(bufOffset));
        }
        eof = true;
        brokenStream = true;
        return false;
    }

    /** Bytes consumed so far from the original stream (compressed bytes for gzip input). */
    public long bytesRead() {
        return counter.count;
    }

    /** Stream-level problems: a broken gzip stream, an I/O error, skipped empty messages. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>(problems);
        if (emptySkipped > 1) {
            out.add(Problem.of(Code.MBOX_MESSAGE, emptySkipped + " empty messages skipped"));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public void close() throws IOException {
        finished = true;
        data.close();
    }

    /** Counts the bytes read from the original stream. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += Math.max(0, s);
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
