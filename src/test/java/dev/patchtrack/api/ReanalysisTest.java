package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.ingest.SeriesRebuilder;
import dev.patchtrack.store.FactsCodec;
import dev.patchtrack.store.LinkKeyRepository;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.Mbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mail stored under older analysis rules is analysed again from its raw bytes on the next full pass,
 * so a rule change reaches history; a new store claims the current rules and is never analysed twice.
 */
@QuarkusTest
class ReanalysisTest {

    static final String ANA = "Ana Lindqvist <ana@example.com>";
    static final String DAN = "Dan Maint <dan@example.org>";

    @Inject
    Database database;

    @Inject
    EntityManager em;

    @Inject
    LinkKeyRepository linkKeys;

    @Inject
    SeriesRebuilder rebuilder;

    @BeforeEach
    void clean() {
        database.clear();
        QuarkusTransaction.requiringNew().run(() -> linkKeys.setStoredFactsVersion(PatchAnalyzer.RULES_VERSION));
    }

    static byte[] mbox() {
        return Mbox.create()
                .mail("ra-0@example.com", ANA, 0, "[PATCH 0/2] rust: pci: add helpers", null, "Two helpers.\n")
                .patch("ra-1@example.com", ANA, 1, "[PATCH 1/2] rust: pci: add one", "ra-0@example.com", "rust/kernel/pci.rs")
                .patch("ra-2@example.com", ANA, 2, "[PATCH 2/2] rust: pci: add two", "ra-0@example.com", "rust/kernel/pci.rs")
                // deep in patch 1's thread: for the whole series
                .mail("ra-3@example.org", DAN, 30, "Re: [PATCH 1/2] rust: pci: add one", "ra-1@example.com",
                        "For the whole series:\n\nAcked-by: " + DAN + "\n")
                .bytes();
    }

    private static JsonPath series() {
        long id = given().get("/api/messages/{id}", "ra-0@example.com").then().statusCode(200).extract().jsonPath()
                .getLong("seriesId");
        return given().get("/api/series/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private List<String> acksOfPatch2() {
        return series().getList("revisions[0].patches[1].trailers.findAll { it.name == 'Acked-by' }.person.email");
    }

    private Object storedScope() {
        return QuarkusTransaction.requiringNew().call(() -> FactsCodec.read((String) em.createNativeQuery(
                "SELECT facts FROM message WHERE message_id = 'ra-3@example.org'").getSingleResult()).scope());
    }

    @Test
    void factsOfOlderRulesAreAnalysedAgainFromTheRawMail() {
        ImportAndReadTest.upload(mbox(), "linux-pci");
        assertThat(QuarkusTransaction.requiringNew().call(linkKeys::storedFactsVersion))
                .as("a new store claims the current rules").isEqualTo(PatchAnalyzer.RULES_VERSION);
        assertThat(acksOfPatch2()).containsExactly("dan@example.org");

        // the reply as older rules stored it: no scope read, and the store says so
        QuarkusTransaction.requiringNew().run(() -> {
            String json = (String) em.createNativeQuery("SELECT facts FROM message WHERE message_id = 'ra-3@example.org'")
                    .getSingleResult();
            MailFacts f = FactsCodec.read(json);
            MailFacts old = new MailFacts(f.messageId(), f.syntheticId(), f.kind(), f.tags(), f.from(), f.author(), f.date(),
                    f.inReplyTo(), f.references(), f.listIds(), f.diff(), f.trailers(), f.changeId(), f.bodyVersion(),
                    f.earlierVersionIds(), f.dependsOn(), f.problems());
            em.createNativeQuery("UPDATE message SET facts = ?1 WHERE message_id = 'ra-3@example.org'")
                    .setParameter(1, FactsCodec.write(old)).executeUpdate();
            linkKeys.setStoredFactsVersion(1);
        });
        assertThat(storedScope()).as("the stale facts know nothing of the reply's scope").isNull();

        rebuilder.rebuild();
        assertThat(storedScope()).as("analysed again from the raw mail").isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(linkKeys::storedFactsVersion)).isEqualTo(PatchAnalyzer.RULES_VERSION);
        assertThat(acksOfPatch2()).containsExactly("dan@example.org");
    }
}
