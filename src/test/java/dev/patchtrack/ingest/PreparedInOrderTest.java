package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchtrack.support.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Batches prepared on three threads at once are stored one at a time in the order read, each in one
 * transaction with its own cursor: the same rows, in the same order, as one thread gives. Every third
 * batch holds a long patch, so that the two after it are ready first. A batch that cannot be prepared
 * ends the import after the batches before it are stored, and none after it.
 */
@QuarkusTest
@TestProfile(PreparedInOrderTest.ThreePreparers.class)
class PreparedInOrderTest {

    static final int MESSAGES = 31;

    public static class ThreePreparers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchtrack.import.prepare-threads", "3", "patchtrack.import.batch-size", "2");
        }
    }

    @Inject
    Database database;

    @Inject
    ImportService imports;

    @Inject
    EntityManager em;

    /** One commit of a cursor: its value and the messages stored by then, its own batch's included. */
    record Commit(Map<String, String> cursors, int read, long storedBy) {
    }

    @Test
    void batchesAreStoredInReadOrderEachWithItsCursor() {
        database.clear();
        List<Commit> commits = new ArrayList<>();
        ImportSummary s = imports.ingest(feed(items(-1)), "rust-for-linux", ImportService.Progress.NONE,
                (cursors, batch) -> commits.add(new Commit(cursors, batch.read(), storedNow())));

        assertThat(s.read()).isEqualTo(MESSAGES);
        assertThat(s.stored()).isEqualTo(MESSAGES);
        assertThat(commits).containsExactlyElementsOf(expectedCommits(MESSAGES));
        assertThat(storedInOrder()).containsExactlyElementsOf(
                IntStream.range(0, MESSAGES).mapToObj(PreparedInOrderTest::messageId).toList());
    }

    @Test
    void aBatchThatCannotBePreparedStopsTheImportAfterTheBatchesBeforeIt() {
        database.clear();
        List<Commit> commits = new ArrayList<>();
        // the seventh message opens the fourth batch; its missing problem list fails its preparation
        assertThatThrownBy(() -> imports.ingest(feed(items(6)), "rust-for-linux", ImportService.Progress.NONE,
                (cursors, batch) -> commits.add(new Commit(cursors, batch.read(), storedNow()))))
                .isInstanceOf(NullPointerException.class);

        assertThat(commits).containsExactlyElementsOf(expectedCommits(MESSAGES).subList(0, 3));
        assertThat(storedInOrder()).containsExactlyElementsOf(
                IntStream.range(0, 6).mapToObj(PreparedInOrderTest::messageId).toList());
    }

    @Test
    void preparingThreadsDefaultToOnePerCoreButTheStoringOneUpToFour() {
        assertThat(ImportService.prepareThreads(OptionalInt.of(3))).isEqualTo(3);
        assertThat(ImportService.prepareThreads(OptionalInt.empty()))
                .isEqualTo(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1)));
    }

    /** Batches of two, the last of one, each committing the cursor of its last message. */
    static List<Commit> expectedCommits(int messages) {
        List<Commit> out = new ArrayList<>();
        for (int end = 2; end < messages + 2; end += 2) {
            int last = Math.min(end, messages);
            out.add(new Commit(Map.of("mbox", String.valueOf(last)), last - (end - 2), last));
        }
        return out;
    }

    /** Inside the transaction storing a batch: what it sees, its own rows included. */
    private long storedNow() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM message").getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> storedInOrder() {
        return QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT message_id FROM message ORDER BY id").getResultList());
    }

    static String messageId(int i) {
        return "order-" + i + "@example.org";
    }

    /** The messages, each moving the cursor to its number; the one at {@code broken} cannot be prepared. */
    static List<MailFeed.Item> items(int broken) {
        List<MailFeed.Item> items = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            items.add(new MailFeed.Item(message(i), -1, i == broken ? null : List.of(), false, "mbox",
                    String.valueOf(i + 1)));
        }
        return items;
    }

    static byte[] message(int i) {
        StringBuilder m = new StringBuilder()
                .append("From: Dev Eloper <dev@example.org>\n")
                .append("Message-ID: <").append(messageId(i)).append(">\n")
                .append("Subject: [PATCH] rust: change ").append(i).append('\n')
                .append("Date: Mon, 7 Dec 2026 10:").append(String.format("%02d", i)).append(":00 +0000\n")
                .append("List-Id: <rust-for-linux.vger.kernel.org>\n\n")
                .append("Change ").append(i).append(".\n\nSigned-off-by: Dev Eloper <dev@example.org>\n---\n")
                .append("diff --git a/rust/kernel/lib.rs b/rust/kernel/lib.rs\n--- a/rust/kernel/lib.rs\n")
                .append("+++ b/rust/kernel/lib.rs\n");
        // the first message of every third batch is long, so the two batches after it are ready first
        int lines = i % 6 == 0 ? 20_000 : 3;
        m.append("@@ -1,0 +1,").append(lines).append(" @@\n");
        for (int l = 0; l < lines; l++) {
            m.append("+// line ").append(l).append(" of change ").append(i).append('\n');
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    static MailFeed feed(List<MailFeed.Item> items) {
        return new MailFeed() {
            int next;

            @Override
            public Item next() {
                return next < items.size() ? items.get(next++) : null;
            }
        };
    }
}
