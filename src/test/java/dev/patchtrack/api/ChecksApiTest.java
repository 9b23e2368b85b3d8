package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.RealMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CI checks on real mail: Peter Colberg's "rust: pci: SR-IOV" v1 (linux-pci, 2025-11), four of whose
 * eight patches the kernel test robot answered with build errors, read from {@code ../shared/corpus/real/}.
 * Derived checks in the patch, series, text, feed, event and Patchwork views, the revision's reason,
 * idempotence on re-import and rebuild, and checks posted with a token.
 */
@QuarkusTest
class ChecksApiTest {

    static final String THREAD = "20251119-rust-pci-sriov-v1-";
    static final String PATCH_1 = THREAD + "1-883a94599a97@redhat.com";
    static final String PATCH_3 = THREAD + "3-883a94599a97@redhat.com";
    static final String LKP_1 = "202511211008.jgLuTcrQ-lkp@intel.com";
    static final String TOKEN = "Bearer test-token";

    @Inject
    Database database;

    /** The messages of the real linux-pci file that belong to the thread: those that name its Message-IDs. */
    static byte[] thread() {
        String text = new String(RealMail.bytes(RealMail.Archive.PCI), StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] entries = text.split("\n(?=From )");
        for (String e : entries) {
            int headerEnd = e.indexOf("\n\n");
            if (headerEnd > 0 && e.substring(0, headerEnd).contains(THREAD)) {
                byte[] b = (e.endsWith("\n") ? e : e + "\n").getBytes(StandardCharsets.ISO_8859_1);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    static long patchId(String messageId) {
        return given().get("/api/messages/" + messageId).then().statusCode(200).extract().jsonPath().getLong("patchId");
    }

    @BeforeEach
    void importTheThread() {
        database.clear();
        ImportAndReadTest.upload(thread(), RealMail.Archive.PCI.list);
    }

    @Test
    void theRobotsBuildErrorsAreChecksOnThePatchesTheyAnswer() {
        long p1 = patchId(PATCH_1);
        JsonPath checks = given().get("/api/patches/" + p1 + "/checks").then().statusCode(200).extract().jsonPath();
        assertThat(checks.getList("$")).hasSize(1);
        assertThat(checks.getString("[0].state")).isEqualTo("fail");
        assertThat(checks.getString("[0].context")).isEqualTo("kernel-test-robot");
        assertThat(checks.getString("[0].target_url"))
                .isEqualTo("https://lore.kernel.org/oe-kbuild-all/" + LKP_1 + "/");
        assertThat(checks.getString("[0].description"))
                .isEqualTo("kernel test robot noticed the following build errors (um-randconfig-001-20251121)");
        assertThat(checks.getString("[0].source.kind")).isEqualTo("mail");
        assertThat(checks.getString("[0].source.messageId")).isEqualTo(LKP_1);
        assertThat(checks.getString("[0].source.by")).isEqualTo("kernel test robot");
        assertThat(checks.getString("[0].source.rule")).contains("gave fail (checks.rules:");
        assertThat(checks.getString("[0].date")).startsWith("2025-11-21T03:00:32");

        JsonPath patch = given().get("/api/patches/" + p1).then().statusCode(200).extract().jsonPath();
        assertThat(patch.getString("check")).isEqualTo("fail");
        assertThat(patch.getList("checks.context")).containsExactly("kernel-test-robot");
        // patch 3 had no report
        given().get("/api/patches/" + patchId(PATCH_3)).then().body("check", equalTo("pending"))
                .body("checks.size()", equalTo(0));

        long series = patch.getLong("seriesId");
        JsonPath s = given().get("/api/series/" + series).then().statusCode(200).extract().jsonPath();
        List<String> states = s.getList("revisions[0].patches.check");
        assertThat(states).containsExactly("fail", "fail", "pending", "pending", "pending", "fail", "fail", "pending");
        String reason = s.getString("revisions[0].state.reason");
        assertThat(reason).contains("; kernel-test-robot failed: kernel test robot noticed the following build errors"
                + " (um-randconfig-001-20251121)");
        assertThat(s.getString("state.reason")).isEqualTo(reason);
        // the state word stays what the replies make it: a build report is no review verdict
        assertThat(s.getString("revisions[0].state.state")).isNotEqualTo("rejected");

        String text = given().queryParam("format", "text").get("/api/series/" + series).then().statusCode(200)
                .extract().asString();
        assertThat(text).contains("check fail  kernel-test-robot: kernel test robot noticed the following build errors")
                .contains("kernel-test-robot failed");
        given().queryParam("format", "text").get("/api/patches/" + p1).then().statusCode(200)
                .body(containsString("Checks: fail"))
                .body(containsString("https://lore.kernel.org/oe-kbuild-all/" + LKP_1 + "/"));

        JsonPath events = given().queryParam("kind", "check-created").get("/api/events").then().statusCode(200)
                .extract().jsonPath();
        assertThat(events.getList("$")).hasSize(4);
        assertThat(events.getList("seriesId", Long.class)).containsOnly(series);
        assertThat(events.getList("messageId")).contains(LKP_1);
        given().get("/feeds/series/" + series + ".atom").then().statusCode(200)
                .body(containsString("check-created: check kernel-test-robot: fail on [PATCH 1/8]"));

        // Patchwork's view of the same data, as git-pw and pwclient read it
        given().get("/api/1.3/patches/" + p1 + "/").then().statusCode(200).body("check", equalTo("fail"));
        given().get("/api/1.3/patches/" + p1 + "/checks/").then().statusCode(200)
                .body("context", equalTo(List.of("kernel-test-robot")))
                .body("[0].target_url", equalTo("https://lore.kernel.org/oe-kbuild-all/" + LKP_1 + "/"));
    }

    @Test
    void importingAgainAndRebuildingChangeNothing() {
        long p1 = patchId(PATCH_1);
        List<Map<String, Object>> before = given().get("/api/patches/" + p1 + "/checks").jsonPath().getList("$");
        int events = given().get("/api/events").jsonPath().getList("$").size();
        ImportAndReadTest.upload(thread(), RealMail.Archive.PCI.list);
        given().header("Authorization", TOKEN).post("/api/reclassify").then().statusCode(200);
        assertThat(given().get("/api/patches/" + p1 + "/checks").jsonPath().getList("$")).isEqualTo(before);
        given().queryParam("kind", "check-created").get("/api/events").then().body("size()", equalTo(4));
        given().queryParam("kind", "check-changed").get("/api/events").then().body("size()", equalTo(0));
        assertThat(given().get("/api/events").jsonPath().getList("$")).hasSize(events);
    }

    @Test
    void ciSystemsPostChecksWithAToken() {
        long p3 = patchId(PATCH_3);
        JsonPath posted = given().header("Authorization", TOKEN).contentType("application/json")
                .body("{\"state\": \"fail\", \"context\": \"kunit\", \"target_url\": \"https://ci.example.org/run/7\","
                        + " \"description\": \"3 of 412 tests failed\", \"by\": \"Example CI\"}")
                .post("/api/patches/" + p3 + "/checks").then().statusCode(201).extract().jsonPath();
        assertThat(posted.getString("state")).isEqualTo("fail");
        assertThat(posted.getString("source.kind")).isEqualTo("posted");
        assertThat(posted.getString("source.by")).isEqualTo("Example CI");
        assertThat(posted.getString("target_url")).isEqualTo("https://ci.example.org/run/7");
        given().get("/api/patches/" + p3 + "/checks").then().body("context", equalTo(List.of("kunit")));
        given().get("/api/patches/" + p3).then().body("check", equalTo("fail"));
        long series = given().get("/api/patches/" + p3).jsonPath().getLong("seriesId");
        given().get("/api/series/" + series).then()
                .body("revisions[0].state.reason", containsString("kunit failed: 3 of 412 tests failed"));
        // a later success of the same context is what counts
        given().header("Authorization", TOKEN).contentType("application/json")
                .body("{\"state\": \"success\", \"context\": \"kunit\"}")
                .post("/api/patches/" + p3 + "/checks").then().statusCode(201).body("source.by", containsString(""));
        given().get("/api/patches/" + p3).then().body("check", equalTo("success"));
        given().get("/api/series/" + series).then()
                .body("revisions[0].state.reason", org.hamcrest.Matchers.not(containsString("kunit failed")));
        // posted checks are kept through a rebuild
        given().header("Authorization", TOKEN).post("/api/reclassify").then().statusCode(200);
        given().get("/api/patches/" + p3 + "/checks").then().body("size()", equalTo(2));
    }

    @Test
    void badChecksAreProblemsNamingTheField() {
        long p3 = patchId(PATCH_3);
        String path = "/api/patches/" + p3 + "/checks";
        given().contentType("application/json").body("{\"state\": \"success\"}").post(path).then().statusCode(401);
        given().header("Authorization", TOKEN).contentType("application/json").body("{\"state\": \"broken\"}")
                .post(path).then().statusCode(400).contentType(ProblemMappers.PROBLEM_JSON)
                .body("parameter", equalTo("state"));
        given().header("Authorization", TOKEN).contentType("application/json").body("{\"context\": \"kunit\"}")
                .post(path).then().statusCode(400).body("parameter", equalTo("state"));
        given().header("Authorization", TOKEN).contentType("application/json")
                .body("{\"state\": \"fail\", \"context\": \"not a slug\"}").post(path).then().statusCode(400)
                .body("parameter", equalTo("context"));
        given().header("Authorization", TOKEN).contentType("application/json")
                .body("{\"state\": \"fail\", \"target_url\": \"ftp://x\"}").post(path).then().statusCode(400)
                .body("parameter", equalTo("target_url"));
        given().header("Authorization", TOKEN).contentType("application/json").body("{\"state\": ")
                .post(path).then().statusCode(400).contentType(ProblemMappers.PROBLEM_JSON);
        given().header("Authorization", TOKEN).contentType("application/json").body("{\"state\": \"fail\"}")
                .post("/api/patches/999999/checks").then().statusCode(404);
        given().get("/api/patches/x/checks").then().statusCode(400).body("parameter", equalTo("id"));
        given().get("/api/patches/" + p3 + "/checks").then().body("size()", equalTo(0));
    }
}
