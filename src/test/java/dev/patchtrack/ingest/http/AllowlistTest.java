package dev.patchtrack.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.patchtrack.config.PatchtrackConfig;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing outside the allowlist is fetched: other schemes, other hosts, redirects off the list, and
 * (in production mode) allowed names that resolve to loopback, private or link-local addresses.
 * The fetcher talks real HTTP to real servers on 127.0.0.1 that count what reaches them.
 */
class AllowlistTest {

    HttpServer origin;
    HttpServer elsewhere;
    final AtomicInteger originHits = new AtomicInteger();
    final AtomicInteger elsewhereHits = new AtomicInteger();

    @AfterEach
    void stop() {
        if (origin != null) {
            origin.stop(0);
        }
        if (elsewhere != null) {
            elsewhere.stop(0);
        }
    }

    @Test
    void privateAndSpecialAddressesAreRecognised() throws Exception {
        for (String a : List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
                "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1")) {
            assertThat(AddressPolicy.isPrivate(InetAddress.getByName(a))).as(a).isTrue();
        }
        for (String a : List.of("1.1.1.1", "151.101.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8")) {
            assertThat(AddressPolicy.isPrivate(InetAddress.getByName(a))).as(a).isFalse();
        }
        assertThat(AddressPolicy.resolvesPrivate("localhost")).isTrue();
        assertThat(AddressPolicy.resolvesPrivate("127.0.0.1")).isTrue();
        assertThat(AddressPolicy.resolvesPrivate("[::1]")).isTrue();
    }

    @Test
    void otherSchemesAndHostsAreNeverFetched() throws Exception {
        startServers();
        HttpFetcher http = fetcher(List.of("127.0.0.1:*"), true);
        for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1:" + port(origin) + "/", "jar:file:/x.jar!/",
                "gopher://127.0.0.1:" + port(origin) + "/", "http://localhost:" + port(origin) + "/",
                "http://127.0.0.1.nip.io:" + port(origin) + "/", "mailto:x@127.0.0.1", "data:text/plain,x")) {
            URI uri = URI.create(url);
            assertThat(http.allowed(uri)).as(url).isFalse();
            assertThatThrownBy(() -> http.get(uri, Map.of())).as(url).isInstanceOf(FetchException.class)
                    .hasMessageContaining("not allowed");
        }
        assertThat(originHits).hasValue(0);
        // the same server under its allowed name is reached: the refusals above were the allowlist's
        assertThat(http.get(URI.create("http://127.0.0.1:" + port(origin) + "/ok"), Map.of()).status()).isEqualTo(200);
        assertThat(originHits).hasValue(1);
    }

    @Test
    void redirectsOffTheListAreNotFollowed() throws Exception {
        startServers();
        HttpFetcher http = fetcher(List.of("127.0.0.1:*"), true);
        for (String target : List.of("http://localhost:" + port(elsewhere) + "/secret", "file:///etc/passwd",
                "ftp://127.0.0.1:" + port(elsewhere) + "/")) {
            URI uri = URI.create("http://127.0.0.1:" + port(origin) + "/redirect?to=" + target);
            assertThatThrownBy(() -> http.get(uri, Map.of())).as(target).isInstanceOf(FetchException.class)
                    .hasMessageContaining("not allowed");
        }
        assertThat(elsewhereHits).hasValue(0);
        // a redirect that stays on the list is followed
        var ok = http.get(URI.create("http://127.0.0.1:" + port(origin) + "/redirect?to=/ok"), Map.of());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
    }

    @Test
    void inProductionModeAllowedNamesOnPrivateAddressesAreRefused() throws Exception {
        startServers();
        HttpFetcher production = fetcher(List.of("127.0.0.1:*", "localhost:*"), false);
        for (String url : List.of("http://127.0.0.1:" + port(origin) + "/ok", "http://localhost:" + port(origin) + "/ok")) {
            URI uri = URI.create(url);
            assertThat(production.allowed(uri)).as(url).isFalse();
            assertThatThrownBy(() -> production.get(uri, Map.of())).as(url).isInstanceOf(FetchException.class)
                    .hasMessageContaining("allow-private-addresses");
        }
        assertThat(originHits).hasValue(0);
        // a look-alike of an allowed name is another host
        HttpFetcher lore = fetcher(List.of("lore.kernel.org"), false);
        assertThat(lore.allowed(URI.create("http://lore.kernel.org.invalid/"))).isFalse();
    }

    @Test
    void aHostIsAllowedOnItsSchemesPortUnlessTheListNamesAnother() throws Exception {
        startServers();
        URI ok = URI.create("http://127.0.0.1:" + port(origin) + "/ok");
        // "127.0.0.1" alone allows port 80 only: the same host on another port is another service
        HttpFetcher defaultPort = fetcher(List.of("127.0.0.1"), true);
        assertThat(defaultPort.allowed(URI.create("http://127.0.0.1/"))).isTrue();
        assertThat(defaultPort.allowed(ok)).isFalse();
        assertThatThrownBy(() -> defaultPort.get(ok, Map.of())).isInstanceOf(FetchException.class)
                .hasMessageContaining("not allowed");
        assertThat(originHits).hasValue(0);
        // a listed port is allowed, and only that one
        HttpFetcher listed = fetcher(List.of("127.0.0.1:" + port(origin)), true);
        assertThat(listed.get(ok, Map.of()).status()).isEqualTo(200);
        assertThat(listed.allowed(URI.create("http://127.0.0.1:" + port(elsewhere) + "/"))).isFalse();
        // host:* allows every port of the host
        HttpFetcher any = fetcher(List.of("127.0.0.1:*"), true);
        assertThat(any.allowed(ok)).isTrue();
        assertThat(any.allowed(URI.create("http://127.0.0.1:" + port(elsewhere) + "/"))).isTrue();
        // https on its own port; an explicit :443 is the same port
        HttpFetcher lore = fetcher(List.of("lore.kernel.org"), true);
        assertThat(lore.allowed(URI.create("https://lore.kernel.org/rust-for-linux/"))).isTrue();
        assertThat(lore.allowed(URI.create("https://lore.kernel.org:443/rust-for-linux/"))).isTrue();
        assertThat(lore.allowed(URI.create("https://lore.kernel.org:8443/rust-for-linux/"))).isFalse();
        assertThat(lore.allowed(URI.create("http://lore.kernel.org:22/"))).isFalse();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    void startServers() throws IOException {
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/", ex -> {
            originHits.incrementAndGet();
            String q = ex.getRequestURI().getRawQuery();
            if (ex.getRequestURI().getPath().equals("/redirect")) {
                ex.getResponseHeaders().add("Location", q.substring(3));
                ex.sendResponseHeaders(302, -1);
            } else {
                byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        origin.start();
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", ex -> {
            elsewhereHits.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        elsewhere.start();
    }

    static int port(HttpServer s) {
        return s.getAddress().getPort();
    }

    /** The fetcher with its settings given here instead of by Quarkus. */
    static HttpFetcher fetcher(List<String> hosts, boolean allowPrivate) {
        Map<String, Object> http = Map.ofEntries(Map.entry("allowedHosts", hosts), Map.entry("allowPrivateAddresses", allowPrivate),
                Map.entry("connectTimeout", Duration.ofSeconds(2)), Map.entry("requestTimeout", Duration.ofSeconds(5)),
                Map.entry("maxAttempts", 1), Map.entry("backoff", Duration.ofMillis(10)), Map.entry("maxBackoff", Duration.ofMillis(10)),
                Map.entry("perHostInterval", Duration.ZERO), Map.entry("maxBodyBytes", 1_000_000L),
                Map.entry("maxDocumentBytes", 1_000_000L), Map.entry("downloadTimeout", Duration.ofSeconds(5)));
        HttpFetcher f = new HttpFetcher();
        f.config = settings(PatchtrackConfig.class, Map.of("http", settings(PatchtrackConfig.Http.class, http)));
        f.version = "test";
        return f;
    }

    @SuppressWarnings("unchecked")
    static <T> T settings(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.get(method.getName());
        });
    }
}
