package dev.patchtrack.ingest.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 exchange on a socket of its own, connected to an address that was checked before
 * (never to what a second name lookup might say), with TLS verified against the host name. Every
 * byte is read under the exchange's deadline, and the body through its limit; heads are bounded too.
 * No keep-alive: each exchange closes its connection.
 */
final class Wire {

    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_HEADERS = 200;

    private Wire() {
    }

    /**
     * Where an exchange goes: the host as named (for Host, SNI and certificate checks) and the
     * addresses it resolved to and was allowed on, tried in order.
     */
    record Target(URI uri, String host, int port, boolean tls, List<InetAddress> addresses) {

        String hostHeader() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return port == (tls ? 443 : 80) ? h : h + ":" + port;
        }

        String requestTarget() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** A point in time no read may pass. */
    record Deadline(long nanos, Duration of, String what) {

        static Deadline after(Duration d, String what) {
            return new Deadline(System.nanoTime() + d.toNanos(), d, what);
        }

        /** Milliseconds left, at least 1; throws once the deadline has passed. */
        int remainingMillis() throws DeadlineExceeded {
            long left = (nanos - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new DeadlineExceeded(this);
            }
            return (int) Math.min(Integer.MAX_VALUE, Math.max(1, left));
        }
    }

    /** The whole exchange took longer than its deadline. */
    static final class DeadlineExceeded extends SocketTimeoutException {
        /** True once the answer had begun: a slow body, not a silent server. */
        boolean answering;

        DeadlineExceeded(Deadline d) {
            super(d.what() + ": no complete answer within the deadline of " + d.of().toSeconds() + " s");
        }
    }

    /** An answer being read. Close it to free the connection. */
    static final class Exchange implements Closeable {
        final int status;
        final String reason;
        final Map<String, List<String>> headers;
        final InputStream body;
        private final Socket socket;

        Exchange(int status, String reason, Map<String, List<String>> headers, InputStream body, Socket socket) {
            this.status = status;
            this.reason = reason;
            this.headers = headers;
            this.body = body;
            this.socket = socket;
        }

        String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to keep
            }
        }
    }

    /**
     * Connects, sends the request and reads the head of the answer. The body is read from
     * {@link Exchange#body}, which ends at the framing's end and fails past {@code maxBody} bytes
     * or the deadline.
     */
    static Exchange exchange(Target t, String method, Map<String, String> headers, byte[] body, Duration connectTimeout,
                             Deadline deadline, long maxBody, String limitName) throws IOException {
        Socket socket = connect(t, connectTimeout, deadline);
        boolean ok = false;
        try {
            if (t.tls()) {
                socket = tls(socket, t, deadline);
            }
            DeadlineStream in = new DeadlineStream(new BufferedInputStream(socket.getInputStream(), 16 * 1024), socket,
                    deadline);
            OutputStream out = socket.getOutputStream();
            socket.setSoTimeout(deadline.remainingMillis());
            out.write(head(t, method, headers, body));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            Exchange e;
            while (true) {
                List<String> lines = readHead(in, t);
                String[] status = lines.get(0).split(" ", 3);
                if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
                    throw new IOException(t.uri() + ": not an HTTP answer: " + clip(lines.get(0)));
                }
                int code;
                try {
                    code = Integer.parseInt(status[1]);
                } catch (NumberFormatException x) {
                    throw new IOException(t.uri() + ": not an HTTP status: " + clip(lines.get(0)));
                }
                Map<String, List<String>> h = parseHeaders(lines, t);
                if (code >= 100 && code < 200) {
                    continue; // 100 Continue, 103 Early Hints: the answer follows
                }
                in.answering = true;
                InputStream framed = framed(in, method, code, h, t, maxBody, limitName);
                e = new Exchange(code, status.length > 2 ? status[2] : "", h,
                        new LimitedStream(framed, maxBody, t.uri() + ": body", limitName), socket);
                break;
            }
            ok = true;
            return e;
        } finally {
            if (!ok) {
                socket.close();
            }
        }
    }

    private static Socket connect(Target t, Duration connectTimeout, Deadline deadline) throws IOException {
        IOException last = null;
        for (InetAddress a : t.addresses()) {
            Socket s = new Socket();
            try {
                int timeout = (int) Math.min(connectTimeout.toMillis(), deadline.remainingMillis());
                s.connect(new InetSocketAddress(a, t.port()), Math.max(1, timeout));
                return s;
            } catch (DeadlineExceeded e) {
                s.close();
                throw e;
            } catch (IOException e) {
                s.close();
                last = new java.net.ConnectException("connect to " + t.host() + " (" + a.getHostAddress() + ":" + t.port()
                        + "): " + e.getMessage());
                last.initCause(e);
            }
        }
        throw last == null ? new java.net.ConnectException(t.host() + ": no address") : last;
    }

    /** TLS over the connected socket, SNI and certificate checked for the host name (not the address). */
    private static Socket tls(Socket plain, Target t, Deadline deadline) throws IOException {
        SSLSocket s = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, t.host(), t.port(), true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (!literal(t.host())) {
            p.setServerNames(List.of(new SNIHostName(t.host())));
        }
        s.setSSLParameters(p);
        s.setSoTimeout(deadline.remainingMillis());
        s.startHandshake();
        return s;
    }

    static boolean literal(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static byte[] head(Target t, String method, Map<String, String> headers, byte[] body) {
        StringBuilder b = new StringBuilder();
        b.append(method).append(' ').append(t.requestTarget()).append(" HTTP/1.1\r\n");
        b.append("Host: ").append(t.hostHeader()).append("\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            if (!token(name) || h.getValue().chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException("not a header: " + name);
            }
            b.append(name).append(": ").append(h.getValue()).append("\r\n");
        }
        if (body != null || method.equals("POST") || method.equals("PUT")) {
            b.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        b.append("Connection: close\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean token(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
    }

    /** The status line and header lines, up to the blank line; bounded in size and count. */
    private static List<String> readHead(InputStream in, Target t) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException(t.uri() + ": the connection closed before a complete answer");
            }
            if (++total > MAX_HEAD_BYTES) {
                throw new FetchException(t.uri() + ": answer head larger than " + MAX_HEAD_BYTES + " bytes", 0, null);
            }
            if (c == '\n') {
                String l = line.toString(StandardCharsets.ISO_8859_1);
                if (l.endsWith("\r")) {
                    l = l.substring(0, l.length() - 1);
                }
                line.reset();
                if (l.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue; // stray blank lines before the status line
                    }
                    return lines;
                }
                if (lines.size() > MAX_HEADERS) {
                    throw new FetchException(t.uri() + ": more than " + MAX_HEADERS + " headers", 0, null);
                }
                lines.add(l);
            } else {
                line.write(c);
            }
        }
    }

    private static Map<String, List<String>> parseHeaders(List<String> lines, Target t) throws IOException {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String l : lines.subList(1, lines.size())) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                continue; // not a header (a folded continuation, or junk): ignored
            }
            h.computeIfAbsent(l.substring(0, colon).strip(), k -> new ArrayList<>()).add(l.substring(colon + 1).strip());
        }
        return h;
    }

    private static InputStream framed(InputStream in, String method, int status, Map<String, List<String>> h, Target t,
                                      long maxBody, String limitName) throws IOException {
        if (method.equals("HEAD") || status == 204 || status == 304) {
            return InputStream.nullInputStream();
        }
        List<String> te = h.get("Transfer-Encoding");
        if (te != null && String.join(",", te).toLowerCase(Locale.ROOT).contains("chunked")) {
            return new ChunkedStream(in, t);
        }
        List<String> cl = h.get("Content-Length");
        if (cl != null && !cl.isEmpty()) {
            long n;
            try {
                n = Long.parseLong(cl.get(0).strip());
            } catch (NumberFormatException e) {
                throw new IOException(t.uri() + ": unreadable Content-Length " + clip(cl.get(0)));
            }
            if (n < 0) {
                throw new IOException(t.uri() + ": negative Content-Length");
            }
            if (n > maxBody) {
                throw new FetchException(t.uri() + ": body of " + n + " bytes, larger than " + maxBody + " bytes (" + limitName
                        + ")", 0, null);
            }
            return new CountedStream(in, n, t);
        }
        return in; // until the connection closes
    }

    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** Reads under the deadline: each read waits at most what is left of it. */
    static final class DeadlineStream extends FilterInputStream {
        private final Socket socket;
        private final Deadline deadline;
        boolean answering;

        DeadlineStream(InputStream in, Socket socket, Deadline deadline) {
            super(in);
            this.socket = socket;
            this.deadline = deadline;
        }

        private void arm() throws IOException {
            try {
                socket.setSoTimeout(deadline.remainingMillis());
            } catch (DeadlineExceeded e) {
                e.answering = answering;
                throw e;
            }
        }

        @Override
        public int read() throws IOException {
            arm();
            try {
                return super.read();
            } catch (SocketTimeoutException e) {
                throw expired(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            try {
                return super.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw expired(e);
            }
        }

        private IOException expired(SocketTimeoutException e) {
            if (e instanceof DeadlineExceeded d) {
                return d;
            }
            DeadlineExceeded d = new DeadlineExceeded(deadline);
            d.answering = answering;
            d.initCause(e);
            return d;
        }
    }

    /** A body's framing: it reads blocks, and a single byte as a block of one. */
    abstract static class Framing extends FilterInputStream {
        final Target t;

        Framing(InputStream in, Target t) {
            super(in);
            this.t = t;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public abstract int read(byte[] b, int off, int len) throws IOException;

        @Override
        public long skip(long n) throws IOException {
            return skipByReading(this, n);
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Skips by reading, so that what is skipped is framed and counted like what is read. */
    static long skipByReading(InputStream in, long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Exactly {@code length} bytes, then the end; fewer is an error. */
    static final class CountedStream extends Framing {
        private long left;

        CountedStream(InputStream in, long length, Target t) {
            super(in, t);
            this.left = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException(t.uri() + ": the connection closed " + left + " bytes before the announced end");
            }
            left -= n;
            return n;
        }
    }

    /** Transfer-Encoding: chunked, decoded; trailers are read and dropped. */
    static final class ChunkedStream extends Framing {
        private long chunkLeft;
        private boolean done;

        ChunkedStream(InputStream in, Target t) {
            super(in, t);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                chunkLeft = nextChunk();
                if (chunkLeft == 0) {
                    done = true;
                    while (!line().isEmpty()) {
                        // trailer fields: not used
                    }
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new IOException(t.uri() + ": the connection closed inside a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0) {
                line(); // the CRLF after the chunk
            }
            return n;
        }

        private long nextChunk() throws IOException {
            String l = line();
            int semi = l.indexOf(';');
            String size = (semi >= 0 ? l.substring(0, semi) : l).strip();
            try {
                long n = Long.parseLong(size, 16);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IOException(t.uri() + ": unreadable chunk size " + clip(l));
            }
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException(t.uri() + ": the connection closed inside the chunked framing");
                }
                if (s.length() > 4096) {
                    throw new IOException(t.uri() + ": chunk framing line too long");
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }
    }

    /** Fails once more than {@code max} bytes have been read. */
    static final class LimitedStream extends FilterInputStream {
        private final long max;
        private final String what;
        private final String limitName;
        private long read;

        LimitedStream(InputStream in, long max, String what, String limitName) {
            super(in);
            this.max = max;
            this.what = what;
            this.limitName = limitName;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return skipByReading(this, n);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) throws FetchException {
            read += n;
            if (read > max) {
                throw new FetchException(what + " larger than " + max + " bytes (" + limitName + ")", 0, null);
            }
        }
    }

    /** An IPv6 literal in a URI keeps its brackets; the host to connect to has none. */
    static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
