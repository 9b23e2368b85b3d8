package dev.patchtrack.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.jboss.logging.Logger;

/**
 * The series detail and the message detail kept as ready documents (read models): the JSON the API
 * answers, so that a series or a message asked for again after other data changed is one indexed
 * read, not a dozen queries and a rendering. A document is a cache of the other tables: the first
 * request after a change renders it and {@link #keep}s it; each write that changes what a document
 * shows drops it in its own transaction, so no commit leaves a stale document behind.
 *
 * <p>What the documents show, and who drops them when that changes:
 * <ul>
 * <li>a series' rows (revisions, patches, trailers, applied notices, topics, states, checks derived
 *     from bots, version changes), its reviewers' replies, and where its messages belong: the
 *     derivation of its group ({@code SeriesRebuilder}) drops the documents of every series the group
 *     had or has, and of every message of the group;</li>
 * <li>checks posted through the API: {@link CheckRepository#add};</li>
 * <li>state overrides: {@link OverrideRepository};</li>
 * <li>the LWN articles that mention a series: {@link ArticleRepository};</li>
 * <li>people's names: {@link PersonRepository#resolve} ({@link #forgetPeople});</li>
 * <li>a message deleted from its archive or filed under one more list: {@link MessageRepository};</li>
 * <li>the MAINTAINERS file reviewers come from: a tree's branch moving ({@link TreeRepository#saveRefs}).</li>
 * </ul>
 * A series whose revisions depend on others' ({@code depends_on}) is never kept: its document would
 * name revisions of series other writes create. Dropping a series' documents drops those of the
 * messages that belong to it too. {@link #forget} says which series documents it dropped: after a
 * derivation, the API renders those again ({@code ingest.DocumentsDropped}), since someone reads them.
 *
 * <p>A rendering races with writes; the rule that keeps it right: a document is kept only if the data
 * version is still the one read before the rendering began, checked under the lock of the version's
 * row and skipped when a writer holds it ({@code FOR SHARE SKIP LOCKED}; H2, which has no share lock,
 * {@code FOR UPDATE}). A writer drops documents
 * only after it has moved the version, so it holds that lock: a document kept before is seen and
 * dropped, and none is kept after until the writer commits.
 */
@ApplicationScoped
public class KeptDocuments {

    private static final Logger LOG = Logger.getLogger(KeptDocuments.class);

    /** What is kept, each in a table of its own, by its key. */
    public enum Kind {
        SERIES("series_document", "series_id"),
        MESSAGE("message_document", "message_pk");

        final String table;
        final String key;

        Kind(String table, String key) {
            this.table = table;
            this.key = key;
        }
    }

    @Inject
    Jdbc jdbc;

    @Inject
    DataVersion dataVersion;

    /** Every document is dropped at start: what a document holds is what this version of the code renders. */
    void started(@Observes StartupEvent e) {
        int n = QuarkusTransaction.requiringNew().call(() -> {
            int dropped = 0;
            for (Kind k : Kind.values()) {
                dropped += jdbc.update("DELETE FROM " + k.table, List.of());
            }
            return dropped;
        });
        if (n > 0) {
            LOG.infof("dropped %d kept documents of an earlier start", n);
        }
    }

    /** The kept document of a series, when there is one. */
    public Optional<byte[]> series(long seriesId) {
        return jdbc.list("SELECT body FROM series_document WHERE series_id = ?", List.of(seriesId),
                rs -> rs.getBytes("body")).stream().findFirst();
    }

    /** The kept document of the message with this Message-ID, when there is one. */
    public Optional<byte[]> message(String messageId) {
        return jdbc.list("SELECT d.body FROM message m JOIN message_document d ON d.message_pk = m.id"
                + " WHERE m.message_id = ?", List.of(messageId), rs -> rs.getBytes("body")).stream().findFirst();
    }

    /** The data version as this transaction reads it now: read it before reading what a document shows. */
    public long version() {
        return jdbc.list("SELECT version FROM data_version WHERE id = 1", List.of(), rs -> rs.getLong("version")).get(0);
    }

    /**
     * Keeps a rendered document, if the data is still at {@code version} (read by {@link #version}
     * before the rendering) and no writer is under way. Call in a transaction of its own; returns
     * whether it was kept.
     *
     * @param key    the series id, or the message's primary key
     * @param series the series the document belongs to (a message's), null when none
     * @param people the ids of the people the document names
     */
    public boolean keep(Kind kind, long key, Long series, long version, Collection<Long> people, byte[] body) {
        // PostgreSQL: a share lock, which keepers hold side by side and a writer's update waits for; H2
        // has only the exclusive one
        List<Long> now = jdbc.list("SELECT version FROM data_version WHERE id = 1 FOR "
                + (jdbc.onPostgres() ? "SHARE" : "UPDATE") + " SKIP LOCKED", List.of(), rs -> rs.getLong("version"));
        if (now.isEmpty() || now.get(0) != version) {
            return false; // a writer holds the version, or has moved it since the rendering began
        }
        if (kind == Kind.SERIES) {
            jdbc.upsert(kind.table, kind.key, List.of(kind.key, "people", "body"), new Object[] {key, packed(people), body},
                    new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARBINARY});
        } else {
            jdbc.upsert(kind.table, kind.key, List.of(kind.key, "series_id", "people", "body"),
                    new Object[] {key, series, packed(people), body},
                    new int[] {java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARBINARY});
        }
        return true;
    }

    /**
     * Drops the documents of these series and of the messages that belong to them. Call in the
     * transaction that changed them, after its writes have moved the data version (a write that changes
     * nothing leaves the documents as they are). Returns the series whose own document was dropped.
     */
    public List<Long> forget(Collection<Long> seriesIds) {
        List<Long> dropped = drop(Kind.SERIES.table, "series_id", seriesIds);
        drop(Kind.MESSAGE.table, "series_id", seriesIds);
        return dropped;
    }

    /** Drops the documents of these messages (by primary key); as {@link #forget}. */
    public void forgetMessages(Collection<Long> messagePks) {
        drop(Kind.MESSAGE.table, "message_pk", messagePks);
    }

    private List<Long> drop(String table, String column, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> kept = jdbc.listIn("SELECT " + column + " FROM " + table + " WHERE " + column + " IN ({in})", ids,
                rs -> rs.getLong(column));
        if (!kept.isEmpty()) {
            dataVersion.bump(); // held already by a transaction that wrote: documents drop under its lock
            Bulk.forChunks(kept.stream().distinct().toList(), chunk -> jdbc.update("DELETE FROM " + table + " WHERE "
                    + column + " IN (" + Jdbc.marks(chunk.size()) + ")", chunk));
        }
        return kept;
    }

    /** Drops the documents that name any of these people (their names changed); moves the data version. */
    public void forgetPeople(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        dataVersion.bump();
        Bulk.forChunks(List.copyOf(personIds), chunk -> {
            StringJoiner where = new StringJoiner(" OR ");
            List<Object> params = new ArrayList<>();
            for (Long id : chunk) {
                where.add("people LIKE ?");
                params.add("% " + id + " %");
            }
            for (Kind k : Kind.values()) {
                jdbc.update("DELETE FROM " + k.table + " WHERE " + where, params);
            }
        });
    }

    /** Drops every series document (what all of them show changed: the MAINTAINERS file); moves the data version. */
    public void forgetAllSeries() {
        dataVersion.bump();
        jdbc.update("DELETE FROM series_document", List.of());
    }

    static String packed(Collection<Long> people) {
        StringBuilder b = new StringBuilder(" ");
        people.stream().filter(java.util.Objects::nonNull).distinct().sorted().forEach(id -> b.append(id).append(' '));
        return b.toString();
    }
}
