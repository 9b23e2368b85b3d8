package dev.patchtrack.store;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.query.SearchText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The text {@code q=} searches beyond subjects and authors: each cover letter's body and each patch's
 * commit message, with the file names, removed and added lines of its diffs (lore's {@code dfn:},
 * {@code dfa:} and {@code dfb:}) and the stable patch-id of its diff ({@link SearchText}), one
 * {@code search_text} row per message. Raw mail never changes, so a row once written stays right; each
 * derivation adds the rows of messages that became patches or cover letters ({@link #catchUp}). Writing
 * them with the mail instead was measured slower for a whole archive: see docs/performance.md.
 */
@ApplicationScoped
public class SearchIndex {

    @Inject
    Jdbc jdbc;

    @Inject
    MessageRepository messages;

    @Inject
    MailLimits limits;

    @Inject
    DataVersion dataVersion;

    /**
     * Adds the missing rows, and rewrites those written before the diff columns existed, in the
     * caller's transaction; returns how many.
     */
    public int catchUp() {
        return write(jdbc.list(MISSING, List.of(), rs -> rs.getLong("pk")));
    }

    /**
     * {@link #catchUp} among these messages only: after a derivation of some groups, whose patches and
     * cover letters are the only ones it can have added (a scan of every patch costs a 100,000-message
     * store about a quarter of a second).
     */
    public int catchUp(java.util.Collection<Long> among) {
        return write(jdbc.listIn(MISSING + " AND t.pk IN ({in})", among, rs -> rs.getLong("pk")));
    }

    /** The patches and cover letters without a row, or with one written before the diff columns existed. */
    private static final String MISSING = "SELECT t.pk FROM (SELECT message_pk AS pk FROM patch"
            + " UNION SELECT cover_message_pk AS pk FROM revision WHERE cover_message_pk IS NOT NULL) t"
            + " WHERE NOT EXISTS (SELECT 1 FROM search_text st WHERE st.message_pk = t.pk AND st.files IS NOT NULL)";

    private int write(List<Long> pks) {
        MailParser parser = new MailParser(limits);
        int[] written = {0};
        // Plain JDBC batches: a native statement per row would flush the rebuild's whole session each time.
        Bulk.forChunks(pks, chunk -> {
            Map<Long, SearchText> texts = new java.util.LinkedHashMap<>();
            messages.rawByPks(chunk).forEach((pk, raw) -> texts.put(pk, SearchText.of(parser.parse(raw).body())));
            jdbc.batch("DELETE FROM search_text WHERE message_pk = ?", texts.keySet().stream()
                    .map(pk -> new Object[] {pk}).toList(), new int[] {java.sql.Types.BIGINT});
            insert(texts);
            written[0] += texts.size();
        });
        if (written[0] > 0) {
            // what a search finds changed
            dataVersion.bump();
        }
        return written[0];
    }


    private static final String INSERT = "INSERT INTO search_text (message_pk, body, files, removed, added, patch_id)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    /** Writes the rows of these messages, which have none, in the caller's transaction. */
    private void insert(Map<Long, SearchText> texts) {
        List<Object[]> rows = new java.util.ArrayList<>(texts.size());
        texts.forEach((pk, t) -> rows.add(new Object[] {pk, t.prose(), t.diff().files(), t.diff().removed(),
                t.diff().added(), t.patchId()}));
        jdbc.batch(INSERT, rows, new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR});
    }

}
