package dev.patchtrack.ingest.http;

import dev.patchtrack.config.PatchtrackConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one HTTP client every fetch goes through (lore now, LWN later): a host allowlist checked on
 * every request and every redirect, timeouts, retries with exponential backoff and jitter on
 * refused or timed-out connections, 5xx, 408 and 429 (honouring Retry-After), a least interval
 * between two requests to one host, and a User-Agent naming patchtrack and its version.
 */
@ApplicationScoped
public class HttpFetcher {

    private static final Logger LOG = Logger.getLogger(HttpFetcher.class);
    private static final int MAX_REDIRECTS = 5;

    /** A response: status, headers and the whole body. */
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

    /** Something to try again: an action that may throw, told the attempt number. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt) throws IOException;
    }

    @Inject
    PatchtrackConfig config;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();
    private final Map<String, Long> nextAllowed = new ConcurrentHashMap<>();
    private volatile HttpClient client;

    public String userAgent() {
        return "patchtrack/" + version + " (+https://github.com/patchtrack)";
    }

    /** True when {@code uri} is http(s) on an allowed host. */
    public boolean allowed(URI uri) {
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String h : config.http().allowedHosts()) {
            if (h.strip().toLowerCase(Locale.ROOT).equals(host)) {
                return config.http().allowPrivateAddresses() || !AddressPolicy.resolvesPrivate(host);
            }
        }
        return false;
    }

    /** Throws unless {@code uri} may be fetched. */
    public void checkAllowed(URI uri) throws FetchException {
        if (!allowed(uri)) {
            throw new FetchException("host not allowed: " + uri
                    + " (patchtrack.http.allowed-hosts, patchtrack.http.allow-private-addresses)", 0, null);
        }
    }

    public Response get(URI uri, Map<String, String> headers) throws FetchException {
        return send("GET", uri, headers);
    }

    /** POST with an empty body (public-inbox's search download). */
    public Response post(URI uri, Map<String, String> headers) throws FetchException {
        return send("POST", uri, headers);
    }

    /**
     * Sends a request, retrying what can be retried. Returns the final response, whatever its
     * status, unless it is one that is retried (5xx, 408, 429) and the attempts ran out: then, as for
     * connection failures, it throws.
     */
    public Response send(String method, URI uri, Map<String, String> headers) throws FetchException {
        return retrying(method + " " + uri, attempt -> {
            Response r = once(method, uri, headers);
            if (retryable(r.status())) {
                throw new RetryableStatus(r);
            }
            return r;
        });
    }

    /** Runs {@code action} with this client's retry policy; IOExceptions are retried. */
    public <T> T retrying(String what, Attempt<T> action) throws FetchException {
        int max = Math.max(1, config.http().maxAttempts());
        IOException last = null;
        for (int attempt = 1; attempt <= max; attempt++) {
            try {
                return action.run(attempt);
            } catch (FetchException e) {
                throw e; // final: not allowed, too large
            } catch (IOException e) {
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

    private Response once(String method, URI start, Map<String, String> headers) throws IOException {
        URI uri = start;
        for (int hop = 0; ; hop++) {
            checkAllowed(uri);
            politeness(uri.getHost());
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .timeout(config.http().requestTimeout())
                    .header("User-Agent", userAgent());
            headers.forEach(b::header);
            b.method(method, HttpRequest.BodyPublishers.noBody());
            HttpResponse<InputStream> r;
            try {
                r = client().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(method + " " + uri + ": interrupted", 0, e);
            }
            byte[] body = read(r.body(), uri);
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304 && r.headers().firstValue("Location").isPresent()) {
                if (hop >= MAX_REDIRECTS) {
                    throw new FetchException(method + " " + start + ": too many redirects", status, null);
                }
                uri = uri.resolve(r.headers().firstValue("Location").get());
                if (status == 303) {
                    method = "GET";
                }
                continue; // the allowlist is checked again at the top
            }
            return new Response(status, r.headers().map(), body, uri);
        }
    }

    private byte[] read(InputStream in, URI uri) throws IOException {
        long max = config.http().maxBodyBytes();
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > max) {
                    throw new FetchException(uri + ": body larger than " + max + " bytes", 0, null);
                }
            }
            return out.toByteArray();
        }
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(config.http().connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER) // followed by hand, allowlist checked
                            .build();
                }
                c = client;
            }
        }
        return c;
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
