package dev.patchtrack.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.query.SearchText;
import dev.patchtrack.ingest.SeriesRebuilder;
import dev.patchtrack.store.MessageRepository.Encoded;
import dev.patchtrack.store.MessageRepository.NewMessage;
import dev.patchtrack.support.Database;
import dev.patchtrack.support.Pipeline;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The search rows of patches and cover letters are written with the mail, from the text worked out
 * while it was parsed: derivation finds none missing and parses no raw mail again for them.
 */
@QuarkusTest
class SearchRowsWithMailTest {

    @Inject
    Database database;

    @Inject
    MessageRepository messages;

    @Inject
    SearchIndex searchIndex;

    @Inject
    SeriesRebuilder rebuilder;

    @Inject
    Jdbc jdbc;

    private record Stored(String patchId, String files, String removed, String added, String prose) {
    }

    @Test
    void patchesAndCoverLettersHaveTheirRowOnceStored() {
        database.clear();
        List<Pipeline.Parsed> parsed = Pipeline.parse(Pipeline.fixture("series/3005-applied-notices.mbox"));
        QuarkusTransaction.requiringNew().run(() -> messages.storeEncoded(parsed.stream()
                .map(p -> Encoded.of(new NewMessage(p.mail(), p.facts(), p.entry().raw()))).toList(), null));
        Map<String, Stored> rows = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> jdbc.list("SELECT m.message_id, st.patch_id, st.files, st.removed,"
                + " st.added, st.body FROM search_text st JOIN message m ON m.id = st.message_pk", List.of(),
                rs -> rows.put(rs.getString("message_id"), new Stored(rs.getString("patch_id"), rs.getString("files"),
                        rs.getString("removed"), rs.getString("added"), rs.getString("body")))));

        List<Pipeline.Parsed> searched = parsed.stream().filter(p -> p.facts().kind() == MessageKind.PATCH
                || p.facts().kind() == MessageKind.COVER).toList();
        assertThat(searched).hasSize(7);
        assertThat(rows).as("no series derived yet: each patch and cover letter, and no reply")
                .containsOnlyKeys(searched.stream().map(p -> p.mail().messageId()).toList());
        for (Pipeline.Parsed p : searched) {
            SearchText t = SearchText.of(p.mail().body());
            assertThat(rows.get(p.mail().messageId())).isEqualTo(new Stored(t.patchId(), t.diff().files(),
                    t.diff().removed(), t.diff().added(), t.prose()));
        }
        assertThat(rows.get("20240601-list-v1-1-cc33@example.com").patchId()).hasSize(40);

        rebuilder.rebuild();
        assertThat(QuarkusTransaction.requiringNew().call(() -> searchIndex.catchUp()))
                .as("derived: every patch and cover letter already has its row").isZero();
    }
}
