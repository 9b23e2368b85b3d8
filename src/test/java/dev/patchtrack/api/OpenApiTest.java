package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every endpoint; Swagger UI answers. */
@QuarkusTest
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAndEveryParameterADescription() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(doc.getString("info.version")).isEqualTo("1");
        assertThat(doc.getString("info.description")).contains("/api/v1/").contains("If-None-Match");
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/series", "/api/v1/patches", "/api/v1/stats", "/api/v1/events",
                "/api/v1/messages/{id}", "/api/v1/topics");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> p : paths.entrySet()) {
            assertThat(p.getKey()).as("documented under the versioned path").doesNotStartWith("/api/series");
            for (Map.Entry<String, Object> op : p.getValue().entrySet()) {
                if (!(op.getValue() instanceof Map<?, ?> m) || op.getKey().equals("parameters")) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + p.getKey();
                if (!(m.get("summary") instanceof String s) || s.isBlank()) {
                    missing.add(where + ": no summary");
                }
                Object params = m.get("parameters");
                for (Map<String, Object> param : params == null ? List.<Map<String, Object>>of() : (List<Map<String, Object>>) params) {
                    if (!(param.get("description") instanceof String d) || d.isBlank()) {
                        missing.add(where + ": parameter " + param.get("name") + " has no description");
                    }
                }
                if (m.containsKey("security")) {
                    Map<String, Object> responses = (Map<String, Object>) m.get("responses");
                    if (!responses.containsKey("401") || !responses.containsKey("403")) {
                        missing.add(where + ": a write without 401/403");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        // the list endpoints show an example answer
        assertThat(doc.getString("paths.'/api/v1/series'.get.responses.'200'.content.'application/json'.examples.page.value"))
                .contains("items");
    }

    @Test
    void swaggerUiAnswers() {
        given().redirects().follow(true).get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
