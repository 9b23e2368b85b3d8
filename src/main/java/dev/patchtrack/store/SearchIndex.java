package dev.patchtrack.store;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The text {@code q=} searches beyond subjects and authors: each cover letter's body and each patch's
 * commit message, one {@code search_text} row per message. Raw mail never changes, so a row once
 * written stays right; each rebuild adds the rows of messages that became patches or cover letters.
 */
@ApplicationScoped
public class SearchIndex {

    /** Longest text kept per message. */
    static final int MAX_CHARS = 100_000;

    @Inject
    EntityManager em;

    @Inject
    MessageRepository messages;

    @Inject
    MailLimits limits;

    /** Adds the missing rows, in the caller's transaction; returns how many. */
    public int catchUp() {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT t.pk FROM (SELECT message_pk AS pk FROM patch"
                + " UNION SELECT cover_message_pk AS pk FROM revision WHERE cover_message_pk IS NOT NULL) t"
                + " WHERE NOT EXISTS (SELECT 1 FROM search_text st WHERE st.message_pk = t.pk)").getResultList();
        List<Long> pks = rows.stream().map(o -> ((Number) o).longValue()).toList();
        MailParser parser = new MailParser(limits);
        int[] written = {0};
        Bulk.forChunks(pks, chunk -> messages.rawByPks(chunk).forEach((pk, raw) -> {
            em.createNativeQuery("INSERT INTO search_text (message_pk, body) VALUES (?1, ?2)")
                    .setParameter(1, pk).setParameter(2, ownText(parser.parse(raw).body())).executeUpdate();
            written[0]++;
        }));
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
