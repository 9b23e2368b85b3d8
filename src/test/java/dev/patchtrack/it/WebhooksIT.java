package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.patchtrack.core.push.Signature;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database, both sending webhook deliveries: each event reaches each subscriber
 * exactly once, whichever instance recorded it and whichever sends it. A receiver that fails some
 * attempts makes the retries cross instances too.
 */
class WebhooksIT {

    static final String TOKEN = "it-token";

    @Test
    void eachEventReachesEachSubscriberOnceFromOneOfTwoInstances() throws Exception {
        Path dir = Path.of("target", "it", "webhooks-" + System.nanoTime()).toAbsolutePath();
        Corpus.Generated corpus = Corpus.fixture(12, 7);
        Map<String, Integer> tries = new java.util.concurrent.ConcurrentHashMap<>();
        try (WebhookReceiver receiver = WebhookReceiver.start(hit -> hit.path().equals("/flaky")
                && tries.merge(hit.header("X-Patchtrack-Delivery"), 1, Integer::sum) == 1 ? 500 : 200)) {
            Map<String, String> props = new HashMap<>();
            props.put("patchtrack.api-tokens", TOKEN);
            props.put("patchtrack.webhooks.poll-interval", "100ms");
            props.put("patchtrack.webhooks.backoff", "200ms");
            props.put("patchtrack.webhooks.max-backoff", "1s");
            Map<String, String> a = new HashMap<>(props);
            a.putAll(Instance.database(dir, true));
            Map<String, String> b = new HashMap<>(props);
            b.putAll(Instance.database(dir, false));
            try (Instance one = Instance.start("one", dir, a); Instance two = Instance.start("two", dir, b)) {
                Map<String, JsonPath> hooks = new TreeMap<>();
                for (String path : List.of("/all", "/flaky", "/posted")) {
                    Map<String, Object> body = new HashMap<>(Map.of("url", receiver.url(path)));
                    if (path.equals("/posted")) {
                        body.put("kind", List.of("revision-posted"));
                    }
                    hooks.put(path, one.api().header("Authorization", "Bearer " + TOKEN).contentType("application/json")
                            .body(body).post("/api/webhooks").then().statusCode(201).extract().jsonPath());
                }
                byte[] mbox = Files.readAllBytes(corpus.mbox());
                int half = mbox.length / 2;
                int cut = new String(mbox, 0, half, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("\nFrom ") + 1;
                // half the mail through each instance, at the same time: both record events
                Thread other = new Thread(() -> two.api().header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/mbox").body(java.util.Arrays.copyOfRange(mbox, cut, mbox.length))
                        .post("/api/import?list=rust-for-linux").then().statusCode(200));
                other.start();
                one.api().header("Authorization", "Bearer " + TOKEN).contentType("application/mbox")
                        .body(java.util.Arrays.copyOfRange(mbox, 0, cut)).post("/api/import?list=rust-for-linux")
                        .then().statusCode(200);
                other.join();

                List<Map<String, Object>> events = one.api().get("/api/events?after=0&limit=1000").jsonPath().getList("$");
                assertThat(events).hasSizeGreaterThan(20);
                Map<String, Long> expected = Map.of("/all", (long) events.size(), "/flaky", (long) events.size(),
                        "/posted", events.stream().filter(e -> "revision-posted".equals(e.get("kind"))).count());
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> expected.entrySet()
                        .stream().allMatch(e -> accepted(receiver, e.getKey()).size() >= e.getValue()));
                Thread.sleep(2000); // late duplicates would arrive now

                for (Map.Entry<String, JsonPath> h : hooks.entrySet()) {
                    List<WebhookReceiver.Hit> ok = accepted(receiver, h.getKey());
                    Map<Long, Long> perEvent = ok.stream().collect(Collectors.groupingBy(
                            hit -> new JsonPath(hit.text()).getLong("event.id"), Collectors.counting()));
                    assertThat(perEvent.values()).as(h.getKey() + ": each event once").containsOnly(1L);
                    assertThat((long) perEvent.size()).as(h.getKey()).isEqualTo(expected.get(h.getKey()));
                    String secret = h.getValue().getString("secret");
                    assertThat(receiver.hits(h.getKey())).allSatisfy(hit ->
                            assertThat(Signature.verify(secret, hit.body(), hit.header(Signature.HEADER))).isTrue());
                    JsonPath stored = two.api().header("Authorization", "Bearer " + TOKEN)
                            .get("/api/webhooks/" + h.getValue().getLong("id")).then().statusCode(200).extract().jsonPath();
                    assertThat(stored.getLong("deliveries.delivered")).isEqualTo(expected.get(h.getKey()));
                    assertThat(stored.getLong("deliveries.pending") + stored.getLong("deliveries.failed")).isZero();
                    System.out.printf("webhook %s: %d events, sent by %s%n", h.getKey(), perEvent.size(), ok.stream()
                            .collect(Collectors.groupingBy(hit -> hit.header("X-Patchtrack-Instance"), Collectors.counting())));
                }
                assertThat(receiver.hits("/flaky")).as("every delivery failed once, then went through")
                        .hasSize(2 * events.size());
            }
        }
    }

    static List<WebhookReceiver.Hit> accepted(WebhookReceiver r, String path) {
        return r.hits(path).stream().filter(h -> h.answered() == 200).toList();
    }
}
