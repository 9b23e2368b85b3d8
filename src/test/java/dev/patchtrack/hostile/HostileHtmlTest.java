package dev.patchtrack.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.HostileMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web pages on mail carrying markup, quotes, control characters and bidi overrides: nothing of it
 * is live in the HTML (no element, attribute or raw control or bidi character it brought), and the
 * text is still there to read, the invisible characters shown as {@code <U+202E>}.
 */
@QuarkusTest
class HostileHtmlTest {

    @Inject
    Database database;

    @BeforeEach
    void importHostileMail() {
        database.clear();
        HostileMail.importThroughApi();
    }

    @Test
    void everyPageIsInertAndKeepsTheText() {
        long seriesId = given().get("/api/messages/" + HostileMail.PATCH_ID).jsonPath().getLong("seriesId");
        for (String path : List.of("/", "/?q=" + "%3Cscript%3E", "/series/" + seriesId,
                "/messages/" + HostileMail.COVER_ID, "/messages/" + HostileMail.PATCH_ID,
                "/messages/" + HostileMail.REPLY_ID, "/sources", "/articles",
                "/messages/%3Cscript%3Ealert(1)%3C%2Fscript%3E%E2%80%AE@x")) {
            Response r = given().urlEncodingEnabled(false).get(path);
            assertThat(r.statusCode()).as(path).isIn(200, 404);
            assertThat(r.contentType()).as(path).startsWith("text/html");
            String html = r.asString();
            HostileMail.assertInert(html, true);
            Document d = Jsoup.parse(html);
            assertThat(d.select("script, img, iframe, b, object, embed")).as(path).isEmpty();
            for (Element e : d.getAllElements()) {
                e.attributes().forEach(a -> assertThat(a.getKey()).as(path).doesNotStartWith("on"));
                assertThat(e.attr("href")).as(path).doesNotStartWithIgnoringCase("javascript:");
            }
        }

        Document series = Jsoup.parse(given().get("/series/" + seriesId).asString());
        String title = series.getElementById("series-title").text();
        assertThat(title).contains("<script>alert(\"pwn&'x'\")</script>", "<img src=x onerror=alert(1)>",
                "<U+202E>evil<U+202C>");
        assertThat(series.select(".person").text()).contains("<b>Mallory</b> & \"Eve\"");
        Document home = Jsoup.parse(given().get("/").asString());
        assertThat(home.select("table.series a.title").text()).contains("<script>alert(");
        Document unknown = Jsoup.parse(given().urlEncodingEnabled(false)
                .get("/messages/%3Cscript%3Ealert(1)%3C%2Fscript%3E%E2%80%AE@x").asString());
        assertThat(unknown.select("p.problem").text()).contains("<U+202E>");
    }
}
