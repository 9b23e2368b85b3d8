package dev.patchtrack.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.HostileMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every GET operation of the OpenAPI document, every query and path parameter it declares, fed
 * quotes, SQL, unicode, control characters and huge values: the answer is a normal one or a 400/404
 * problem, never a 5xx. The operations come from /q/openapi, so an endpoint added later is fuzzed
 * without touching this test.
 */
@QuarkusTest
class ParameterFuzzTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> HOSTILE = List.of(
            "'", "\"", "' OR '1'='1", "1; DROP TABLE message; --", "1' UNION SELECT raw FROM message --",
            "%", "_", "\\", "*", "%27%22", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}",
            "ü漢字😀\u202e\u200b", "\u0001\u0007\u001b", "-1", "0", "-9223372036854775808", "99999999999999999999999",
            "1e309", "NaN", "2024-13-45", "9999-12-31T23:59:59Z", "-999999999-01-01", "true", "[]", "{}", "null",
            "a".repeat(5000), "9".repeat(3000), " ", "");

    @Inject
    Database database;

    @Test
    void everyGetParameterAnswersNormallyOr400NeverAServerError() throws Exception {
        database.clear();
        HostileMail.importThroughApi();

        JsonNode doc = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Map<String, List<JsonNode>> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || get.path("responses").toString().contains("text/event-stream")) {
                continue; // a stream never ends: EventStreamTest refuses its bad parameters
            }
            List<JsonNode> params = new ArrayList<>();
            path.getValue().path("parameters").forEach(params::add);
            get.path("parameters").forEach(params::add);
            operations.put(path.getKey(), params);
        }
        assertThat(operations).as("GET operations in the OpenAPI document").hasSizeGreaterThan(8);

        List<String> failures = new ArrayList<>();
        int requests = 0;
        int queryParams = 0;
        for (Map.Entry<String, List<JsonNode>> op : operations.entrySet()) {
            String template = op.getKey();
            List<JsonNode> params = op.getValue();
            // a path with its parameters filled plainly, then each parameter in turn made hostile
            for (JsonNode p : params) {
                String in = p.path("in").asText();
                String name = p.path("name").asText();
                if (!in.equals("query") && !in.equals("path")) {
                    continue;
                }
                queryParams += in.equals("query") ? 1 : 0;
                for (String value : HOSTILE) {
                    String path = template;
                    for (JsonNode other : params) {
                        if (other.path("in").asText().equals("path")) {
                            String v = other == p ? value : "1";
                            path = path.replace("{" + other.path("name").asText() + "}", encode(v));
                        }
                    }
                    if (in.equals("query")) {
                        path += "?" + encode(name) + "=" + encode(value);
                    }
                    Response r;
                    try {
                        r = given().urlEncodingEnabled(false).header("Authorization", "Bearer test-token").get(path);
                    } catch (RuntimeException e) {
                        failures.add("GET " + template + " " + name + "=" + abbreviate(value) + ": " + e);
                        continue;
                    }
                    requests++;
                    int status = r.statusCode();
                    boolean normal = status < 400 || status == 404 || status == 400 || status == 406;
                    if (!normal) {
                        failures.add("GET " + template + " " + name + "=" + abbreviate(value) + " -> " + status + " " + abbreviate(r.asString()));
                    } else if (status >= 400 && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                        failures.add("GET " + template + " " + name + "=" + abbreviate(value) + " -> " + status + " as " + r.contentType());
                    }
                }
            }
        }
        assertThat(queryParams).as("query parameters found").isGreaterThan(5);
        assertThat(requests).isGreaterThan(200);
        assertThat(failures).isEmpty();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String s) {
        String v = s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + ")" : s;
        return v.replaceAll("\\p{Cntrl}", "?");
    }
}
