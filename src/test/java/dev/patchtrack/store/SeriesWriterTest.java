package dev.patchtrack.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.classify.TopicRules;
import dev.patchtrack.core.derive.Derived;
import dev.patchtrack.core.derive.SeriesDerivation;
import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.Pipeline;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one writer of the derived tables, given core's derivation directly: it writes only what differs,
 * keeps the ids of what still exists (even when two series trade keys), deletes what no longer exists
 * with everything below it, and records the events the changes imply.
 */
@QuarkusTest
class SeriesWriterTest {

    private static final String LIST = "20240601-list-v1-0-cc33@example.com";
    private static final String PHY = "20240602.093000.1.fujita@example.com";
    private static final String VEC = "20240603120000.5-1-dakr@example.org";

    @Inject
    Database database;

    @Inject
    SeriesWriter writer;

    @Inject
    Jdbc jdbc;

    private Map<String, Long> pks;
    private Map<String, Long> listIds;

    @BeforeEach
    void importFixture() {
        database.clear();
        given().header("Authorization", "Bearer test-token").body(Pipeline.fixture("series/3005-applied-notices.mbox"))
                .queryParam("list", "rust-for-linux").post("/api/import").then().statusCode(200);
        pks = new HashMap<>();
        listIds = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            jdbc.list("SELECT id, message_id FROM message", List.of(), rs -> pks.put(rs.getString("message_id"),
                    rs.getLong("id")));
            jdbc.list("SELECT id, name FROM mailing_list", List.of(), rs -> listIds.put(rs.getString("name"),
                    rs.getLong("id")));
        });
    }

    private static List<Derived.Series> derive() {
        Classifier classifier;
        try (InputStream in = SeriesWriterTest.class.getResourceAsStream("/topics.rules")) {
            classifier = new Classifier(TopicRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "topics.rules"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, MailFacts> facts = new HashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        for (MailFacts f : Pipeline.facts(Pipeline.fixture("series/3005-applied-notices.mbox"))) {
            facts.put(f.messageId(), f);
            lists.put(f.messageId(), List.of("rust-for-linux"));
        }
        return SeriesDerivation.derive(new SeriesDerivation.Inputs(facts, Map.of(), lists, Map.of(), Map.of(),
                Map.of(), classifier));
    }

    private SeriesWriter.Written write(List<Derived.Series> series) {
        return QuarkusTransaction.requiringNew().call(() -> writer.write(series, pks, listIds, null));
    }

    private static Derived.Series get(List<Derived.Series> all, String key) {
        return all.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    private static Derived.Series withKey(Derived.Series s, String key) {
        return new Derived.Series(key, s.title(), s.author(), s.firstPostedAt(), s.lastPostedAt(), s.latestVersion(),
                s.lists(), s.revisions(), s.state(), s.topics());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.list(sql, List.of(), rs -> rs.getLong(1)).get(0));
    }

    private Map<String, Long> seriesIdsByKey() {
        Map<String, Long> out = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> jdbc.list("SELECT id, series_key FROM series", List.of(),
                rs -> out.put(rs.getString("series_key"), rs.getLong("id"))));
        return out;
    }

    private List<String> eventsAfter(long id) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.list("SELECT kind, summary FROM event WHERE id > ?"
                + " ORDER BY id", List.of(id), rs -> rs.getString("kind") + ": " + rs.getString("summary")));
    }

    @Test
    void aSecondWriteOfTheSameDerivationWritesNothing() {
        List<Derived.Series> derived = derive();
        write(derived);
        String before = database.fingerprint();
        Map<String, Long> ids = seriesIdsByKey();
        SeriesWriter.Written again = write(derived);
        assertThat(again).isEqualTo(new SeriesWriter.Written(0, 0, 0, 0, 0, 0, List.of()));
        assertThat(database.fingerprint()).as("nothing written, so the data version stays").isEqualTo(before);
        assertThat(seriesIdsByKey()).isEqualTo(ids).containsKeys(LIST, PHY, VEC);
        assertThat(count("SELECT COUNT(*) FROM patch")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM applied_notice WHERE covers IS NOT NULL")).isPositive();
    }

    @Test
    void twoSeriesTradingKeysKeepTheirIds() {
        List<Derived.Series> derived = derive();
        write(derived);
        Map<String, Long> ids = seriesIdsByKey();
        List<Derived.Series> swapped = List.of(withKey(get(derived, LIST), PHY), withKey(get(derived, PHY), LIST),
                get(derived, VEC));
        SeriesWriter.Written w = write(swapped);
        assertThat(w.series()).isEqualTo(2);
        assertThat(w.deleted()).isZero();
        Map<String, Long> now = seriesIdsByKey();
        assertThat(now.get(PHY)).as("the series of the list patches, now keyed by the other's key").isEqualTo(ids.get(LIST));
        assertThat(now.get(LIST)).isEqualTo(ids.get(PHY));
        assertThat(now.get(VEC)).isEqualTo(ids.get(VEC));
    }

    @Test
    void whatNoLongerExistsGoesWithEverythingBelowIt() {
        List<Derived.Series> derived = derive();
        write(derived);
        long events = count("SELECT COALESCE(MAX(id), 0) FROM event");
        long phyId = seriesIdsByKey().get(PHY);
        SeriesWriter.Written w = write(List.of(get(derived, LIST), get(derived, VEC)));
        assertThat(w.deleted()).as("one series, its revision and its two patches").isEqualTo(4);
        assertThat(seriesIdsByKey()).doesNotContainKey(PHY).containsKeys(LIST, VEC);
        assertThat(count("SELECT COUNT(*) FROM revision WHERE series_id = " + phyId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM series_list WHERE series_id = " + phyId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM series_topic WHERE series_id = " + phyId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM patch")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM message")).as("the mail stays").isEqualTo(pks.size());
        assertThat(eventsAfter(events)).isEmpty();

        SeriesWriter.Written back = write(derived);
        assertThat(back.series()).isEqualTo(1);
        assertThat(back.posted()).hasSize(1);
        assertThat(eventsAfter(events)).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactly("series-created", "revision-posted");
    }

    @Test
    void aTrailerGainedOnAStoredRevisionIsAnEventAndAStateChangeIsOne() {
        List<Derived.Series> derived = derive();
        write(derived);
        long events = count("SELECT COALESCE(MAX(id), 0) FROM event");
        Derived.Series vec = get(derived, VEC);
        Derived.Revision r = vec.revisions().get(0);
        Derived.Patch p = r.patches().get(0);
        List<Derived.GivenTrailer> trailers = new ArrayList<>(p.trailers());
        trailers.add(new Derived.GivenTrailer(new Trailer("Reviewed-by", "Boqun Feng <boqun@example.com>",
                new Address("Boqun Feng", "boqun@example.com")), "ZmBoqunNotApplied@boqun"));
        Derived.Patch gained = new Derived.Patch(p.messageId(), p.number(), p.subject(), p.author(), p.postedAt(),
                p.filesChanged(), p.insertions(), p.deletions(), trailers, p.state(), p.overridden());
        Derived.Revision revision = new Derived.Revision(r.key(), r.version(), r.versionMinor(), r.total(), r.rfc(),
                r.title(), r.author(), r.postedAt(), r.coverMessageId(), r.linkReason(), r.complete(), r.extraPatches(),
                r.changeId(), List.of(gained), r.dependsOn(), List.of(), new dev.patchtrack.core.review.StateReason(
                dev.patchtrack.core.review.ReviewState.REVIEWED, "ZmBoqunNotApplied@boqun", null, "reviewed"),
                r.topics());
        Derived.Series changed = new Derived.Series(vec.key(), vec.title(), vec.author(), vec.firstPostedAt(),
                vec.lastPostedAt(), vec.latestVersion(), vec.lists(), List.of(revision), vec.state(), vec.topics());
        SeriesWriter.Written w = write(List.of(get(derived, LIST), get(derived, PHY), changed));
        assertThat(w.trailers()).isEqualTo(trailers.size());
        assertThat(w.revisions()).isEqualTo(1);
        assertThat(w.series()).isZero();
        assertThat(eventsAfter(events)).hasSize(2).anySatisfy(e -> assertThat(e).startsWith("trailer-added: Reviewed-by")
                .contains("Boqun Feng")).anySatisfy(e -> assertThat(e).startsWith("state-changed: "));
        assertThat(count("SELECT COUNT(*) FROM applied_notice a JOIN revision r ON r.id = a.revision_id"
                + " WHERE r.revision_key = '" + r.key() + "'")).as("its notice no longer given").isZero();
    }
}
