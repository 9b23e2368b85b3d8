package dev.patchtrack.ingest.http;

import dev.patchtrack.config.PatchtrackConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one HTTP client every fetch goes through (lore, LWN, git trees): a host and port allowlist
 * checked on every request and every redirect, the name resolved once and the connection made to
 * the address that was checked, a deadline on each whole request, bodies bounded (in memory by
 * {@code max-document-bytes}, on disk by {@code max-body-bytes}), retries with exponential backoff
 * and jitter on refused or timed-out connections, 5xx, 408 and 429 (honouring Retry-After), a least
 * interval between two requests to one host, and a User-Agent naming patchtrack and its version.
 */
@ApplicationScoped
public class HttpFetcher {

    private static final Logger LOG = Logger.getLogger(HttpFetcher.class);
    private static final int MAX_REDIRECTS = 5;
    static final String DOCUMENT_LIMIT = "patchtrack.http.max-document-bytes";
    static final String BODY_LIMIT = "patchtrack.http.max-body-bytes";

    /** A response: status, headers and the whole body (at most {@code max-document-bytes}). */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, URI uri) {
        public Optional<String> header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return Optional.of(e.getValue().get(0));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A response whose body was streamed to a file (when the status is 2xx; otherwise there is no
     * file). Closing it deletes the file.
     */
    public record Download(int status, Map<String, List<String>> headers, Path file, long size, URI uri)
            implements AutoCloseable {
        @Override
        public void close() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("could not delete %s: %s", file, e.toString());
                }
            }
        }
    }

    /** Something to try again: an action that may throw, told the attempt number. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt) throws IOException;
    }

    /** Name resolution; one lookup per connection, whose answer is checked and then used. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Inject
    PatchtrackConfig config;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    Resolver resolver = InetAddress::getAllByName;

    private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();
    private final Map<String, Long> nextAllowed = new ConcurrentHashMap<>();

    public String userAgent() {
        return "patchtrack/" + version + " (+https://github.com/patchtrack)";
    }

    /** True when {@code uri} is http(s) on an allowed host and port that does not resolve to a refused address. */
    public boolean allowed(URI uri) {
        if (!listed(uri)) {
            return false;
        }
        return config.http().allowPrivateAddresses() || !AddressPolicy.resolvesPrivate(uri.getHost());
    }

    /** Throws unless {@code uri} may be fetched (the allowlist; the addresses are checked when connecting). */
    public void checkAllowed(URI uri) throws FetchException {
        if (!listed(uri)) {
            throw notAllowed(uri, "");
        }
    }

    private static FetchException notAllowed(URI uri, String why) {
        return new FetchException("host not allowed: " + uri + why
                + " (patchtrack.http.allowed-hosts, patchtrack.http.allow-private-addresses)", 0, null);
    }

    /** http(s), and the host with its port on the allowlist. */
    boolean listed(URI uri) {
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        if (uri.getRawUserInfo() != null) {
            return false;
        }
        String host = Wire.bare(uri.getHost()).toLowerCase(Locale.ROOT);
        int port = port(uri);
        for (String entry : config.http().allowedHosts()) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            String eHost = e;
            String ePort = null;
            int colon = e.lastIndexOf(':');
            if (colon > 0 && (e.startsWith("[") ? e.charAt(colon - 1) == ']' : e.indexOf(':') == colon)) {
                eHost = e.substring(0, colon);
                ePort = e.substring(colon + 1);
            }
            if (!Wire.bare(eHost).equals(host)) {
                continue;
            }
            if (ePort == null ? port == defaultPort(scheme) : ePort.equals("*") || ePort.equals(String.valueOf(port))) {
                return true;
            }
        }
        return false;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    /**
     * Where a request to {@code uri} goes: allowed, its name resolved once, every address it resolved
     * to acceptable (not private unless that is allowed). The connection is made to these addresses,
     * so a name that resolves elsewhere a moment later cannot redirect it.
     */
    Wire.Target target(URI uri) throws IOException {
        if (!listed(uri)) {
            throw notAllowed(uri, "");
        }
        String host = Wire.bare(uri.getHost());
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException(uri.getHost() + ": no such host");
        }
        if (addresses.length == 0) {
            throw new UnknownHostException(uri.getHost() + ": no address");
        }
        if (!config.http().allowPrivateAddresses()) {
            for (InetAddress a : addresses) {
                if (AddressPolicy.isPrivate(a)) {
                    throw notAllowed(uri, ": it resolves to " + a.getHostAddress() + ", a loopback, private or link-local address");
                }
            }
        }
        return new Wire.Target(uri, host, port(uri), uri.getScheme().equalsIgnoreCase("https"), List.of(addresses));
    }

    public Response get(URI uri, Map<String, String> headers) throws FetchException {
        return send("GET", uri, headers);
    }

    /** POST with an empty body (public-inbox's search download). */
    public Response post(URI uri, Map<String, String> headers) throws FetchException {
        return send("POST", uri, headers);
    }

    /**
     * One POST of {@code body} within {@code timeout}: no retry and no redirect followed (a 3xx is the
     * answer), as a webhook delivery is, whose caller tries again on its own schedule. The allowlist
     * and the address checks apply as to every request. At most 4 KB of the answer's body is read.
     */
    public Response deliver(URI uri, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
        Wire.Target t = target(uri);
        Wire.Deadline deadline = Wire.Deadline.after(timeout, "POST " + uri);
        try (Wire.Exchange e = Wire.exchange(t, "POST", withAgent(headers), body, config.http().connectTimeout(), deadline,
                config.http().maxDocumentBytes(), DOCUMENT_LIMIT)) {
            return new Response(e.status, e.headers, e.body.readNBytes(4096), uri);
        }
    }

    /**
     * Sends a request, retrying what can be retried, and reads the whole body into memory (at most
     * {@code max-document-bytes}). Returns the final response, whatever its status, unless it is one
     * that is retried (5xx, 408, 429) and the attempts ran out: then, as for connection failures, it throws.
     */
    public Response send(String method, URI uri, Map<String, String> headers) throws FetchException {
        return retrying(method + " " + uri, attempt -> {
            Response r = once(method, uri, headers, null);
            if (retryable(r.status())) {
                throw new RetryableStatus(r);
            }
            return r;
        });
    }

    /**
     * Like {@link #send}, but a 2xx body is streamed into a file under {@code patchtrack.sync.download-dir}
     * (at most {@code max-body-bytes}, within {@code download-timeout}). The caller closes the download.
     */
    public Download download(String method, URI uri, Map<String, String> headers) throws FetchException {
        Path dir = Path.of(config.sync().downloadDir()).toAbsolutePath();
        return retrying(method + " " + uri, attempt -> {
            Files.createDirectories(dir);
            Download[] kept = new Download[1];
            Response r = once(method, uri, headers, (u, e) -> {
                Path file = Files.createTempFile(dir, "download-", ".part");
                boolean ok = false;
                try (OutputStream out = Files.newOutputStream(file)) {
                    long n = e.body.transferTo(out);
                    kept[0] = new Download(e.status, e.headers, file, n, u);
                    ok = true;
                } finally {
                    if (!ok) {
                        Files.deleteIfExists(file);
                    }
                }
            });
            if (kept[0] != null) {
                return kept[0];
            }
            if (retryable(r.status())) {
                throw new RetryableStatus(r);
            }
            return new Download(r.status(), r.headers(), null, r.body().length, r.uri());
        });
    }

    /** Takes a 2xx body as a stream (a download). */
    @FunctionalInterface
    private interface Sink {
        void take(URI uri, Wire.Exchange exchange) throws IOException;
    }

    /** One attempt: redirects followed by hand (each hop checked), the body read or handed to {@code sink}. */
    private Response once(String method, URI start, Map<String, String> headers, Sink sink) throws IOException {
        URI uri = start;
        String m = method;
        for (int hop = 0; ; hop++) {
            Wire.Target t = target(uri);
            politeness(t.host());
            boolean toDisk = sink != null;
            Wire.Deadline deadline = Wire.Deadline.after(toDisk ? config.http().downloadTimeout() : config.http().requestTimeout(),
                    m + " " + uri);
            try (Wire.Exchange e = Wire.exchange(t, m, withAgent(headers), null, config.http().connectTimeout(), deadline,
                    toDisk ? config.http().maxBodyBytes() : config.http().maxDocumentBytes(), toDisk ? BODY_LIMIT : DOCUMENT_LIMIT)) {
                String location = e.header("Location");
                if (e.status >= 300 && e.status < 400 && e.status != 304 && location != null) {
                    if (hop >= MAX_REDIRECTS) {
                        throw new FetchException(method + " " + start + ": too many redirects", e.status, null);
                    }
                    try {
                        uri = uri.resolve(location.strip());
                    } catch (IllegalArgumentException bad) {
                        throw new FetchException(method + " " + uri + ": unreadable redirect " + Wire.clip(location), e.status, null);
                    }
                    if (e.status == 303) {
                        m = "GET";
                    }
                    continue; // the allowlist is checked again at the top
                }
                if (toDisk && e.status >= 200 && e.status < 300) {
                    sink.take(uri, e);
                    return new Response(e.status, e.headers, new byte[0], uri);
                }
                byte[] body = toDisk ? e.body.readNBytes(64 * 1024) : e.body.readAllBytes();
                return new Response(e.status, e.headers, body, uri);
            }
        }
    }

    /**
     * {@code in}, failing once more than {@code max-document-bytes} have been read from it: for what
     * a body turns into in memory (a decompressed manifest).
     */
    public java.io.InputStream documentStream(java.io.InputStream in, String what) {
        return new Wire.LimitedStream(in, config.http().maxDocumentBytes(), what, DOCUMENT_LIMIT);
    }

    /** {@code in}, failing once more than {@code max-body-bytes} have been read from it: for what a download turns into on disk. */
    public java.io.InputStream downloadStream(java.io.InputStream in, String what) {
        return new Wire.LimitedStream(in, config.http().maxBodyBytes(), what, BODY_LIMIT);
    }

    private Map<String, String> withAgent(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("User-Agent", userAgent());
        all.putAll(headers);
        return all;
    }

    /**
     * One exchange for the git transport: the same target check and bounds, the limits chosen by
     * what is asked for ({@code document}: held in memory by JGit, such as a ref advertisement).
     */
    Wire.Exchange gitExchange(URI uri, String method, Map<String, String> headers, byte[] body, boolean document)
            throws IOException {
        Wire.Target t = target(uri);
        Duration timeout = document ? config.http().requestTimeout() : config.http().downloadTimeout();
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putIfAbsent("User-Agent", userAgent());
        return Wire.exchange(t, method, h, body, config.http().connectTimeout(), Wire.Deadline.after(timeout, method + " " + uri),
                document ? config.http().maxDocumentBytes() : config.http().maxBodyBytes(), document ? DOCUMENT_LIMIT : BODY_LIMIT);
    }

    /** Runs {@code action} with this client's retry policy; IOExceptions are retried, unless final. */
    public <T> T retrying(String what, Attempt<T> action) throws FetchException {
        int max = Math.max(1, config.http().maxAttempts());
        IOException last = null;
        for (int attempt = 1; attempt <= max; attempt++) {
            try {
                return action.run(attempt);
            } catch (IOException e) {
                FetchException fin = finalCause(what, e);
                if (fin != null) {
                    throw fin;
                }
                last = e;
                if (attempt == max) {
                    break;
                }
                Duration wait = backoff(attempt, e);
                LOG.warnf("%s: %s; attempt %d of %d, next in %d ms", what, describe(e), attempt, max, wait.toMillis());
                sleep(wait);
            }
        }
        int status = last instanceof RetryableStatus rs ? rs.response.status() : 0;
        throw new FetchException(what + ": " + describe(last) + " after " + max + " attempts", status, last);
    }

    /**
     * A failure that another attempt would not mend, wherever it sits in the cause chain (JGit wraps
     * what its transport throws): not allowed, too large, or an answer that began and then came too slowly.
     */
    static FetchException finalCause(String what, Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof FetchException f) {
                return t == e ? f : new FetchException(what + ": " + f.getMessage(), f.status(), e);
            }
            if (t instanceof Wire.DeadlineExceeded d && d.answering) {
                return new FetchException(what + ": " + d.getMessage()
                        + " (patchtrack.http.request-timeout, patchtrack.http.download-timeout)", 0, e);
            }
        }
        return null;
    }

    /** Waits until this host may be asked again, then books the next slot. */
    private void politeness(String host) throws FetchException {
        long interval = config.http().perHostInterval().toNanos();
        if (interval <= 0) {
            return;
        }
        Object lock = hostLocks.computeIfAbsent(host, h -> new Object());
        synchronized (lock) {
            long now = System.nanoTime();
            Long next = nextAllowed.get(host);
            if (next != null && next - now > 0) {
                sleep(Duration.ofNanos(next - now));
            }
            nextAllowed.put(host, System.nanoTime() + interval);
        }
    }

    static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** Exponential backoff with full jitter, or the server's Retry-After when it gave one. */
    Duration backoff(int attempt, IOException e) {
        Duration max = config.http().maxBackoff();
        if (e instanceof RetryableStatus rs) {
            Optional<Duration> after = retryAfter(rs.response.header("Retry-After").orElse(null), Instant.now());
            if (after.isPresent()) {
                return after.get().compareTo(max) > 0 ? max : after.get();
            }
        }
        long base = config.http().backoff().toMillis() << Math.min(attempt - 1, 20);
        long cap = Math.min(base, max.toMillis());
        long jittered = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** Retry-After as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException ignored) {
            // an HTTP date
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof RetryableStatus rs) {
            return "HTTP " + rs.response.status();
        }
        if (e == null) {
            return "failed";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static void sleep(Duration d) throws FetchException {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", 0, e);
        }
    }

    /** A response whose status asks for another attempt. */
    static final class RetryableStatus extends IOException {
        final transient Response response;

        RetryableStatus(Response response) {
            super("HTTP " + response.status());
            this.response = response;
        }
    }
}
