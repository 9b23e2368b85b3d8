package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.core.push.Signature;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.Pipeline;
import dev.patchtrack.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a real receiver on 127.0.0.1: every event after the subscription reaches it once,
 * signed with the subscription's secret; filters narrow what is sent; a receiver that fails is tried
 * again after a growing wait and the outcome is recorded; subscriptions belong to their token; what
 * cannot be delivered (a host off the allowlist, an unknown kind) is refused when subscribing. The
 * test profile polls every 200 ms and backs off 300 ms, doubling, at most 4 attempts.
 */
@QuarkusTest
class WebhooksTest {

    static final String TOKEN = "Bearer test-token";
    static final String OTHER = "Bearer second-token";

    @Inject
    Database database;

    WebhookReceiver receiver;
    final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        database.clear();
        receiver = WebhookReceiver.start(hit -> switch (hit.path()) {
            // fails the first two attempts of each delivery, then takes it
            case "/flaky" -> attempts.merge(hit.header("X-Patchtrack-Delivery"), 1, Integer::sum) <= 2 ? 500 : 204;
            case "/down" -> 503;
            default -> 200;
        });
    }

    @AfterEach
    void stop() {
        given().header("Authorization", TOKEN).get("/api/webhooks").jsonPath().getList("id", Long.class)
                .forEach(id -> given().header("Authorization", TOKEN).delete("/api/webhooks/" + id));
        receiver.close();
    }

    static JsonPath subscribe(Map<String, Object> body) {
        return given().header("Authorization", TOKEN).contentType("application/json").body(body)
                .post("/api/webhooks").then().statusCode(201).extract().jsonPath();
    }

    static List<Map<String, Object>> events(long after) {
        return given().get("/api/events?after=" + after + "&limit=1000").jsonPath().getList("$");
    }

    @Test
    void everyLaterEventArrivesOnceSignedWithTheSecret() {
        ImportAndReadTest.upload(Pipeline.fixture("series/3001-version-in-body.mbox"), "rust-for-linux");
        JsonPath hook = subscribe(Map.of("url", receiver.url("/all"), "description", "everything"));
        String secret = hook.getString("secret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        long cursor = hook.getLong("cursor");
        assertThat(cursor).as("from now on: what was there before is not sent").isPositive();

        ImportAndReadTest.upload(Pipeline.fixture("series/3005-applied-notices.mbox"), "rust-for-linux");
        List<Map<String, Object>> later = events(cursor);
        assertThat(later).hasSizeGreaterThan(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.hits("/all").size() >= later.size());
        pause(Duration.ofSeconds(1)); // nothing more comes
        List<WebhookReceiver.Hit> hits = receiver.hits("/all");
        assertThat(hits).hasSize(later.size());

        Map<Long, String> kindById = new HashMap<>();
        later.forEach(e -> kindById.put(((Number) e.get("id")).longValue(), (String) e.get("kind")));
        for (WebhookReceiver.Hit h : hits) {
            assertThat(Signature.verify(secret, h.body(), h.header(Signature.HEADER))).as(h.text()).isTrue();
            assertThat(h.header("Content-Type")).startsWith("application/json");
            assertThat(h.header("User-Agent")).startsWith("patchtrack/");
            JsonPath body = new JsonPath(h.text());
            long event = body.getLong("event.id");
            assertThat(body.getString("event.kind")).isEqualTo(kindById.get(event)).isEqualTo(h.header("X-Patchtrack-Event"));
            assertThat(body.getLong("webhook")).isEqualTo(hook.getLong("id"));
            assertThat(body.getString("delivery")).isEqualTo(h.header("X-Patchtrack-Delivery"));
        }
        assertThat(hits).extracting(h -> new JsonPath(h.text()).getLong("event.id"))
                .containsExactlyInAnyOrderElementsOf(kindById.keySet());

        long id = hook.getLong("id");
        given().header("Authorization", TOKEN).get("/api/webhooks/" + id).then().statusCode(200)
                .body("deliveries.delivered", equalTo(later.size())).body("deliveries.pending", equalTo(0))
                .body("secret", equalTo(null));
        JsonPath deliveries = given().header("Authorization", TOKEN).get("/api/webhooks/" + id + "/deliveries?per_page=500")
                .then().statusCode(200).header("X-Total-Count", String.valueOf(later.size())).extract().jsonPath();
        assertThat(deliveries.getList("items.status", String.class)).containsOnly("delivered");
        assertThat(deliveries.getList("items.attempts", Integer.class)).containsOnly(1);
        assertThat(deliveries.getList("items.lastStatus", Integer.class)).containsOnly(200);
        assertThat(deliveries.getList("items.deliveredBy", String.class)).doesNotContainNull();
    }

    @Test
    void filtersNarrowWhatIsSentAndAPausedSubscriptionWaits() {
        JsonPath posted = subscribe(Map.of("url", receiver.url("/posted"), "kind", List.of("revision-posted")));
        JsonPath paused = subscribe(Map.of("url", receiver.url("/paused"), "kind", List.of("series-created")));
        assertThat(posted.getList("filters.kind", String.class)).containsExactly("revision-posted");
        given().header("Authorization", TOKEN).contentType("application/json").body(Map.of("active", false))
                .patch("/api/webhooks/" + paused.getLong("id")).then().statusCode(200).body("active", equalTo(false));

        ImportAndReadTest.upload(Pipeline.fixture("series/3005-applied-notices.mbox"), "rust-for-linux");
        long revisions = events(0).stream().filter(e -> "revision-posted".equals(e.get("kind"))).count();
        assertThat(revisions).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.hits("/posted").size() >= revisions);
        pause(Duration.ofSeconds(1));
        assertThat(receiver.hits("/posted")).hasSize((int) revisions)
                .allSatisfy(h -> assertThat(h.header("X-Patchtrack-Event")).isEqualTo("revision-posted"));
        assertThat(receiver.hits("/paused")).isEmpty();

        // resumed, it goes on from where it stopped: what was recorded meanwhile is sent
        given().header("Authorization", TOKEN).contentType("application/json").body(Map.of("active", true))
                .patch("/api/webhooks/" + paused.getLong("id")).then().statusCode(200);
        long created = events(0).stream().filter(e -> "series-created".equals(e.get("kind"))).count();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.hits("/paused").size() >= created);
    }

    @Test
    void aFailingReceiverIsTriedAgainAfterAGrowingWaitAndTheOutcomeIsRecorded() {
        JsonPath flaky = subscribe(Map.of("url", receiver.url("/flaky"), "kind", List.of("series-created")));
        JsonPath down = subscribe(Map.of("url", receiver.url("/down"), "kind", List.of("series-created")));
        double failedBefore = counter("failed");
        ImportAndReadTest.upload(Pipeline.fixture("series/3001-version-in-body.mbox"), "rust-for-linux");

        int n = (int) events(0).stream().filter(e -> "series-created".equals(e.get("kind"))).count();
        assertThat(n).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(flaky, "delivered") == n && status(down, "failed") == n);
        JsonPath f = given().header("Authorization", TOKEN).get("/api/webhooks/" + flaky.getLong("id") + "/deliveries")
                .jsonPath();
        assertThat(f.getList("items.attempts", Integer.class)).containsOnly(3);
        assertThat(f.getList("items.lastStatus", Integer.class)).containsOnly(204);
        String first = receiver.hits("/flaky").get(0).header("X-Patchtrack-Delivery");
        List<WebhookReceiver.Hit> tries = receiver.hits("/flaky").stream()
                .filter(h -> first.equals(h.header("X-Patchtrack-Delivery"))).toList();
        assertThat(tries).extracting(WebhookReceiver.Hit::answered).containsExactly(500, 500, 204);
        assertThat(tries).extracting(h -> h.header("X-Patchtrack-Attempt")).containsExactly("1", "2", "3");
        assertThat(tries).extracting(WebhookReceiver.Hit::text).as("the same body every time").containsOnly(tries.get(0).text());
        assertThat(Duration.ofNanos(tries.get(1).nanos() - tries.get(0).nanos())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(tries.get(2).nanos() - tries.get(1).nanos())).isGreaterThanOrEqualTo(Duration.ofMillis(600));

        JsonPath d = given().header("Authorization", TOKEN).get("/api/webhooks/" + down.getLong("id") + "/deliveries?status=failed")
                .jsonPath();
        assertThat(d.getInt("items[0].attempts")).isEqualTo(4);
        assertThat(d.getInt("items[0].lastStatus")).isEqualTo(503);
        assertThat(d.getString("items[0].lastError")).isEqualTo("HTTP 503");
        assertThat(d.getString("items[0].finishedAt")).isNotNull();
        pause(Duration.ofSeconds(2));
        assertThat(receiver.hits("/down")).as("given up after the last attempt").hasSize(4 * n);
        assertThat(counter("failed")).isEqualTo(failedBefore + n);
        assertThat(counter("retry")).isGreaterThanOrEqualTo(5 * n);
    }

    @Test
    void aSubscriptionBelongsToTheTokenThatMadeIt() {
        long id = subscribe(Map.of("url", receiver.url("/mine"))).getLong("id");
        given().header("Authorization", OTHER).get("/api/webhooks").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", OTHER).get("/api/webhooks/" + id).then().statusCode(404);
        given().header("Authorization", OTHER).delete("/api/webhooks/" + id).then().statusCode(404);
        given().header("Authorization", OTHER).get("/api/webhooks/" + id + "/deliveries").then().statusCode(404);
        given().get("/api/webhooks").then().statusCode(401);
        given().header("Authorization", TOKEN).get("/api/webhooks").then().statusCode(200).body("id", equalTo(List.of((int) id)));
        given().header("Authorization", TOKEN).delete("/api/webhooks/" + id).then().statusCode(204);
        given().header("Authorization", TOKEN).get("/api/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void whatCannotBeDeliveredIsRefusedWhenSubscribing() {
        refused(Map.of("url", "http://hooks.example.org/patchtrack"), "url", "allowlist");
        refused(Map.of("url", "ftp://127.0.0.1/hook"), "url", "http(s) URL");
        refused(Map.of("url", "not a url"), "url", "http(s) URL");
        refused(Map.of(), "url", "http(s) URL");
        refused(Map.of("url", receiver.url("/x"), "kind", List.of("revision-postd")), "kind", "revision-posted");
        refused(Map.of("url", receiver.url("/x"), "series", List.of("seven")), "series", "");
        refused(Map.of("url", receiver.url("/x"), "secret", "short"), "secret", "16");
        refused(Map.of("url", receiver.url("/x"), "after", -1), "after", "event id");
        given().header("Authorization", TOKEN).get("/api/webhooks/1/deliveries?status=lost").then().statusCode(400)
                .body("parameter", equalTo("status"));
        given().header("Authorization", TOKEN).get("/api/webhooks/abc").then().statusCode(400).body("parameter", equalTo("id"));
    }

    static void refused(Map<String, Object> body, String parameter, String says) {
        given().header("Authorization", TOKEN).contentType("application/json").body(body).post("/api/webhooks")
                .then().statusCode(400).body("parameter", equalTo(parameter)).body("detail", containsString(says));
    }

    static int status(JsonPath hook, String status) {
        return given().header("Authorization", TOKEN).get("/api/webhooks/" + hook.getLong("id")).jsonPath()
                .getInt("deliveries." + status);
    }

    static double counter(String result) {
        String prefix = "patchtrack_webhook_deliveries_total{result=\"" + result + "\"} ";
        return given().get("/q/metrics").asString().lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()))).findFirst().orElseThrow();
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
