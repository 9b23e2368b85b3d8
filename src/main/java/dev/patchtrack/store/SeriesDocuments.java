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
 * The series detail kept as a ready document (a read model): the JSON the API answers, so that a
 * series asked for again after other data changed is one indexed read, not fifteen queries and a
 * rendering. A document is a cache of the other tables: the first request after a change renders the
 * series and {@link #keep}s it; each write that changes what a document shows drops it in its own
 * transaction ({@link #forget} and the others), so no commit leaves a stale document behind.
 *
 * <p>What a series detail shows, and who drops its document when that changes:
 * <ul>
 * <li>its series, revisions, patches, trailers, applied notices, topics, states, checks derived from
 *     bots, version changes, and its reviewers' replies: the derivation of its group
 *     ({@code SeriesRebuilder}) drops the documents of every series the group had or has;</li>
 * <li>checks posted through the API: {@link CheckRepository#add};</li>
 * <li>state overrides: {@link OverrideRepository};</li>
 * <li>the LWN articles that mention it: {@link ArticleRepository};</li>
 * <li>people's names: {@link PersonRepository#resolve} ({@link #forgetPeople});</li>
 * <li>the MAINTAINERS file its reviewers come from: a tree's branch moving ({@link TreeRepository#saveRefs}).</li>
 * </ul>
 * A series whose revisions depend on others' ({@code depends_on}) is never kept: its document would
 * name revisions of series other writes create.
 *
 * <p>A rendering races with writes; the rule that keeps it right: a document is kept only if the data
 * version is still the one read before the rendering began, checked under the lock of the version's
 * row and skipped when a writer holds it ({@code FOR UPDATE SKIP LOCKED}). A writer drops documents
 * only after it has moved the version, so it holds that lock: a document kept before is seen and
 * dropped, and none is kept after until the writer commits.
 */
@ApplicationScoped
public class SeriesDocuments {

    private static final Logger LOG = Logger.getLogger(SeriesDocuments.class);

    @Inject
    Jdbc jdbc;

    @Inject
    DataVersion dataVersion;

    /** Every document is dropped at start: what a document holds is what this version of the code renders. */
    void started(@Observes StartupEvent e) {
        int n = QuarkusTransaction.requiringNew().call(() -> jdbc.update("DELETE FROM series_document", List.of()));
        if (n > 0) {
            LOG.infof("dropped %d kept series documents of an earlier start", n);
        }
    }

    /** The kept document of a series, when there is one. */
    public Optional<byte[]> body(long seriesId) {
        return jdbc.list("SELECT body FROM series_document WHERE series_id = ?", List.of(seriesId),
                rs -> rs.getBytes("body")).stream().findFirst();
    }

    /** The data version as this transaction reads it now: read it before reading what a document shows. */
    public long version() {
        return jdbc.list("SELECT version FROM data_version WHERE id = 1", List.of(), rs -> rs.getLong("version")).get(0);
    }

    /**
     * Keeps a series' rendered document, if the data is still at {@code version} (read by
     * {@link #version} before the rendering) and no writer is under way. Call in a transaction of its
     * own; returns whether it was kept.
     *
     * @param people the ids of the people the document names
     */
    public boolean keep(long seriesId, long version, Collection<Long> people, byte[] body) {
        List<Long> now = jdbc.list("SELECT version FROM data_version WHERE id = 1 FOR UPDATE SKIP LOCKED", List.of(),
                rs -> rs.getLong("version"));
        if (now.isEmpty() || now.get(0) != version) {
            return false; // a writer holds the version, or has moved it since the rendering began
        }
        jdbc.upsert("series_document", "series_id", List.of("series_id", "people", "body"),
                new Object[] {seriesId, packed(people), body},
                new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARBINARY});
        return true;
    }

    /**
     * Drops the documents of these series. Call in the transaction that changed them, after its writes
     * have moved the data version (a write that changes nothing leaves the documents as they are).
     */
    public void forget(Collection<Long> seriesIds) {
        if (seriesIds.isEmpty()) {
            return;
        }
        List<Long> kept = jdbc.listIn("SELECT series_id FROM series_document WHERE series_id IN ({in})", seriesIds,
                rs -> rs.getLong("series_id"));
        if (!kept.isEmpty()) {
            dataVersion.bump(); // held already by a transaction that wrote: documents drop under its lock
            Bulk.forChunks(kept, chunk -> jdbc.update("DELETE FROM series_document WHERE series_id IN ("
                    + Jdbc.marks(chunk.size()) + ")", chunk));
        }
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
            jdbc.update("DELETE FROM series_document WHERE " + where, params);
        });
    }

    /** Drops every document (what all of them show changed: the MAINTAINERS file); moves the data version. */
    public void forgetAll() {
        dataVersion.bump();
        jdbc.update("DELETE FROM series_document", List.of());
    }

    /** How many documents are kept. */
    public long count() {
        return jdbc.list("SELECT count(*) AS n FROM series_document", List.of(), rs -> rs.getLong("n")).get(0);
    }

    static String packed(Collection<Long> people) {
        StringBuilder b = new StringBuilder(" ");
        people.stream().filter(java.util.Objects::nonNull).distinct().sorted().forEach(id -> b.append(id).append(' '));
        return b.toString();
    }
}
