package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Revisions, their cover letters and people, filtered and paged as the Patchwork-compatible API lists
 * them (a Patchwork series is a revision). Values within one filter are alternatives; filters combine
 * with AND; each word must be part of the name, case-insensitively.
 */
@ApplicationScoped
public class RevisionSearch {

    /**
     * What to list; empty lists and nulls mean no filter.
     *
     * @param lists      names of lists the posting reached
     * @param revisions  revision ids (cover letters: of their revision)
     * @param people     ids of the author
     * @param messageIds Message-IDs (cover letters)
     * @param since      posted at or after
     * @param before     posted before
     * @param words      each is part of the name
     */
    public record Filter(List<String> lists, List<Long> revisions, List<Long> people, List<String> messageIds,
                         Instant since, Instant before, List<String> words) {
    }

    /** Sort keys of revisions and cover letters: the SQL each stands for. */
    public static final Map<String, String> ORDER = Map.of(
            "id", "r.id",
            "name", "LOWER(r.title)",
            "date", "r.posted_at",
            "submitter", "r.author_id");

    private static final String ESC = Where.ESCAPE;

    @Inject
    EntityManager em;

    /** One page of revisions, and how many match. */
    public SeriesLookups.Page<RevisionEntity> revisions(Filter f, String orderKey, boolean descending, int page,
                                                           int perPage) {
        return where(f, "LOWER(r.title)").page(em, "r.*", "revision r", order(orderKey, descending), RevisionEntity.class,
                page, perPage);
    }

    /** One page of the revisions that have a cover letter, for their covers, and how many match. */
    public SeriesLookups.Page<RevisionEntity> covers(Filter f, String orderKey, boolean descending, int page,
                                                        int perPage) {
        return where(f, "LOWER(m.subject)").in("m.message_id IN (:mids)", "mids", f.messageIds())
                .page(em, "r.*", "revision r JOIN message m ON m.id = r.cover_message_pk", order(orderKey, descending),
                        RevisionEntity.class, page, perPage);
    }

    /** One page of people whose name or address has {@code q} (all when null), by id. */
    public SeriesLookups.Page<Person> people(String q, int page, int perPage) {
        return new Where().value("(LOWER(p.email) LIKE :q" + ESC + " OR LOWER(p.name) LIKE :q" + ESC + ")", "q",
                q == null ? null : Where.like(q)).page(em, "p.*", "person p", "p.id", Person.class, page, perPage);
    }

    private static Where where(Filter f, String name) {
        Where w = new Where();
        w.in("(r.cover_message_pk IN (SELECT ml.message_pk FROM message_list ml JOIN mailing_list l ON l.id = ml.list_id"
                + " WHERE l.name IN (:lists)) OR r.id IN (SELECT pa.revision_id FROM patch pa JOIN message_list ml"
                + " ON ml.message_pk = pa.message_pk JOIN mailing_list l ON l.id = ml.list_id WHERE l.name IN (:lists)))",
                "lists", f.lists());
        w.in("r.id IN (:revisions)", "revisions", f.revisions());
        w.in("r.author_id IN (:people)", "people", f.people());
        w.value("r.posted_at >= :since", "since", f.since()).value("r.posted_at < :before", "before", f.before());
        for (int i = 0; i < f.words().size(); i++) {
            w.value(name + " LIKE :word" + i + ESC, "word" + i, Where.like(f.words().get(i)));
        }
        return w;
    }

    private static String order(String key, boolean descending) {
        String dir = descending ? " DESC" : " ASC";
        return ORDER.get(key) + dir + " NULLS LAST, r.id" + dir;
    }

    /** Person ids by address, case-insensitively; an address nobody has is left out. */
    public Map<String, Long> peopleByEmail(List<String> emails) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String e : emails) {
            em.createQuery("select p.id from Person p where p.email = :e", Long.class)
                    .setParameter("e", e.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst()
                    .ifPresent(id -> out.put(e, id));
        }
        return out;
    }
}
