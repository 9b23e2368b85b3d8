package dev.patchtrack.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.HostileMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile mail of {@link HostileMail} through the feeds and the text rendering: the feeds stay
 * valid XML with the markup as text, and text for a terminal carries no control character or bidi
 * override that could rewrite what the maintainer sees (markup is harmless there and stays literal).
 */
@QuarkusTest
class HostileFeedsAndTextTest {

    @Inject
    Database database;

    long seriesId;
    long patchId;

    @BeforeEach
    void importHostileMail() {
        database.clear();
        HostileMail.importThroughApi();
        Response m = given().get("/api/messages/" + HostileMail.PATCH_ID);
        seriesId = m.jsonPath().getLong("seriesId");
        patchId = m.jsonPath().getLong("patchId");
    }

    @Test
    void feedsKeepMarkupAsText() throws Exception {
        for (String path : List.of("/feeds/series.atom", "/feeds/series.rss", "/feeds/series/" + seriesId + ".atom",
                "/feeds/series/" + seriesId + ".rss")) {
            Response r = given().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String xml = r.asString();
            HostileMail.assertInert(xml, false);
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(r.asByteArray())));
            assertThat(feed.getEntries()).as(path).isNotEmpty();
            if (path.endsWith("series.atom") || path.endsWith("series.rss")) {
                SyndEntry entry = feed.getEntries().get(0);
                // parsed back, the subject is the text that was sent, markup included
                assertThat(entry.getTitle()).contains("<script>alert(", "<img src=x onerror=alert(1)>");
            }
        }
    }

    @Test
    void textIsSafeForATerminal() {
        for (String path : List.of("/api/series", "/api/series/" + seriesId, "/api/patches", "/api/patches/" + patchId,
                "/api/messages/" + HostileMail.PATCH_ID, "/api/messages/" + HostileMail.REPLY_ID, "/api/events")) {
            Response r = given().queryParam("format", "text").get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.contentType()).as(path).startsWith("text/plain");
            String text = r.asString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0);
                boolean bidi = c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
                assertThat(control || bidi).as("%s: U+%04X at %d", path, (int) c, i).isFalse();
            }
        }
        String page = given().queryParam("format", "text").queryParam("width", 400).get("/api/series/" + seriesId)
                .asString();
        assertThat(page).contains("<script>alert(", "Mallory");
    }
}
