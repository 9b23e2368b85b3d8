package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.patch.PatchIdTest;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.GitHttpServer;
import dev.patchtrack.support.GitTree;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A remote tree over HTTP is mirrored into the git directory, then scanned like a local one. */
@QuarkusTest
@WithTestResource(value = GitHttpServer.class, scope = TestResourceScope.GLOBAL)
class RemoteTreeTest {

    @Inject
    Database database;

    @Test
    void aRemoteTreeIsFetchedIntoTheGitDirectoryAndScanned() {
        database.clear();
        TreesTest.upload(TreesTest.mail());
        try (GitTree g = TreesTest.firstRelease()) {
            PatchIdTest.git(GitTree.TEST_LINUX, "update-server-info");
            JsonPath first = given().header("Authorization", "Bearer test-token").post("/api/trees/remote/linux/scan")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(first.getInt("added")).isEqualTo(3);
            assertThat(first.getMap("branches")).as("the remote's HEAD names the branch").containsOnlyKeys("master");
            assertThat(first.getInt("matchesChanged")).isEqualTo(2);
            assertThat(GitHttpServer.requests()).anyMatch(p -> p.endsWith("/linux/.git/info/refs"));
            Path mirror = Path.of("target/test-git/trees/remote/linux.git");
            assertThat(Files.isRegularFile(mirror.resolve("HEAD"))).isTrue();
            assertThat(PatchIdTest.git(mirror, "tag")).contains("v6.1-rc1");

            JsonPath s = ReviewStatesTest.seriesOf("q0@example.com");
            assertThat(s.getList("revisions[0].patches.state.state")).containsExactly("accepted", "accepted", "new", "new");
            assertThat(TreesTest.patch(s, 1).getString("state.reason")).startsWith("in remote/linux as ")
                    .endsWith(", first in v6.1-rc1 (matched by link)");

            JsonPath again = given().header("Authorization", "Bearer test-token").post("/api/trees/remote/linux/scan")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(again.getInt("walked")).isZero();
            assertThat(again.getInt("added")).isZero();
        }
    }
}
