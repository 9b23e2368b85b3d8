package dev.patchtrack.store;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.patch.PatchId;
import dev.patchtrack.core.query.DiffWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The text {@code q=} searches beyond subjects and authors: each cover letter's body and each patch's
 * commit message, with the file names, removed and added lines of its diffs (lore's {@code dfn:},
 * {@code dfa:} and {@code dfb:}) and the stable patch-id of its diff, one {@code search_text} row per message. Raw mail never changes, so a row once
 * written stays right; each rebuild adds the rows of messages that became patches or cover letters.
 */
@ApplicationScoped
public class SearchIndex {

    /** Longest text kept per message. */
    static final int MAX_CHARS = 100_000;

    @Inject
    EntityManager em;

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
            Map<Long, byte[]> raws = messages.rawByPks(chunk);
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM search_text WHERE message_pk = ?");
                     PreparedStatement ps = c.prepareStatement(
                             "INSERT INTO search_text (message_pk, body, files, removed, added, patch_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (Map.Entry<Long, byte[]> e : raws.entrySet()) {
                        del.setLong(1, e.getKey());
                        del.addBatch();
                        String body = parser.parse(e.getValue()).body();
                        DiffWords diff = DiffWords.of(body);
                        ps.setLong(1, e.getKey());
                        ps.setString(2, ownText(body));
                        ps.setString(3, diff.files());
                        ps.setString(4, diff.removed());
                        ps.setString(5, diff.added());
                        ps.setString(6, PatchId.of(body));
                        ps.addBatch();
                    }
                    del.executeBatch();
                    ps.executeBatch();
                }
            });
            written[0] += raws.size();
        });
        if (written[0] > 0) {
            // what a search finds changed
            dataVersion.bump();
        }
        return written[0];
    }

    /**
     * What the author wrote: a patch's commit message stops at the {@code ---} line (or the first diff),
     * a cover letter at its signature; the diff and diffstat are not prose.
     */
    static String ownText(String body) {
        if (body == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\r?\n", -1)) {
            if (line.equals("---") || line.equals("-- ") || line.startsWith("diff --git ")) {
                break;
            }
            if (out.length() + line.length() + 1 > MAX_CHARS) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString().replace('\0', ' ');
    }
}
