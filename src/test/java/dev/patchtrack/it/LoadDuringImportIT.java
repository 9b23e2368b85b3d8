package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Corpus;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The read API under a bounded loop of concurrent clients while a large upload is imported into
 * the same service: every request answered, none with a 5xx or a broken connection. Prints the
 * request count and the slowest answer (a measurement, not an assertion).
 */
class LoadDuringImportIT {

    static final String TOKEN = "it-token";
    static final int CLIENTS = 8;

    @Test
    void theApiKeepsAnsweringWhileALargeImportRuns() throws Exception {
        Corpus.Generated corpus = Corpus.generate(150, 31);
        Path dir = Path.of("target", "it", "load-" + System.nanoTime()).toAbsolutePath();
        Map<String, String> props = new java.util.HashMap<>(Instance.database(dir, true));
        props.put("patchtrack.api-tokens", TOKEN);
        props.put("patchtrack.import.batch-size", "100");
        try (Instance svc = Instance.start("load", dir, props)) {
            // something to read from the start
            upload(svc, Files.readAllBytes(Corpus.fixture(10, 5).mbox()));

            AtomicBoolean importing = new AtomicBoolean(true);
            LongAdder requests = new LongAdder();
            AtomicLong slowest = new AtomicLong();
            List<String> errors = new CopyOnWriteArrayList<>();
            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            long t0 = System.nanoTime();
            Future<HttpResponse<String>> importDone = pool.submit(() -> {
                try {
                    return upload(svc, Files.readAllBytes(corpus.mbox()));
                } finally {
                    importing.set(false);
                }
            });
            List<Future<?>> clients = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    // bounded: until the import is over (and at least 10 s), never beyond the deadline
                    long minEnd = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while ((importing.get() || System.nanoTime() < minEnd) && System.nanoTime() < deadline) {
                        for (String path : paths(svc)) {
                            long s = System.nanoTime();
                            try {
                                Response r = svc.api().get(path);
                                statuses.computeIfAbsent(r.statusCode(), k -> new LongAdder()).increment();
                                if (r.statusCode() >= 500 || (r.statusCode() != 200 && !path.matches("/api/(series|patches|messages)/.+"))) {
                                    errors.add("GET " + path + " -> " + r.statusCode() + " " + r.asString());
                                }
                            } catch (RuntimeException e) {
                                errors.add("GET " + path + ": " + e);
                            }
                            requests.increment();
                            slowest.accumulateAndGet((System.nanoTime() - s) / 1_000_000, Math::max);
                        }
                    }
                    return null;
                }));
            }
            HttpResponse<String> imported = importDone.get();
            for (Future<?> f : clients) {
                f.get();
            }
            pool.shutdown();
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("load during import: %d requests from %d clients in %.0f s (%.0f/s), slowest %d ms, statuses %s%n",
                    requests.sum(), CLIENTS, secs, requests.sum() / secs, slowest.get(), statuses);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(JsonPath.from(imported.body()).getInt("stored")).isPositive();
            assertThat(errors).as("errors under load").isEmpty();
            assertThat(requests.sum()).isGreaterThan(CLIENTS * 10L);
        }
    }

    /** A round of reads: lists with filters, then details of what the list shows now. */
    static List<String> paths(Instance svc) {
        List<String> paths = new ArrayList<>(List.of("/api/series", "/api/series?per_page=20&page=2", "/api/series?q=rust",
                "/api/events", "/api/topics", "/api/sources", "/q/health/live"));
        JsonPath list = svc.api().get("/api/series?per_page=5&page=" + (1 + ThreadLocalRandom.current().nextInt(3)))
                .then().extract().jsonPath();
        List<Object> ids = list.getList("items.id");
        if (ids != null) {
            ids.forEach(id -> paths.add("/api/series/" + id));
        }
        return paths;
    }

    static HttpResponse<String> upload(Instance svc, byte[] mbox) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + svc.port
                        + "/api/import?list=rust-for-linux")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/mbox").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(mbox)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
