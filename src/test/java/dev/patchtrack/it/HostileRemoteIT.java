package dev.patchtrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.HostileRemote;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Remotes whose answers never end, against the service at a small heap: an endless Atom feed, an
 * endless search download, a lore epoch and a tracked tree whose git servers advertise refs for
 * ever. Nothing is held whole in memory: each source and the tree show their failure (the limit
 * that stopped it), no sync is left running, and the service goes on answering.
 */
class HostileRemoteIT {

    static final String HEAP = "-Xmx192m";
    static final long BODY_LIMIT = 64L << 20;

    @Test
    void endlessAnswersAreCutAtTheirLimitAndEachFailureIsShown() throws Exception {
        Path dir = Path.of("target", "it", "hostile-remote-" + System.nanoTime()).toAbsolutePath();
        try (HostileRemote remote = HostileRemote.start()) {
            byte[] advert = concat(HostileRemote.pktLine("# service=git-upload-pack\n"), "0000".getBytes(StandardCharsets.UTF_8));
            java.util.function.IntFunction<byte[]> ref = n -> HostileRemote.pktLine("1111111111111111111111111111111111111111"
                    + " refs/heads/" + "x".repeat(200) + n + "\n");
            remote.endless("/endless-atom/new.atom", "application/atom+xml",
                    "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">".getBytes(StandardCharsets.UTF_8),
                    "<entry><title>again</title></entry>\n".repeat(100).getBytes(StandardCharsets.UTF_8));
            remote.endless("/endless-query/", "application/mbox", new byte[0], ("From mboxrd@z Thu Jan  1 00:00:00 1970\n"
                    + "From: Eve <eve@example.org>\nSubject: again\nMessage-ID: <again@example.org>\n\nagain\n\n").repeat(50)
                    .getBytes(StandardCharsets.UTF_8));
            remote.serve("/endless-git/manifest.js.gz", 200, "application/gzip",
                    gzip("{\"/endless-git/git/0.git\": {\"fingerprint\": \"f\", \"modified\": 1}}"));
            remote.endless("/endless-git/0/info/refs", "application/x-git-upload-pack-advertisement", advert, ref);
            remote.endless("/tree.git/info/refs", "application/x-git-upload-pack-advertisement", advert, ref);

            Map<String, String> props = new HashMap<>(Instance.database(dir, true));
            props.put("patchtrack.http.max-body-bytes", String.valueOf(BODY_LIMIT));
            props.put("patchtrack.http.max-attempts", "1");
            for (String[] s : List.of(new String[] {"endless-atom", "atom"}, new String[] {"endless-query", "query"},
                    new String[] {"endless-git", "git"})) {
                props.put("patchtrack.sources." + s[0] + ".base-url", remote.base() + "/");
                props.put("patchtrack.sources." + s[0] + ".mode", s[1]);
                props.put("patchtrack.sources." + s[0] + ".query", "s:rust");
                props.put("patchtrack.sources." + s[0] + ".schedule", "1h");
            }
            props.put("patchtrack.trees.hostile.url", remote.base() + "/tree.git");
            try (Instance svc = Instance.start("hostile", dir, props, List.of(HEAP))) {
                for (String name : List.of("endless-atom", "endless-query", "endless-git")) {
                    await(name).until(() -> {
                        JsonPath s = svc.api().get("/api/sources/{name}", name).then().statusCode(200).extract().jsonPath();
                        return s.getInt("failures") >= 1 && !s.getBoolean("lastRun.running");
                    });
                    JsonPath s = svc.api().get("/api/sources/{name}", name).then().extract().jsonPath();
                    System.out.printf("%s: %s%n", name, s.getString("lastError"));
                    assertThat(s.getString("lastError")).as(name).containsPattern("larger than|limit");
                    assertThat(s.getString("lastSuccessAt")).as(name).isNull();
                }
                await("tree").until(() -> svc.api().get("/api/trees").then().statusCode(200).extract().jsonPath()
                        .getString("find { it.name == 'hostile' }.lastError") != null);
                String treeError = svc.api().get("/api/trees").then().extract().jsonPath()
                        .getString("find { it.name == 'hostile' }.lastError");
                System.out.println("tree hostile: " + treeError);
                assertThat(treeError).containsPattern("larger than|limit");

                assertThat(svc.process.isAlive()).as("alive; see hostile.log").isTrue();
                svc.api().get("/q/health/live").then().statusCode(200);
                svc.api().get("/api/series").then().statusCode(200);
                assertThat(remote.hits("/endless-git/0/info/refs")).isPositive();
            }
        }
    }

    static org.awaitility.core.ConditionFactory await(String what) {
        return org.awaitility.Awaitility.await(what).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions();
    }

    static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return buf.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
