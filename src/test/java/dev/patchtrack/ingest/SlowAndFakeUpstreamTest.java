package dev.patchtrack.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.HostileRemote;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upstreams that answer, but not well: a feed that arrives a byte a second (the whole request has a
 * deadline, 5 s in tests, body included), and bodies that are not feeds at all (blanks, an HTML
 * page). Each is a failed sync with the reason; a real feed with no entries is a success.
 */
@QuarkusTest
class SlowAndFakeUpstreamTest {

    static final String FEED = "<?xml version=\"1.0\" encoding=\"us-ascii\"?>\n"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>rust-for-linux</title></feed>\n";

    @Inject
    Database database;

    @Inject
    SyncService sync;

    HostileRemote remote;

    @BeforeEach
    void start() {
        database.clear();
        remote = HostileRemote.start()
                .drip("/drip/", "application/atom+xml", (FEED + " ".repeat(20)).getBytes(StandardCharsets.UTF_8),
                        Duration.ofSeconds(1))
                .serve("/blank/", 200, "application/atom+xml", " ".repeat(120))
                .serve("/html/", 200, "text/html", "<html><body><p>Nothing to see</p></body></html>")
                .serve("/empty/", 200, "application/atom+xml", FEED);
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    @Test
    void aBodyThatDripsIsCutAtTheRequestDeadline() {
        UpstreamFaultsTest.source("drip", remote.base() + "/", "atom", "drip");
        SyncService.Result r = sync.sync("drip");
        assertThat(r.error()).as("the sync failed").isNotNull().contains("deadline");
        // an answer that comes too slowly is not asked for again and again
        assertThat(remote.hits("/drip/")).isEqualTo(1);
        JsonPath s = given().get("/api/sources/drip").then().statusCode(200).extract().jsonPath();
        assertThat(s.getInt("failures")).isEqualTo(1);
        assertThat(s.getString("lastSuccessAt")).isNull();
    }

    @Test
    void aFeedThatIsNotAFeedIsAnError() {
        for (String name : new String[] {"blank", "html"}) {
            UpstreamFaultsTest.source(name, remote.base() + "/", "atom", name);
            SyncService.Result r = sync.sync(name);
            assertThat(r.error()).as(name).isNotNull().contains("not an Atom feed");
            assertThat(given().get("/api/sources/{n}", name).then().extract().jsonPath().getString("lastSuccessAt"))
                    .as(name).isNull();
        }
        UpstreamFaultsTest.source("empty", remote.base() + "/", "atom", "empty");
        SyncService.Result ok = sync.sync("empty");
        assertThat(ok.error()).isNull();
        assertThat(ok.read()).isZero();
    }
}
