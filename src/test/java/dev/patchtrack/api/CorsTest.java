package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripts on the origins of patchtrack.cors.origins (the test profile lists two) may read the API,
 * the feeds and health, and see the paging headers; other origins are refused without an
 * Access-Control-Allow-Origin (so a browser shows their scripts nothing); preflights are answered for
 * reads and not for writes.
 */
@QuarkusTest
class CorsTest {

    static final String DASHBOARD = "https://dash.example.org";
    static final List<String> PATHS = List.of("/api/series", "/api/events?after=0", "/api/v1/topics", "/feeds/series.atom",
            "/q/health", "/q/health/live");

    @Test
    void anAllowedOriginReadsEveryPublicPathAndSeesThePagingHeaders() {
        for (String path : PATHS) {
            Response r = given().header("Origin", DASHBOARD).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Origin")).as(path).isEqualTo(DASHBOARD);
            assertThat(r.header("Access-Control-Allow-Credentials")).as(path).isNotEqualTo("true");
            assertThat(exposed(r)).as(path).contains("etag", "link", "x-total-count", "x-next-since", "x-next-after");
        }
        Response events = given().header("Origin", "http://localhost:3000").get("/api/events?after=0");
        assertThat(events.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(events.header("X-Next-After")).isNotBlank();
        // the answer depends on the origin: caches keep one per origin
        assertThat(given().header("Origin", DASHBOARD).get("/api/series").header("Vary")).contains("Origin");
    }

    @Test
    void otherOriginsAndPlainRequestsGetNoCorsHeaders() {
        for (String origin : List.of("https://evil.example.com", "https://dash.example.org.evil.example.com",
                "http://dash.example.org", "null")) {
            Response r = given().header("Origin", origin).get("/api/series");
            assertThat(r.header("Access-Control-Allow-Origin")).as(origin).isNull();
            assertThat(r.statusCode()).as(origin).isEqualTo(403);
        }
        Response plain = given().get("/api/series");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void preflightsAreAnsweredForReadsOnly() {
        Response r = given().header("Origin", DASHBOARD).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match").options("/api/series");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
        assertThat(r.header("Access-Control-Allow-Methods")).contains("GET");
        assertThat(r.header("Access-Control-Allow-Headers")).containsIgnoringCase("if-none-match");
        assertThat(r.header("Access-Control-Max-Age")).isEqualTo("3600");

        Response write = given().header("Origin", DASHBOARD).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization").options("/api/sources/rust-for-linux");
        assertThat(write.header("Access-Control-Allow-Methods")).doesNotContain("PUT");
        // and the write itself, sent anyway, is refused before it reaches the token check
        given().header("Origin", DASHBOARD).header("Authorization", "Bearer test-token").body("{}")
                .contentType("application/json").put("/api/sources/rust-for-linux").then().statusCode(403);

        Response foreign = given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .options("/api/series");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    private static List<String> exposed(Response r) {
        String h = r.header("Access-Control-Expose-Headers");
        return h == null ? List.of() : Arrays.stream(h.split(",")).map(s -> s.strip().toLowerCase()).toList();
    }
}
