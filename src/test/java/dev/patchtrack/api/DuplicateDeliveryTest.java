package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real mail delivered twice: linux-kbuild carries four Message-IDs twice, each time with other bytes
 * (other Received headers, a re-sent posting with a later Date). Each is one message with its copy kept
 * aside, counted as a duplicate, and the re-sent cover letter makes no second revision.
 */
@QuarkusTest
class DuplicateDeliveryTest {

    static final String KBUILD = "corpus/real/linux-kbuild-rust.mbox.gz";
    static final String COVER = "cover.1776607331.git.mlksvender@gmail.com";
    static final List<String> DELIVERED_TWICE = List.of(
            "CAK7LNAQkUik_VW7j-d56Pr4NnExxDnjMfWSwtxvijH4q4Onctg@mail.gmail.com",
            COVER,
            "498f49f1c0b34535309f9dedf87ac4de8e7c132b.1776607331.git.mlksvender@gmail.com",
            "e43a36ea08eba20b9b6c675cfcb5856201994c94.1776607331.git.mlksvender@gmail.com");

    @Inject
    Database database;

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        database.clear();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void mailDeliveredTwiceIsOneMessageWithItsCopyKept() throws IOException {
        byte[] mbox = Files.readAllBytes(Corpus.SHARED.resolve(KBUILD));
        JsonPath first = ImportAndReadTest.upload(mbox, "linux-kbuild");
        int read = first.getInt("read");
        assertThat(read).isEqualTo(2749);
        // nothing in the file is stored twice before; the four second deliveries are the only duplicates
        assertThat(first.getInt("duplicates")).isEqualTo(DELIVERED_TWICE.size());
        assertThat(first.getInt("stored")).isEqualTo(read - DELIVERED_TWICE.size());

        assertThat(count("SELECT COUNT(*) FROM message WHERE synthetic_id = TRUE OR message_id LIKE '%@synthetic'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM message")).isEqualTo(read - DELIVERED_TWICE.size());
        assertThat(count("SELECT COUNT(*) FROM message_copy")).isEqualTo(DELIVERED_TWICE.size());

        for (String id : DELIVERED_TWICE) {
            JsonPath m = given().get("/api/messages/{id}", id).then().statusCode(200).extract().jsonPath();
            assertThat(m.getBoolean("syntheticId")).isFalse();
            assertThat(m.getList("problems", String.class))
                    .anySatisfy(p -> assertThat(p).contains("copy").contains("other bytes"));
        }

        // the re-sent v6 posting is one revision
        long seriesId = given().get("/api/messages/{id}", COVER).then().statusCode(200).extract().jsonPath()
                .getLong("seriesId");
        JsonPath series = given().get("/api/series/{id}", seriesId).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> revisions = series.getList("revisions");
        assertThat(revisions.stream().filter(r -> ((Number) r.get("version")).intValue() == 6)).hasSize(1);
        assertThat(series.getInt("latestVersion")).isEqualTo(6);
        String am = given().get("/api/series/{id}/mbox", seriesId).then().statusCode(200).extract().asString();
        assertThat(am).contains("Link: https://lore.kernel.org/r/" + DELIVERED_TWICE.get(2))
                .contains("Link: https://lore.kernel.org/r/" + DELIVERED_TWICE.get(3))
                .doesNotContain("@synthetic");

        // the same file again: nothing stored, every message a duplicate, no copy kept twice
        JsonPath again = ImportAndReadTest.upload(mbox, "linux-kbuild");
        assertThat(again.getInt("stored")).isZero();
        assertThat(again.getInt("duplicates")).isEqualTo(read);
        assertThat(count("SELECT COUNT(*) FROM message_copy")).isEqualTo(DELIVERED_TWICE.size());
        assertThat(count("SELECT COUNT(*) FROM message")).isEqualTo(read - DELIVERED_TWICE.size());
    }
}
