package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.store.LinkKeyRepository;
import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.SeriesSnapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A derivation split among three threads, each part whole groups of messages (no key and no stored
 * series shared between parts), each in a transaction of its own: the series are those one
 * transaction over every message gives, and the full pass afterwards changes nothing.
 */
@QuarkusTest
@TestProfile(ParallelDerivationTest.ThreeDerivers.class)
class ParallelDerivationTest {

    public static class ThreeDerivers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchtrack.import.derive-threads", "3", "patchtrack.import.derive-split", "1");
        }
    }

    @Inject
    Database database;

    @Inject
    ImportService imports;

    @Inject
    SeriesRebuilder rebuilder;

    @Inject
    LinkKeyRepository linkKeys;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    EntityManager em;

    @Test
    void partsDerivedSideBySideGiveWhatOneTransactionGives() throws Exception {
        database.clear();
        byte[] corpus = Files.readAllBytes(Corpus.fixture(120, 23).mbox());
        ImportSummary s = imports.importStream(new ByteArrayInputStream(corpus), "rust-for-linux",
                ImportService.Progress.NONE);
        assertThat(s.rebuild().series()).isGreaterThan(100);

        // the parts the import was derived in: every message once, no stored series in two
        Set<Long> all = QuarkusTransaction.requiringNew().call(() -> new HashSet<>(
                em.createQuery("select m.id from MessageEntity m", Long.class).getResultList()));
        List<List<Long>> parts = QuarkusTransaction.requiringNew().call(() -> linkKeys.componentsAmong(all, 3));
        assertThat(parts).hasSize(3);
        List<Long> dealt = parts.stream().flatMap(List::stream).toList();
        assertThat(dealt).hasSize(all.size()).containsExactlyInAnyOrderElementsOf(all);
        List<Set<Long>> seriesOfPart = new ArrayList<>();
        for (List<Long> part : parts) {
            assertThat(part.size()).as("parts of about the same size").isBetween(all.size() / 6, all.size() / 2);
            seriesOfPart.add(QuarkusTransaction.requiringNew().call(() -> seriesLookups.seriesTouching(part, List.of())));
        }
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                assertThat(seriesOfPart.get(i)).as("series of parts %d and %d", i, j).doesNotContainAnyElementsOf(seriesOfPart.get(j));
            }
        }

        // one transaction over every message (the full pass: one list of at most 10,000) agrees
        Set<String> sideBySide = SeriesSnapshot.take();
        SeriesRebuilder.Summary full = rebuilder.rebuild();
        assertThat(full.messages()).isEqualTo(all.size());
        assertThat(full.seriesWritten() + full.revisionsWritten() + full.patchesWritten() + full.trailersWritten()
                + full.deleted()).as("the full pass agrees with what the parts left").isZero();
        SeriesSnapshot.assertSame("parallel-then-full", SeriesSnapshot.take(), sideBySide);
    }
}
