package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.Pipeline;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/events/stream} read as a client reads it: a real HTTP connection whose lines arrive as
 * the server sends them. Events recorded after the connection arrive on it; a reconnection with
 * Last-Event-ID gets only what came after; filters narrow it; bad ones are refused before it starts;
 * the test profile allows three streams at once and sends a heartbeat every 2 s.
 */
@QuarkusTest
class EventStreamTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/api/events/stream")
    URI stream;

    @Inject
    Database database;

    private final List<Client> clients = new ArrayList<>();

    @BeforeEach
    void empty() {
        database.clear();
    }

    @AfterEach
    void hangUp() {
        clients.forEach(Client::close);
        // the slots come back once the server notices the clients left (at the latest at a heartbeat)
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/q/metrics").asString().lines()
                .anyMatch(l -> l.matches("patchtrack_event_streams 0(\\.0)?")));
    }

    @Test
    void eventsRecordedLaterArriveAndAReconnectionResumesAfterTheLastId() throws Exception {
        Client live = open("", null);
        assertThat(live.response.statusCode()).isEqualTo(200);
        assertThat(live.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(live.response.headers().firstValue("ETag")).isEmpty();
        assertThat(live.response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(live.response.headers().firstValue("API-Version")).hasValue("1");

        ImportAndReadTest.upload(Pipeline.fixture("series/3005-applied-notices.mbox"), "rust-for-linux");
        List<Long> all = given().get("/api/events?after=0&limit=1000").jsonPath().getList("id", Long.class);
        assertThat(all).hasSizeGreaterThan(3);
        List<Event> got = live.events(all.size(), Duration.ofSeconds(30));
        assertThat(got).extracting(Event::id).containsExactlyElementsOf(all);
        assertThat(got.get(0).data()).startsWith("{\"id\":" + all.get(0) + ",\"kind\":\"");
        live.close();

        // as an EventSource reconnects: the same URL, the last id seen in the header (it wins over after)
        long lastSeen = all.get(2);
        Client resumed = open("?after=0", lastSeen);
        List<Event> rest = resumed.events(all.size() - 3, Duration.ofSeconds(30));
        assertThat(rest).extracting(Event::id).containsExactlyElementsOf(all.subList(3, all.size()));
        assertThat(resumed.next(Duration.ofMillis(1500))).as("nothing more").isNull();

        // after= alone, and filters as /api/events takes them
        List<Long> posted = given().get("/api/events?after=0&kind=revision-posted").jsonPath().getList("id", Long.class);
        assertThat(posted).isNotEmpty();
        Client filtered = open("?after=0&kind=revision-posted&list=rust-for-linux", null);
        assertThat(filtered.events(posted.size(), Duration.ofSeconds(30))).extracting(Event::id).containsExactlyElementsOf(posted);
    }

    @Test
    void aQuietStreamGetsHeartbeats() throws Exception {
        Client quiet = open("", null);
        String first = quiet.lines.poll(10, TimeUnit.SECONDS);
        assertThat(first).startsWith(":patchtrack events after ");
        assertThat(quiet.lines.poll(10, TimeUnit.SECONDS)).isEqualTo("retry:5000");
        List<String> seen = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until && !seen.contains(":keep-alive")) {
            String l = quiet.lines.poll(1, TimeUnit.SECONDS);
            if (l != null) {
                seen.add(l);
            }
        }
        assertThat(seen).contains(":keep-alive");
        // comments only: an EventSource dispatches no message for them
        assertThat(seen).noneMatch(l -> l.startsWith("data") || l.startsWith("id"));
    }

    @Test
    void badFiltersAreRefusedBeforeTheStreamStarts() throws Exception {
        for (String query : List.of("?kind=nonsense", "?topic=rust-nothing", "?list=no-such-list", "?series=abc",
                "?after=-1", "?afterr=5")) {
            HttpResponse<String> r = HTTP.send(request(query, null).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(query).startsWith("application/problem+json");
        }
        HttpResponse<String> r = HTTP.send(request("", null).header("Last-Event-ID", "yesterday").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Last-Event-ID");
    }

    @Test
    void streamsBeyondTheLimitGet503WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(open("", null).response.statusCode()).isEqualTo(200);
        }
        HttpResponse<String> r = HTTP.send(request("", null).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("5");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("patchtrack.events.max-streams");
        // one leaves: another may come
        clients.remove(0).close();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Client c = open("", null);
            if (c.response.statusCode() == 200) {
                return true;
            }
            clients.remove(c);
            c.close();
            return false;
        });
    }

    // ---- a client reading lines as they come ---------------------------------------------------

    record Event(long id, String data) {
    }

    private HttpRequest.Builder request(String query, Long lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stream + query)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", String.valueOf(lastEventId));
        }
        return b;
    }

    private Client open(String query, Long lastEventId) throws Exception {
        HttpResponse<InputStream> r = HTTP.send(request(query, lastEventId).build(), HttpResponse.BodyHandlers.ofInputStream());
        Client c = new Client(r);
        clients.add(c);
        return c;
    }

    static final class Client {
        final HttpResponse<InputStream> response;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader;

        Client(HttpResponse<InputStream> response) {
            this.response = response;
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException | RuntimeException e) {
                    // closed
                }
            }, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next event (id and data lines, up to the blank line), or null if none comes in time. */
        Event next(Duration wait) throws InterruptedException {
            long until = System.nanoTime() + wait.toNanos();
            Long id = null;
            StringBuilder data = new StringBuilder();
            while (System.nanoTime() < until) {
                String l = lines.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (l == null) {
                    return null;
                }
                if (l.startsWith("id:")) {
                    id = Long.parseLong(l.substring(3).strip());
                } else if (l.startsWith("data:")) {
                    data.append(l.substring(5).strip());
                } else if (l.isEmpty() && id != null) {
                    return new Event(id, data.toString());
                }
            }
            return null;
        }

        List<Event> events(int n, Duration wait) throws InterruptedException {
            List<Event> out = new ArrayList<>();
            long until = System.nanoTime() + wait.toNanos();
            while (out.size() < n && System.nanoTime() < until) {
                Event e = next(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
                if (e != null) {
                    out.add(e);
                }
            }
            return out;
        }

        void close() {
            try {
                response.body().close(); // ends the connection: the server sees the client gone
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
