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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests as a hostile or careless client writes them, sent byte for byte: raw non-ASCII and
 * control bytes in the query, a Host header that is not a host, methods the OpenAPI document does
 * not have. Each gets an answer or a 400 problem+json, never a 5xx; and text for a terminal
 * ({@code ?format=text}) never carries a control character or a bidi override, mail included.
 */
@QuarkusTest
class MalformedRequestTest {

    static final List<String> PATHS = List.of("/api/events", "/api/series", "/api/series?page=2", "/api/patches",
            "/api/articles", "/api/audit", "/api/topics", "/api/stats", "/api/sources", "/feeds/series.atom",
            "/feeds/series.rss", "/feeds/articles.atom", "/api/series?format=text");
    /** Raw bytes as curl sends them when a URL is typed with them: U+202E, a lone 0xFF, broken UTF-8, an emoji. */
    static final List<byte[]> RAW = List.of(new byte[] {(byte) 0xe2, (byte) 0x80, (byte) 0xae}, new byte[] {(byte) 0xff},
            new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80});

    @TestHTTPResource("/")
    URL base;

    @Inject
    Database database;

    @BeforeEach
    void importHostileMail() {
        database.clear();
        HostileMail.importThroughApi();
    }

    @Test
    void rawNonAsciiBytesInTheQueryNeverGiveA5xx() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String path : PATHS) {
            for (byte[] raw : RAW) {
                for (String param : List.of("page", "x")) {
                    String sep = path.contains("?") ? "&" : "?";
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    line.writeBytes(("GET " + path + sep + param + "=").getBytes(StandardCharsets.US_ASCII));
                    line.writeBytes(raw);
                    line.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    String reply = exchange(line.toByteArray());
                    int status = status(reply);
                    String where = path + " " + param + "=" + hex(raw) + " -> " + status;
                    if (status >= 500 || (status != 200 && status != 400)) {
                        wrong.add(where);
                    } else if (status == 400 && !reply.contains(path.contains("format=text") ? "text/plain" : "application/problem+json")) {
                        wrong.add(where + " (not problem+json)");
                    }
                    String link = header(reply, "Link");
                    if (link != null && !link.chars().allMatch(c -> c > 0x20 && c < 0x7f || c == ' ')) {
                        wrong.add(where + ": Link header not ASCII: " + link);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        // the service goes on
        given().get("/api/series").then().statusCode(200);
    }

    @Test
    void controlBytesInTheRequestLineAreA400Problem() throws IOException {
        for (String bad : List.of("\u0001", "\u001b[2J", "\u007f")) {
            String reply = exchange(("GET /api/series?q=" + bad + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(status(reply)).as(bad).isEqualTo(400);
            assertThat(reply).as(bad).contains("application/problem+json");
        }
    }

    @Test
    void anHttp10RequestWithoutAHostIsAnsweredWithRelativeLinks() throws IOException {
        for (String line : List.of("GET /api/series", "HEAD /api/series", "GET /api/patches", "GET /feeds/series.atom",
                "GET /api/events")) {
            String reply = exchange((line + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(status(reply)).as(line).isEqualTo(200);
            if (line.startsWith("GET /api/series")) {
                assertThat(reply).as(line).containsPattern("(?i)link: </api/series\\?page=1");
            }
        }
    }

    @Test
    void aHostHeaderThatIsNoHostIsA400Problem() throws IOException {
        List<byte[]> hosts = List.of("a]b".getBytes(StandardCharsets.US_ASCII), "[::1".getBytes(StandardCharsets.US_ASCII),
                new byte[] {'e', 'v', (byte) 0xe2, (byte) 0x80, (byte) 0xae, 'i', 'l'});
        for (byte[] host : hosts) {
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.writeBytes("GET /api/series?format=text HTTP/1.1\r\nHost: ".getBytes(StandardCharsets.US_ASCII));
            req.writeBytes(host);
            req.writeBytes("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = exchange(req.toByteArray());
            assertThat(status(reply)).as(hex(host)).isEqualTo(400);
            assertThat(reply).as(hex(host)).contains("application/problem+json").doesNotContain("Internal Server Error");
        }
    }

    @Test
    void theOpenApiDocumentIsReadOnly() {
        for (String method : List.of("PUT", "POST", "DELETE", "PATCH")) {
            Response r = given().contentType("application/json").body("{}").request(method, "/q/openapi");
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.header("Allow")).as(method).contains("GET");
        }
        given().get("/q/openapi").then().statusCode(200);
        given().head("/q/openapi").then().statusCode(200);
    }

    @Test
    void mailAskedForAsTextIsSafeForATerminal() {
        long seriesId = given().get("/api/messages/" + HostileMail.PATCH_ID).jsonPath().getLong("seriesId");
        // the cover letter's body carries U+202E as it is (the subjects carry it encoded)
        for (String path : List.of("/api/messages/" + HostileMail.PATCH_ID + "/raw", "/api/messages/" + HostileMail.COVER_ID
                + "/raw", "/api/series/" + seriesId + "/mbox")) {
            boolean literal = path.contains(HostileMail.COVER_ID);
            for (Response r : List.of(given().queryParam("format", "text").get(path),
                    given().accept("text/plain").queryParam("format", "text").get(path))) {
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.contentType()).as(path).startsWith("text/plain");
                String text = r.asString();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0);
                    boolean bidi = c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
                    assertThat(control || bidi).as("%s: U+%04X at %d", path, (int) c, i).isFalse();
                }
                if (literal) {
                    // what was hidden is shown, not silently dropped
                    assertThat(text).as(path).contains("<U+202E>");
                }
            }
            if (literal) {
                // for git am the bytes stay as they were received
                byte[] exact = given().get(path).then().statusCode(200).extract().asByteArray();
                assertThat(new String(exact, StandardCharsets.UTF_8)).as(path).contains("\u202e");
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Sends the bytes as they are; the reply's head and body as ISO-8859-1 text. */
    String exchange(byte[] request) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    got.write(buf, 0, n);
                    if (complete(got.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (IOException e) {
                // reset after the reply
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static boolean complete(String text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String cl = header(text, "Content-Length");
        return cl != null && text.length() >= headEnd + 4 + Integer.parseInt(cl.strip());
    }

    static String header(String reply, String name) {
        int headEnd = reply.indexOf("\r\n\r\n");
        for (String line : reply.substring(0, headEnd < 0 ? reply.length() : headEnd).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    static int status(String reply) {
        assertThat(reply).as("a reply").startsWith("HTTP/1.");
        return Integer.parseInt(reply.substring(9, 12));
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("\\x%02x", x & 0xff));
        }
        return s.toString();
    }
}
