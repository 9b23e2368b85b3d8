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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mail carrying markup, script, quotes, control characters and bidi marks is stored, and comes out
 * of every JSON view escaped: nothing live in the bytes, the text intact once parsed.
 */
@QuarkusTest
class HostileTextJsonTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Database database;

    @BeforeEach
    void importHostileMail() {
        database.clear();
        HostileMail.importThroughApi();
    }

    @Test
    void everyJsonViewIsEscapedAndKeepsTheText() throws Exception {
        JsonNode message = read("/api/messages/" + HostileMail.PATCH_ID);
        long seriesId = message.path("seriesId").asLong();
        long patchId = message.path("patchId").asLong();
        assertThat(seriesId).isPositive();
        assertThat(patchId).isPositive();

        List<String> paths = new ArrayList<>(List.of("/api/messages/" + HostileMail.COVER_ID,
                "/api/messages/" + HostileMail.PATCH_ID, "/api/messages/" + HostileMail.REPLY_ID,
                "/api/series", "/api/series/" + seriesId, "/api/patches/" + patchId, "/api/events",
                "/api/topics", "/api/sources"));
        for (String path : paths) {
            Response r = given().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            HostileMail.assertInert(r.asString(), true);
            JSON.readTree(r.asString()); // still valid JSON
        }

        // parsed, the text is what was sent: markup, quotes and the bidi marks kept as text
        JsonNode series = read("/api/series/" + seriesId);
        String title = series.path("title").asText();
        assertThat(title).contains("<script>alert(\"pwn&'x'\")</script>", "<img src=x onerror=alert(1)>", "\u202eevil\u202c");
        String author = series.path("author").path("name").asText();
        assertThat(author).contains("<b>Mallory</b> & \"Eve\"");
        JsonNode patch = read("/api/patches/" + patchId);
        assertThat(patch.path("subject").asText()).contains("<script>alert(");
        String raw = given().get("/api/series/" + seriesId).asString();
        assertThat(raw).contains("\\u003Cscript\\u003E", "\\u0026", "\\u202E");
    }

    static JsonNode read(String path) throws Exception {
        Response r = given().get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.asString());
    }
}
