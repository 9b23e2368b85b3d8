package dev.patchtrack.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.store.LinkKeyRepository;
import dev.patchtrack.store.MessageEntity;
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
 * What the bulk store writes, read back through the entities and the API: every column, a Message-ID
 * delivered again with other bytes (in the same batch as the first: a copy, not a message), duplicates,
 * lists, pending derivations.
 */
@QuarkusTest
class MessageStoreTest {

    @Inject
    Database database;

    @Inject
    EntityManager em;

    @Inject
    LinkKeyRepository linkKeys;

    @BeforeEach
    void clean() {
        database.clear();
    }

    private static byte[] mbox() {
        return Mbox.create()
                .patch("store-1@example.org", "Alice Doe <alice@example.org>", 5, "[PATCH] rust: add the thing",
                        null, "rust/kernel/thing.rs")
                .mail("store-2@example.org", "Bob Roe <bob@example.org>", 7, "Re: [PATCH] rust: add the thing",
                        "store-1@example.org", "Looks good.\n\nReviewed-by: Bob Roe <bob@example.org>")
                // the same Message-ID as the patch, other mail
                .mail("store-1@example.org", "Carol Poe <carol@example.org>", 9, "unrelated mail", null, "Hello.")
                .bytes();
    }

    private List<MessageEntity> stored() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from MessageEntity order by id", MessageEntity.class).getResultList());
    }

    private long copies() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT COUNT(*) FROM message_copy").getSingleResult()).longValue());
    }

    @Test
    void everyMessageIsStoredOnceWithItsColumnsAndOtherBytesUnderTheSameIdAsACopy() {
        JsonPath first = ImportAndReadTest.upload(mbox(), "rust-for-linux");
        assertThat(first.getInt("stored")).isEqualTo(2);
        assertThat(first.getInt("duplicates")).isEqualTo(1);
        assertThat(first.getList("problems.reason", String.class))
                .anySatisfy(r -> assertThat(r).contains("delivered again with other bytes"));
        assertThat(first.getList("problems.code", String.class)).contains("copy");
        assertThat(first.getList("problems.severity", String.class)).containsOnly("warning");

        List<MessageEntity> rows = stored();
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(m -> m.id).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isPositive());
        MessageEntity patch = rows.get(0);
        assertThat(patch.messageId).isEqualTo("store-1@example.org");
        assertThat(patch.kind).isEqualTo("patch");
        assertThat(patch.subject).isEqualTo("[PATCH] rust: add the thing");
        assertThat(patch.sentAt).hasToString("2024-06-03T09:05:00Z");
        assertThat(patch.syntheticId).isFalse();
        assertThat(patch.readable).isTrue();
        assertThat(patch.deleted).isFalse();
        // the copy with other bytes is the one problem of the message it is a copy of
        assertThat(Problem.decode(patch.problems)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Problem.Code.COPY);
            assertThat(p.detail()).startsWith("a copy with other bytes was received (");
        });
        assertThat(patch.facts).contains("store-1@example.org");
        assertThat(patch.receivedAt).isNotNull();
        assertThat(patch.fromPersonId).isNotNull();
        MessageEntity reply = rows.get(1);
        assertThat(reply.inReplyTo).isEqualTo("store-1@example.org");
        assertThat(reply.fromPersonId).isNotNull().isNotEqualTo(patch.fromPersonId);
        assertThat(rows).noneSatisfy(m -> assertThat(m.messageId).endsWith("@synthetic"));
        assertThat(copies()).isEqualTo(1);

        given().get("/api/messages/{id}/raw", "store-1@example.org").then().statusCode(200)
                .body(containsString("rust: add the thing"));
        given().get("/api/messages/{id}", "store-1@example.org").then().statusCode(200)
                .body("subject", equalTo("[PATCH] rust: add the thing"))
                .body("problems[0]", containsString("a copy with other bytes was received"))
                .body("problemDetails[0].code", equalTo("copy"))
                .body("problemDetails[0].severity", equalTo("warning"))
                .body("problemDetails[0].detail", containsString("a copy with other bytes was received"));
        // the import derived what it stored: nothing waits
        assertThat(QuarkusTransaction.requiringNew().call(linkKeys::pending)).isEmpty();

        // again, to the same list: nothing new; to another list: every message gains the list, once
        JsonPath again = ImportAndReadTest.upload(mbox(), "rust-for-linux");
        assertThat(again.getInt("stored")).isZero();
        assertThat(again.getInt("duplicates")).isEqualTo(3);
        assertThat(again.getList("problems")).isEmpty();
        assertThat(copies()).isEqualTo(1);
        JsonPath other = ImportAndReadTest.upload(mbox(), "linux-pci");
        assertThat(other.getInt("stored")).isZero();
        assertThat(stored()).extracting(m -> m.id).containsExactlyElementsOf(rows.stream().map(m -> m.id).toList());
        for (MessageEntity m : rows) {
            given().get("/api/messages/{id}", m.messageId).then().statusCode(200)
                    .body("lists", contains("linux-pci", "rust-for-linux"));
        }
        assertThat(QuarkusTransaction.requiringNew().call(linkKeys::pending)).isEmpty();
    }

    @Test
    void aPersonIsNamedAsTheirNewestPostingSignsWhateverOrderMailArrives() {
        // Fiona Behrens once posted as Finn Behrens; Dmitrii Dolgov replies from a client that says "Dmitry"
        byte[] newer = Mbox.create()
                .patch("name-2@example.org", "Fiona Behrens <me@example.dev>", 50, "[PATCH] rust: io: rename accessors",
                        null, "rust/kernel/io.rs")
                .mail("name-3@example.org", "Finn B <me@example.dev>", 55, "Re: [PATCH] rust: io: rename accessors",
                        "name-2@example.org", "Will do.")
                .bytes();
        byte[] older = Mbox.create()
                .patch("name-1@example.org", "Finn Behrens <me@example.dev>", 10, "[PATCH] rust: add io",
                        null, "rust/kernel/io.rs")
                .bytes();
        ImportAndReadTest.upload(older, "rust-for-linux");
        ImportAndReadTest.upload(newer, "rust-for-linux");
        for (String id : List.of("name-1@example.org", "name-2@example.org")) {
            long series = given().get("/api/messages/{id}", id).then().statusCode(200).extract().jsonPath().getLong("seriesId");
            given().get("/api/series/{id}", series).then().statusCode(200)
                    .body("author.name", equalTo("Fiona Behrens")).body("author.email", equalTo("me@example.dev"));
        }
    }
}
