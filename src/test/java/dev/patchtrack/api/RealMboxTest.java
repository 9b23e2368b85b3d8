package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.RealMail;
import dev.patchtrack.support.RealThreads;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mboxes as lore gives them, on real linux-pci threads: a thread as {@code t.mbox(.gz)}, byte for byte what lore wrote. */
@QuarkusTest
class RealMboxTest {

    static final RealMail.Archive PCI = RealMail.Archive.PCI;

    /** try_access_with() v3: a b4 series with replies to its patches and to a reply. */
    static final String COVER = "20250406-try_with-v3-0-c0947842e768@nvidia.com";
    static final String PATCH1 = "20250406-try_with-v3-1-c0947842e768@nvidia.com";
    static final String PATCH2 = "20250406-try_with-v3-2-c0947842e768@nvidia.com";
    static final String REVIEW1 = "D8ZVBUTCJXYZ.1X3I8HOSTXIA7@proton.me";
    static final String REVIEW2 = "D8ZVCB2BC5L7.2FK9GSCBCEGMO@proton.me";
    static final String ANSWER = "D908W8AWVRHW.30H6WLUHQ7QZL@nvidia.com";
    static final List<String> TRY_WITH = List.of(COVER, PATCH1, PATCH2, REVIEW1, REVIEW2, ANSWER);

    /** INTx v1 and its v2, posted as a thread of its own. */
    static final List<String> INTX_V1 = List.of("20251019045620.2080-1-pcolberg@redhat.com",
            "20251019045620.2080-2-pcolberg@redhat.com", "20251019045620.2080-3-pcolberg@redhat.com",
            "DDN4FLSD09W9.30I0BJXFAU5YB@kernel.org", "DDPYRSBQZ74E.QTPGVTXJDTVC@kernel.org");
    static final List<String> INTX_V2 = List.of("20251020170223.573769-1-pcolberg@redhat.com",
            "20251020170223.573769-2-pcolberg@redhat.com", "20251020170223.573769-3-pcolberg@redhat.com");

    @Inject
    Database database;

    @BeforeEach
    void importThreads() {
        database.clear();
        ImportAndReadTest.upload(RealThreads.mbox(PCI, TRY_WITH), PCI.list);
        ImportAndReadTest.upload(RealThreads.mbox(PCI, INTX_V1), PCI.list);
        ImportAndReadTest.upload(RealThreads.mbox(PCI, INTX_V2), PCI.list);
    }

    @Test
    void threadMboxIsTheThreadAsLoreWroteIt() throws IOException {
        byte[] lore = RealThreads.mbox(PCI, TRY_WITH);
        for (String from : List.of(COVER, ANSWER, "<" + REVIEW2 + ">")) {
            byte[] mbox = given().get("/api/messages/{id}/thread.mbox", from).then().statusCode(200)
                    .contentType("application/mbox").header("Content-Disposition", containsString(".mbox"))
                    .extract().asByteArray();
            assertThat(new String(mbox, StandardCharsets.ISO_8859_1)).as("from " + from)
                    .isEqualTo(new String(lore, StandardCharsets.ISO_8859_1));
        }
        byte[] gz = given().get("/api/messages/{id}/thread.mbox.gz", PATCH2).then().statusCode(200)
                .contentType("application/gzip").header("Content-Disposition", containsString(".mbox.gz"))
                .extract().asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(lore);
        }
        // v2 of the INTx series is a thread of its own: v1's thread does not hold it
        String v1 = given().get("/api/messages/{id}/thread.mbox", INTX_V1.get(4)).then().statusCode(200).extract().asString();
        assertThat(v1).isEqualTo(new String(RealThreads.mbox(PCI, INTX_V1), StandardCharsets.ISO_8859_1))
                .doesNotContain(INTX_V2.get(0));
    }

    @Test
    void threadMboxOfAnUnknownMessageIsA404Problem() {
        for (String path : List.of("thread.mbox", "thread.mbox.gz")) {
            given().get("/api/messages/{id}/" + path, "no-such-message@example.org").then().statusCode(404)
                    .contentType("application/problem+json").body("detail", containsString("no-such-message@example.org"));
        }
    }
}
