package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.store.ArticleEntity;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.GitTree;
import dev.patchtrack.support.Mbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where Rust stands per release, read from a tracked tree whose tags change what counts: a release before
 * Rust, Rust with x86 and a rustc/bindgen minimum, a release candidate that carries a Rust series, and a
 * release that bumps rustc and adds RISC-V (Kconfig and documentation) and LoongArch (Kconfig only).
 */
@QuarkusTest
class RustStatusTest {

    static final String ANA = ReviewStatesTest.ANA;
    static final String DAN = "Dan Other <dan@example.org>";

    @Inject
    Database database;

    @Inject
    ArticleRepository articles;

    @BeforeEach
    void clean() {
        database.clear();
    }

    static String tools(String rustc, String bindgen) {
        return "#!/bin/sh\ncase \"$1\" in\ngcc)\n\techo 5.1.0\n\t;;\n"
                + (rustc == null ? "" : "rustc)\n\techo " + rustc + "\n\t;;\nbindgen)\n\techo " + bindgen + "\n\t;;\n")
                + "*)\n\texit 1\n\t;;\nesac\n";
    }

    static String doc(String... rows) {
        return "Arch Support\n============\n\n============  ================  ======================\n"
                + "Architecture  Level of support  Constraints\n============  ================  ======================\n"
                + String.join("\n", rows) + "\n============  ================  ======================\n";
    }

    /** v6.0 (no Rust), v6.1-rc1 (Rust, x86, a Rust series), v6.1 (a Rust driver), v6.2 (rustc bump, riscv, loongarch). */
    static GitTree tree() {
        GitTree g = GitTree.create(GitTree.TEST_LINUX);
        g.write("scripts/min-tool-version.sh", tools(null, null)).write("arch/x86/Kconfig", "config X86\n\tselect HAVE_PCI\n")
                .write("arch/riscv/Kconfig", "config RISCV\n\tdef_bool y\n").write("README", "Linux\n");
        g.commit(DAN, "Initial commit");
        g.tag("v6.0");
        g.write("scripts/min-tool-version.sh", tools("1.62.0", "0.56.0"))
                .write("arch/x86/Kconfig", "config X86\n\tselect HAVE_PCI\n\tselect HAVE_RUST\t\t\tif X86_64\n")
                .write("Documentation/rust/arch-support.rst", doc("``x86``       Maintained        ``x86_64`` only."))
                .write("rust/kernel/lib.rs", "//! The kernel crate.\n#![no_std]\npub mod prelude;\n")
                .write("rust/kernel/prelude.rs", "pub use core;\n")
                .write("rust/helpers.c", "int x;\nint y;\n");
        g.commit(DAN, "rust: add the kernel crate");
        g.write("rust/kernel/sync.rs", "pub struct Arc;\npub struct Mutex;");
        g.commit(ANA, "rust: sync: add Arc and Mutex\n\nSigned-off-by: " + ANA
                + "\nLink: https://lore.kernel.org/rust-for-linux/rs1@example.com/\n");
        g.tag("v6.1-rc1");
        g.write("drivers/net/phy/ax88796b_rust.rs", "//! PHY driver.\nuse kernel::prelude::*;\n")
                .write("drivers/net/phy/ax88796b.c", "int c;\n");
        g.commit(DAN, "net: phy: add a Rust PHY driver");
        g.tag("v6.1");
        g.write("scripts/min-tool-version.sh", tools("1.78.0", "0.65.1"))
                .write("arch/riscv/Kconfig", "config RISCV\n\tdef_bool y\n\tselect HAVE_RUST if RUSTC_SUPPORTS_RISCV && CC_IS_CLANG\n")
                .write("arch/loongarch/Kconfig", "config LOONGARCH\n\tselect HAVE_RUST\n")
                .write("Documentation/rust/arch-support.rst", doc("``riscv``     Maintained        ``riscv64`` and LLVM/Clang only.",
                        "``x86``       Maintained        ``x86_64`` only."));
        g.commit(DAN, "rust: bump minimum rustc and bindgen; enable RISC-V and LoongArch");
        g.tag("v6.2");
        return g;
    }

    static JsonPath scan() {
        return given().header("Authorization", "Bearer test-token").post("/api/trees/test/linux/scan")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath get(String path) {
        return given().accept("application/json").get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void beforeAnyScanThereIsNoStatusToGive() {
        given().get("/api/rust/status").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("patchtrack.trees"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachReleaseHasItsToolsArchitecturesCodeAndSeries() {
        TreesTest.upload(Mbox.create().patch("rs1@example.com", ANA, 0, "[PATCH] rust: sync: add Arc and Mutex", null,
                "rust/kernel/sync.rs"));
        try (GitTree g = tree()) {
            assertThat(scan().getInt("releasesRead")).isEqualTo(4);

            JsonPath table = get("/api/rust/releases");
            assertThat(table.getList("release")).containsExactly("v6.0", "v6.1-rc1", "v6.1", "v6.2");
            assertThat(table.getList("rustcMin")).containsExactly(null, "1.62.0", "1.62.0", "1.78.0");
            assertThat(table.getList("bindgenMin")).containsExactly(null, "0.56.0", "0.56.0", "0.65.1");
            assertThat(table.getList("preRelease")).containsExactly(false, true, false, false);
            assertThat(table.getList("architectures")).containsExactly(List.of(), List.of("x86"), List.of("x86"),
                    List.of("loongarch", "riscv", "x86"));
            // .rs files only: rust/helpers.c is not counted; a last line without a newline is a line
            assertThat(table.getList("rustFiles")).containsExactly(0, 3, 3, 3);
            assertThat(table.getList("rustLines")).containsExactly(0, 6, 6, 6);
            assertThat(table.getList("driverFiles")).containsExactly(0, 0, 1, 1);
            assertThat(table.getList("driverLines")).containsExactly(0, 0, 2, 2);
            // the series is first in v6.1-rc1, so in the v6.1 cycle too
            assertThat(table.getList("series")).containsExactly(0, 1, 1, 0);
            assertThat(table.getString("[2].url")).isEqualTo("/api/rust/status?release=v6.1&tree=test%2Flinux");

            // the latest release, and what changed since the one before
            JsonPath latest = get("/api/rust/status");
            assertThat(latest.getString("release")).isEqualTo("v6.2");
            assertThat(latest.getString("tree")).isEqualTo("test/linux");
            assertThat(latest.getString("previous")).isEqualTo("v6.1");
            assertThat(latest.getList("changes")).containsExactly("rustc 1.62.0 -> 1.78.0", "bindgen 0.56.0 -> 0.65.1",
                    "loongarch: can enable Rust", "riscv: can enable Rust (if RUSTC_SUPPORTS_RISCV && CC_IS_CLANG)",
                    "riscv: documented as Maintained");
            // LoongArch selects HAVE_RUST but the document does not list it yet
            assertThat(latest.getList("architectures.arch")).containsExactly("loongarch", "riscv", "x86");
            assertThat(latest.getList("architectures.haveRust")).containsExactly(true, true, true);
            assertThat(latest.getList("architectures.condition")).containsExactly(null, "RUSTC_SUPPORTS_RISCV && CC_IS_CLANG",
                    "X86_64");
            assertThat(latest.getList("architectures.support")).containsExactly(null, "Maintained", "Maintained");
            assertThat(latest.getList("architectures.constraints")).containsExactly(null,
                    "``riscv64`` and LLVM/Clang only.", "``x86_64`` only.");
            assertThat(latest.getList("series")).isEmpty();

            JsonPath v61 = get("/api/rust/status?release=v6.1");
            assertThat(v61.getList("series.title")).containsExactly("rust: sync: add Arc and Mutex");
            assertThat(v61.getList("series.firstTag")).containsExactly("v6.1-rc1");
            assertThat(v61.getList("series.topics")).containsExactly(List.of("rust-core"));
            assertThat(v61.getList("changes")).isEmpty();
            JsonPath before = get("/api/rust/status?release=v6.0");
            assertThat(before.getString("rustcMin")).isNull();
            assertThat(before.getList("architectures")).isEmpty();
            assertThat(before.getString("previous")).isNull();
            assertThat(get("/api/rust/status?release=v6.1-rc1&tree=test/linux").getList("changes"))
                    .containsExactly("rustc none -> 1.62.0", "bindgen none -> 0.56.0", "x86: can enable Rust (if X86_64)",
                            "x86: documented as Maintained");

            // a new tag is read on the next scan; the others are not read again
            g.write("rust/kernel/str.rs", "pub struct CStr;\n");
            g.commit(DAN, "rust: str: add CStr");
            g.tag("v6.3-rc1");
            assertThat(scan().getInt("releasesRead")).isEqualTo(1);
            assertThat(get("/api/rust/releases").getList("rustFiles")).containsExactly(0, 3, 3, 3, 4);
            // the latest release is not a release candidate unless asked for
            assertThat(get("/api/rust/status").getString("release")).isEqualTo("v6.2");
            assertThat(get("/api/rust/status?release=v6.3-rc1").getBoolean("preRelease")).isTrue();
        }
    }

    @Test
    void anArticleThatMentionsASeriesIsShownWithIt() {
        TreesTest.upload(Mbox.create().patch("rs1@example.com", ANA, 0, "[PATCH] rust: sync: add Arc and Mutex", null,
                "rust/kernel/sync.rs"));
        QuarkusTransaction.requiringNew().run(() -> {
            ArticleEntity a = dev.patchtrack.support.Articles.fetched("https://lwn.net/Articles/2001/",
                    "Rust's minimum toolchain moves on", Instant.parse("2024-07-01T00:00:00Z"));
            articles.persist(a);
            articles.replaceRefs(a.id, List.of(new ArticleRepository.RefRow("message", "rs1@example.com",
                    "https://lore.kernel.org/rust-for-linux/rs1@example.com/")));
        });
        try (GitTree g = tree()) {
            scan();
            JsonPath v61 = get("/api/rust/status?release=v6.1");
            assertThat(v61.getList("series[0].articles.title")).containsExactly("Rust's minimum toolchain moves on");
        }
    }

    @Test
    void textForCurlAndStrictParameters() {
        try (GitTree g = tree()) {
            scan();
            String status = given().accept("text/plain").get("/api/rust/status?width=160").then().statusCode(200)
                    .contentType(containsString("text/plain")).extract().asString();
            assertThat(status).contains("Rust in v6.2 of test/linux").contains("rustc:    1.78.0 or newer")
                    .contains("Changes:  since v6.1:\n          rustc 1.62.0 -> 1.78.0\n")
                    .contains("          riscv: can enable Rust (if RUSTC_SUPPORTS_RISCV && CC_IS_CLANG)\n")
                    .containsPattern("riscv +yes +RUSTC_SUPPORTS_RISCV && CC_IS_CLANG +Maintained");
            String table = given().get("/api/rust/releases?format=text").then().statusCode(200).extract().asString();
            assertThat(table.lines().findFirst().orElseThrow()).startsWith("RELEASE").contains("RUSTC").endsWith("ARCHITECTURES");
            // files/lines under rust/ and drivers/, series, architectures
            assertThat(table).containsPattern("\nv6\\.1-rc1 +2024-06-10 +1\\.62\\.0 +0\\.56\\.0 +3/6 +0/0 +0 +x86\n")
                    .containsPattern("\nv6\\.2 +2024-06-10 +1\\.78\\.0 +0\\.65\\.1 +3/6 +1/2 +0 +loongarch,riscv,x86\n");

            given().get("/api/rust/status?release=v6.22").then().statusCode(400).contentType("application/problem+json")
                    .body("parameter", equalTo("release")).body("detail", containsString("did you mean v6.2"));
            given().get("/api/rust/status?relase=v6.1").then().statusCode(400).contentType("application/problem+json")
                    .body("parameter", equalTo("relase")).body("detail", containsString("did you mean release"));
            given().get("/api/rust/releases?release=v6.1").then().statusCode(400).body("parameter", equalTo("release"));
            given().get("/api/rust/releases?tree=torvalds/linux").then().statusCode(400).body("parameter", equalTo("tree"))
                    .body("detail", containsString("test/linux"));
            given().get("/api/v1/rust/status?release=v6.1&tree=test/linux").then().statusCode(200)
                    .body("release", equalTo("v6.1"));
        }
    }
}
