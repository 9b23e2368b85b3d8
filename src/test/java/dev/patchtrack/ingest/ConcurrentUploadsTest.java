package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Different mboxes uploaded at the same moment into an empty database: they share the list and
 * many people (gen-mbox draws authors and reviewers from one cast), so their first batches race to
 * create the same rows. Every upload succeeds and every message is stored once.
 */
@QuarkusTest
class ConcurrentUploadsTest {

    static final int UPLOADS = 4;
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/import?list=rust-for-linux")
    URL importUrl;

    @Inject
    Database database;

    @Test
    void overlappingUploadsAllSucceedAndStoreEachMessageOnce() throws Exception {
        List<byte[]> mboxes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < UPLOADS; i++) {
            Corpus.Generated c = Corpus.generate(8, 70 + i);
            mboxes.add(Files.readAllBytes(c.mbox()));
            for (JsonNode row : c.truth()) {
                JsonNode mid = row.get("mid");
                ids.add(mid == null || mid.isNull() ? "synthetic:" + i + ":" + ids.size() : mid.asText());
            }
        }
        HttpClient client = HttpClient.newHttpClient();
        for (int round = 0; round < 3; round++) {
            database.clear();
            ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (byte[] mbox : mboxes) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return client.send(HttpRequest.newBuilder(importUrl.toURI()).timeout(Duration.ofMinutes(5))
                            .header("Authorization", "Bearer test-token").header("Content-Type", "application/mbox")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(mbox)).build(), HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            int stored = 0;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as("round %d: %s", round, r.body()).isEqualTo(200);
                stored += JSON.readTree(r.body()).get("stored").asInt();
            }
            pool.shutdown();
            assertThat(stored).as("round %d: each message stored once", round).isEqualTo(ids.size());
        }
    }
}
