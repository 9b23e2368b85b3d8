package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.ingest.SyncService;
import dev.patchtrack.ingest.lwn.LwnPoller;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.LoreLocal;
import dev.patchtrack.support.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The domain metrics at /q/metrics count what imports, syncs, derivations and LWN polls did and what
 * the store holds; and the Grafana dashboard in deploy/ plots only metrics the service exports, and
 * every patchtrack one of them, so the two cannot drift apart.
 */
@QuarkusTest
class MetricsTest {

    static final Path DASHBOARD = Path.of("deploy", "grafana", "patchtrack.json");

    @Inject
    Database database;

    @Inject
    SyncService sync;

    @Inject
    LwnPoller lwn;

    @BeforeEach
    void empty() {
        database.clear();
    }

    @Test
    void importsSyncsDerivationsAndPollsAreCountedAndTheStoreIsGauged() throws Exception {
        Map<String, Double> before = scrape();
        int stored = ImportAndReadTest.upload(Pipeline.fixture("series/3005-applied-notices.mbox"), "rust-for-linux")
                .getInt("stored");
        assertThat(stored).isPositive();

        source("metrics-refused", "http://127.0.0.1:" + LoreLocal.freePort() + "/");
        assertThat(sync.sync("metrics-refused").error()).isNotNull();
        lwn.runOnce();

        long total = given().get("/api/series").jsonPath().getLong("total");
        Map<String, Long> byState = new HashMap<>();
        given().get("/api/series?per_page=500").jsonPath().getList("items.state.state", String.class)
                .forEach(s -> byState.merge(s, 1L, Long::sum));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Double> after = scrape();
            assertThat(delta(before, after, "patchtrack_messages_ingested_total{list=\"rust-for-linux\"}")).isEqualTo(stored);
            assertThat(delta(before, after, "patchtrack_derivation_seconds_count{pass=\"affected\"}")).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "patchtrack_sync_runs_total{source=\"metrics-refused\"}")).isEqualTo(1);
            assertThat(delta(before, after, "patchtrack_sync_failures_total{source=\"metrics-refused\"}")).isEqualTo(1);
            assertThat(delta(before, after, "patchtrack_lwn_polls_total{result=\"ok\"}")
                    + delta(before, after, "patchtrack_lwn_polls_total{result=\"problems\"}")
                    + delta(before, after, "patchtrack_lwn_polls_total{result=\"error\"}")).isEqualTo(1);
            assertThat(after.get("patchtrack_source_lag_seconds{source=\"metrics-refused\"}")).isBetween(0.0, 600.0);
            double gauged = 0;
            for (Map.Entry<String, Double> m : after.entrySet()) {
                if (m.getKey().startsWith("patchtrack_series{")) {
                    String state = m.getKey().replaceAll(".*state=\"([^\"]+)\".*", "$1");
                    assertThat(m.getValue()).as(state).isEqualTo(byState.getOrDefault(state, 0L).doubleValue());
                    gauged += m.getValue();
                }
            }
            assertThat(gauged).isEqualTo(total);
            assertThat(after.keySet()).anyMatch(k -> k.startsWith("patchtrack_series_by_topic{"));
        });
        given().header("Authorization", "Bearer test-token").delete("/api/sources/{name}", "metrics-refused")
                .then().statusCode(204);
    }

    @Test
    void everyDashboardQueryNamesAnExportedMetricAndEveryDomainMetricIsPlotted() throws Exception {
        ImportAndReadTest.upload(Pipeline.fixture("series/3006-explicit-links.mbox"), "rust-for-linux");
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/q/metrics").asString().contains("patchtrack_series_by_topic{"));
        String exposition = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> exported = new TreeSet<>();
        for (String line : exposition.lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        List<String> exprs = new ArrayList<>();
        collect(dashboard, exprs);
        assertThat(exprs).hasSizeGreaterThan(10);
        Set<String> plotted = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (String expr : exprs) {
            for (String name : metricNames(expr)) {
                plotted.add(name);
                if (!exported.contains(name)) {
                    missing.add(name + " in " + expr);
                }
            }
        }
        assertThat(missing).as("dashboard queries naming metrics /q/metrics does not export").isEmpty();
        Set<String> families = new TreeSet<>();
        exported.stream().filter(n -> n.startsWith("patchtrack_")).map(MetricsTest::family).forEach(families::add);
        Set<String> plottedFamilies = new TreeSet<>();
        plotted.stream().map(MetricsTest::family).forEach(plottedFamilies::add);
        assertThat(plottedFamilies).as("every patchtrack metric has a panel").containsAll(families);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Every PromQL expression in the dashboard: panel targets and query variables. */
    static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("expr") && f.getValue().isTextual()) {
                    out.add(f.getValue().asText());
                } else if (f.getKey().equals("query") && f.getValue().isObject() && f.getValue().has("query")) {
                    out.add(f.getValue().get("query").asText());
                } else {
                    collect(f.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "and", "or", "unless", "offset", "le", "inf", "nan");

    /** The metric names a PromQL expression (or a label_values() query) reads. */
    static Set<String> metricNames(String expr) {
        String e = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // strings
                .replaceAll("\\{[^}]*}", "") // label matchers
                .replaceAll("\\[[^]]*]", "") // ranges
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "") // label lists
                .replaceAll("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", "$1");
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(e);
        while (m.find()) {
            String word = m.group().replaceAll("\\s*\\($", "");
            if (m.group().endsWith("(") || PROMQL_WORDS.contains(word.toLowerCase()) || word.startsWith("$")) {
                continue; // a function, a keyword
            }
            if (m.start() > 0 && e.charAt(m.start() - 1) == '$') {
                continue; // a Grafana variable
            }
            out.add(word);
        }
        return out;
    }

    static String family(String name) {
        return name.replaceAll("_(bucket|sum|count|max|total)$", "");
    }

    /** /q/metrics as sample name with labels -> value. */
    static Map<String, Double> scrape() {
        Map<String, Double> out = new HashMap<>();
        for (String line : given().get("/q/metrics").asString().lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException e) {
                // not a sample
            }
        }
        return out;
    }

    static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        return after.getOrDefault(sample, 0.0) - before.getOrDefault(sample, 0.0);
    }

    static void source(String name, String base) {
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("baseUrl", base, "mode", "atom", "inbox", name, "schedule", "1h"))
                .put("/api/sources/{name}", name).then().statusCode(200);
    }
}
