package dev.patchtrack.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.HostileMail;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests meant to hurt: oversized, malformed, off-allowlist, with wrong tokens. Real HTTP throughout. */
@QuarkusTest
class HostileRequestsTest {

    static final String TOKEN = "test-token";
    static final String OTHER_TOKEN = "second-token";
    static final long UPLOAD_LIMIT = 64L * 1024 * 1024; // %test.patchtrack.import.max-upload-bytes

    @TestHTTPResource("/")
    URL base;

    @Inject
    Database database;

    @BeforeEach
    void clean() {
        database.clear();
    }

    // ---- sizes -----------------------------------------------------------------------------------

    @Test
    void anUploadAnnouncedLargerThanTheLimitIs413BeforeItsBodyIsRead() throws IOException {
        String reply = raw("POST /api/import?list=rust-for-linux HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/mbox\r\nContent-Length: " + (UPLOAD_LIMIT + 1) + "\r\n\r\n");
        assertThat(status(reply)).isEqualTo(413);
        assertThat(reply).contains("application/problem+json").contains("\"status\":413");
    }

    @Test
    void aJsonBodyAnnouncedLargerThanTheApiLimitIs413() throws IOException {
        String reply = raw("PUT /api/sources/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{");
        assertThat(status(reply)).isEqualTo(413);
        assertThat(reply).contains("application/problem+json");
    }

    @Test
    void aChunkedUploadBeyondTheLimitIs413AndKeepsWhatCameBefore() throws Exception {
        byte[] head = HostileMail.mbox();
        long total = UPLOAD_LIMIT + 1024 * 1024;
        InputStream body = new InputStream() {
            long sent;

            @Override
            public int read() {
                if (sent >= total) {
                    return -1;
                }
                int b = sent < head.length ? head[(int) sent] & 0xff : (sent % 64 == 63 ? '\n' : 'x');
                sent++;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                int n = 0;
                while (n < len) {
                    int b = read();
                    if (b < 0) {
                        break;
                    }
                    buf[off + n++] = (byte) b;
                }
                return n == 0 ? -1 : n;
            }
        };
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("/api/import?list=rust-for-linux"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/mbox")
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        // the messages before the cut were stored
        given().get("/api/messages/{id}", HostileMail.COVER_ID).then().statusCode(200);
    }

    @Test
    void anOverlongRequestLineIs414AndHugeHeadersAre431() throws IOException {
        String longPath = "/api/series?q=" + "a".repeat(10_000);
        assertThat(status(raw("GET " + longPath + " HTTP/1.1\r\nHost: x\r\n\r\n"))).isEqualTo(414);
        String huge = "X-Junk: " + "b".repeat(30_000) + "\r\n";
        assertThat(status(raw("GET /api/series HTTP/1.1\r\nHost: x\r\n" + huge + "\r\n"))).isEqualTo(431);
        // and the service goes on answering
        given().get("/api/series").then().statusCode(200);
    }

    // ---- sources off the allowlist ---------------------------------------------------------------

    @Test
    void sourcesPointingOutsideTheAllowlistAreRefused() {
        for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1/", "gopher://127.0.0.1:70/", "jar:file:/x.jar!/",
                "http://lore.kernel.org.evil.example/", "http://169.254.169.254/latest/meta-data/", "http://localhost:8080/",
                "http://[::1]/", "http://10.0.0.1/", "//127.0.0.1/", "http://user@evil.example/", "javascript:alert(1)")) {
            Response r = given().header("Authorization", "Bearer " + TOKEN).contentType("application/json")
                    .body(Map.of("name", "evil-list", "baseUrl", url, "mode", "atom")).post("/api/sources");
            assertThat(r.statusCode()).as(url).isEqualTo(400);
            assertThat(r.contentType()).as(url).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("parameter")).as(url).isEqualTo("baseUrl");
        }
        given().get("/api/sources/evil-list").then().statusCode(404);
    }

    // ---- tokens ----------------------------------------------------------------------------------

    @Test
    void wrongMissingAndProbingTokensAreRefusedAndNoTokenIsEverLogged() {
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringBuilder b = new StringBuilder(String.valueOf(r.getMessage()));
                if (r.getParameters() != null) {
                    for (Object p : r.getParameters()) {
                        b.append(' ').append(p);
                    }
                }
                for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                    b.append(' ').append(t);
                }
                logged.add(b.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        java.util.logging.Level before = root.getLevel();
        root.addHandler(capture);
        List<String> bodies = new ArrayList<>();
        try {
            // missing, and neither Bearer nor Patchwork's Token scheme
            for (String header : new String[] {null, "", "Basic " + TOKEN, "Digest " + TOKEN, TOKEN}) {
                var req = given().contentType("application/json").body("{}");
                if (header != null) {
                    req = req.header("Authorization", header);
                }
                Response r = req.post("/api/reclassify");
                assertThat(r.statusCode()).as(String.valueOf(header)).isEqualTo(401);
                assertThat(r.header("WWW-Authenticate")).as(String.valueOf(header)).startsWith("Bearer");
                assertThat(r.contentType()).startsWith("application/problem+json");
                bodies.add(r.asString());
            }
            // wrong: prefixes, extensions, case, other lengths, the two tokens glued, look-alikes
            List<String> probes = new ArrayList<>();
            for (int n = 1; n < TOKEN.length(); n++) {
                probes.add(TOKEN.substring(0, n));
            }
            probes.addAll(List.of(TOKEN + "x", TOKEN + TOKEN, TOKEN.toUpperCase(), "x" + TOKEN, TOKEN + "," + OTHER_TOKEN,
                    "tést-token", "t".repeat(TOKEN.length()), "a".repeat(4000), "' OR '1'='1", TOKEN.replace('-', '_')));
            for (String probe : probes) {
                Response r = given().header("Authorization", "Bearer " + probe).contentType("application/mbox")
                        .body("x".getBytes(StandardCharsets.UTF_8)).post("/api/import?list=rust-for-linux");
                assertThat(r.statusCode()).as(probe).isEqualTo(403);
                assertThat(r.header("WWW-Authenticate")).contains("invalid_token");
                assertThat(r.contentType()).startsWith("application/problem+json");
                bodies.add(r.asString());
            }
            // and a write that passes, with each token, in either scheme
            for (String token : List.of(TOKEN, OTHER_TOKEN)) {
                for (String scheme : List.of("Bearer ", "Token ")) {
                    given().header("Authorization", scheme + token).contentType("application/mbox").body(HostileMail.mbox())
                            .post("/api/import?list=rust-for-linux").then().statusCode(200);
                }
            }
            bodies.add(given().get("/q/metrics").then().statusCode(200).extract().asString());
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertThat(logged).isNotEmpty(); // the capture works: an import logs
        for (String token : List.of(TOKEN, OTHER_TOKEN)) {
            assertThat(logged).noneMatch(l -> l.contains(token));
            assertThat(bodies).noneMatch(b -> b.contains(token));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Sends bytes as they are and returns the reply's head and start (the connection is closed after). */
    String raw(String request) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    break; // reset after the reply
                }
                if (n < 0) {
                    break;
                }
                got.write(buf, 0, n);
                String text = got.toString(StandardCharsets.ISO_8859_1);
                int headEnd = text.indexOf("\r\n\r\n");
                if (headEnd > 0) {
                    int cl = text.toLowerCase().indexOf("content-length:");
                    if (cl >= 0 && cl < headEnd) {
                        int len = Integer.parseInt(text.substring(cl + 15, text.indexOf("\r\n", cl)).strip());
                        if (text.length() >= headEnd + 4 + len) {
                            break;
                        }
                    }
                }
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static int status(String reply) {
        assertThat(reply).as("a reply").startsWith("HTTP/1.");
        return Integer.parseInt(reply.substring(9, 12));
    }
}
