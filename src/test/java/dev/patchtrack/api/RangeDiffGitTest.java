package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.RangeDiff;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.RealArchives;
import dev.patchtrack.support.GitRepo;
import dev.patchtrack.support.Preimage;
import dev.patchtrack.support.RealMail;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The range-diff of every real linux-kbuild series with two revisions or more, against the real
 * {@code git range-diff}: each revision's patches, as lore gives them, are applied with {@code git am}
 * to a scratch repository holding what they change, and git pairs the two ranges. patchtrack must pair
 * the same patches with the same marks, from the mail alone.
 */
@QuarkusTest
@Order(2) // shares its import of the real archives: support.RealArchives
class RangeDiffGitTest {

    static final Pattern GIT_LINE = Pattern.compile("^\\s*(\\d+|-):\\s+[0-9a-f-]+ ([=!<>])\\s+(\\d+|-):\\s+[0-9a-f-]+ .*$");

    @Inject
    Database database;

    @BeforeEach
    void importOnce() {
        RealArchives.hold(database, RealMail.Archive.KBUILD);
    }

    @Test
    void realSeriesPairAsGitRangeDiffPairsThem() throws Exception {
        List<Map<String, Object>> all = given().get("/api/series?per_page=500").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Path root = Files.createDirectories(Path.of("target", "range-diff")).toAbsolutePath();
        int compared = 0;
        int sameDiffs = 0;
        int skipped = 0;
        int pairs = 0;
        int changed = 0;
        List<String> disagreements = new ArrayList<>();
        for (Map<String, Object> s : all) {
            if (((Number) s.get("revisionCount")).intValue() < 2) {
                continue;
            }
            long id = ((Number) s.get("id")).longValue();
            JsonPath ours = given().get("/api/series/{id}/range-diff", id).then().statusCode(200).extract().jsonPath();
            List<String> a = mails(ours.getList("from.patches"));
            List<String> b = mails(ours.getList("to.patches"));
            Path dir = root.resolve("s" + id + "-" + System.nanoTime());
            GitRanges git = gitRanges(dir, a, b);
            if (git == null) {
                skipped++;
                continue;
            }
            compared++;
            // the pairing itself, on the patches as git writes them from its commits
            List<String> fromGitsPatches = marks(RangeDiff.compare(patches(git.older), patches(git.newer)));
            if (!fromGitsPatches.equals(git.pairs)) {
                disagreements.add("series " + id + " " + s.get("title") + ": patchtrack " + fromGitsPatches + ", git " + git.pairs);
            }
            // the API, on the mail: what the same pairing gives on the patches as they were posted
            List<String> mine = new ArrayList<>();
            for (Map<String, Object> p : ours.<Map<String, Object>>getList("pairs")) {
                mine.add((p.get("from") == null ? "-" : p.get("from")) + " " + p.get("marker") + " "
                        + (p.get("to") == null ? "-" : p.get("to")));
                if ("!".equals(p.get("marker"))) {
                    changed++;
                    assertThat((List<?>) p.get("interdiff")).as("interdiff of a changed pair").isNotEmpty();
                }
            }
            pairs += mine.size();
            List<String> onMail = marks(RangeDiff.compare(patches(a), patches(b)));
            if (!mine.equals(onMail)) {
                disagreements.add("series " + id + " " + s.get("title") + " (API): " + mine + ", on its mail " + onMail);
            }
            // a made-up tree loses the function names of hunk headers, which count in the costs, so git's
            // answer on the applied mail may differ from the one on the real tree; counted, not required
            if (mine.equals(git.pairs)) {
                sameDiffs++;
            }
        }
        System.out.printf("range-diff: %d real series compared with git range-diff (%d pairs, %d changed); the API "
                + "on their mail says what git says on a made-up tree for %d; %d left out (their patches do not apply "
                + "to a made-up tree)%n", compared, pairs, changed, sameDiffs, skipped);
        assertThat(disagreements).isEmpty();
        assertThat(compared).isGreaterThanOrEqualTo(15);
        assertThat(changed).isPositive();
    }

    @Test
    void theRangeDiffAnswersItsParametersAndReadsLikeGitAsText() {
        // "Change Rust Binder crate name to rust_binder": v3 and v4 of its first patch differ more than
        // git's creation factor allows (git range-diff says the same), the second is the same patch
        long id = given().get("/api/series?q=s:\"Change Rust Binder crate name\"").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        JsonPath r = given().get("/api/series/{id}/range-diff", id).then().statusCode(200).extract().jsonPath();
        assertThat(r.getInt("from.version")).isEqualTo(3);
        assertThat(r.getInt("to.version")).isEqualTo(4);
        assertThat(marks(r)).containsExactly("1 < -", "- > 1", "2 = 2");
        JsonPath loose = given().get("/api/series/{id}/range-diff?creation_factor=100", id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(marks(loose)).containsExactly("1 ! 1", "2 = 2");
        assertThat(loose.getList("pairs[0].interdiff", String.class)).first().asString().startsWith("@@ scripts/");
        assertThat(loose.getList("pairs[0].interdiff", String.class)).anyMatch(l -> l.startsWith("+@@ scripts/generate_rust_analyzer.py"));
        String text = given().accept("text/plain").get("/api/series/{id}/range-diff?creation_factor=100", id).then()
                .statusCode(200).extract().asString();
        assertThat(text).contains("v3..v4", "1 unchanged, 1 changed, 0 added, 0 dropped")
                .containsPattern("(?m)^1:  [0-9a-f]{7} ! 1:  [0-9a-f]{7} rust: support overriding crate_name$")
                .containsPattern("(?m)^2:  ([0-9a-f]{7}) = 2:  \\1 rust_binder: override crate name to rust_binder$")
                .contains("\n    @@ scripts/");

        given().get("/api/series/{id}/range-diff?from=9", id).then().statusCode(404).body("parameter", org.hamcrest.Matchers.equalTo("from"));
        given().get("/api/series/{id}/range-diff?to=x", id).then().statusCode(400).body("parameter", org.hamcrest.Matchers.equalTo("to"));
        given().get("/api/series/{id}/range-diff?creation_factor=0", id).then().statusCode(400);
        given().get("/api/series/{id}/range-diff?form=3", id).then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("from"));
        given().get("/api/series/999999/range-diff").then().statusCode(404);
        long single = given().get("/api/series?per_page=500").then().extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(m -> ((Number) m.get("revisionCount")).intValue() == 1)
                .mapToLong(m -> ((Number) m.get("id")).longValue()).findFirst().orElseThrow();
        given().get("/api/series/{id}/range-diff", single).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("nothing to compare"));
    }

    static List<String> marks(JsonPath r) {
        return r.<Map<String, Object>>getList("pairs").stream().map(p -> (p.get("from") == null ? "-" : p.get("from"))
                + " " + p.get("marker") + " " + (p.get("to") == null ? "-" : p.get("to"))).toList();
    }

    static List<String> marks(List<RangeDiff.Pair> pairs) {
        return pairs.stream().map(p -> (p.from() == null ? "-" : p.from()) + " " + p.marker() + " "
                + (p.to() == null ? "-" : p.to())).toList();
    }

    static List<String> diffs(List<RangeDiff.Patch> patches) {
        return patches.stream().map(RangeDiff.Patch::diff).toList();
    }

    /** Each mail read as the service reads it, then written as range-diff writes a commit. */
    static List<RangeDiff.Patch> patches(List<String> mails) {
        MailParser parser = new MailParser(MailLimits.DEFAULTS);
        List<RangeDiff.Patch> out = new ArrayList<>();
        for (String m : mails) {
            ParsedMail p = parser.parse(m.getBytes(StandardCharsets.ISO_8859_1));
            out.add(RangeDiff.fromMail(p.from().name(), p.from().email(), p.subject(), p.body()));
        }
        return out;
    }

    /** The two ranges as git sees them: its pairs, and the patches it writes from its commits. */
    record GitRanges(List<String> pairs, List<String> older, List<String> newer) {
    }

    /** git's view of the two revisions, or null when a side cannot be applied to a made-up tree. */
    static GitRanges gitRanges(Path dir, List<String> older, List<String> newer) throws IOException {
        String ma = mbox(older);
        String mb = mbox(newer);
        Map<String, String> pa;
        Map<String, String> pb;
        try {
            pa = Preimage.of(ma);
            pb = Preimage.of(mb);
        } catch (IllegalArgumentException e) {
            return null; // a file changed by two patches of one revision: no single made-up tree takes both
        }
        GitRepo repo = GitRepo.init(dir, pa);
        repo.git("tag", "base-a");
        if (!am(repo, dir.resolve("a.mbox"), ma)) {
            return null;
        }
        repo.git("tag", "tip-a");
        repo.git("checkout", "-q", "--orphan", "side-b");
        repo.git("rm", "-rfq", "--ignore-unmatch", ".");
        repo.commitFiles(pb);
        repo.git("tag", "base-b");
        if (!am(repo, dir.resolve("b.mbox"), mb)) {
            return null;
        }
        String out = repo.git("range-diff", "--no-color", "base-a..tip-a", "base-b..HEAD");
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            Matcher m = GIT_LINE.matcher(l);
            if (m.matches()) {
                lines.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
            }
        }
        return new GitRanges(lines, formatPatch(repo, "base-a..tip-a"), formatPatch(repo, "base-b..HEAD"));
    }

    /** {@code git format-patch --stdout} of a range, one mail per commit. */
    static List<String> formatPatch(GitRepo repo, String range) throws IOException {
        String out = repo.git("format-patch", "--stdout", "--no-signature", range);
        List<String> mails = new ArrayList<>();
        for (String part : out.split("(?m)^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001\n")) {
            if (!part.isBlank()) {
                mails.add(part);
            }
        }
        return mails;
    }

    private static boolean am(GitRepo repo, Path file, String mbox) throws IOException {
        Files.writeString(file, mbox, StandardCharsets.ISO_8859_1);
        try {
            repo.git("am", "-q", "--patch-format=mboxrd", file.toString());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Each message's mail as lore keeps it, bytes kept as they are (read as ISO-8859-1). */
    static List<String> mails(List<String> messageIds) {
        List<String> out = new ArrayList<>();
        for (String mid : messageIds) {
            byte[] raw = given().get("/api/messages/{id}/raw", mid).then().statusCode(200).extract().asByteArray();
            out.add(new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n"));
        }
        return out;
    }

    /** The mails as one mboxrd. */
    static String mbox(List<String> mails) {
        StringBuilder b = new StringBuilder();
        for (String text : mails) {
            b.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n");
            for (String line : text.split("\n", -1)) {
                b.append(line.matches(">*From .*") ? ">" + line : line).append('\n');
            }
            if (!text.endsWith("\n")) {
                b.append('\n');
            }
        }
        return b.toString();
    }
}
