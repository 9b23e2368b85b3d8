package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place the filters of series and patch listings become SQL, so that every listing (the JSON
 * API, feeds, text) filters the same way. Values within one filter are alternatives (OR); filters
 * combine with AND. {@code q} matches subjects and authors case-insensitively on every database and,
 * on PostgreSQL, also the words of cover letters and commit messages (full-text search).
 */
@ApplicationScoped
public class ItemSearch {

    /**
     * What to list. Empty lists and nulls mean no filter.
     *
     * @param lists    list names
     * @param topics   topic names
     * @param states   review states
     * @param authors  parts of a name or an address, case-insensitive
     * @param since    posted at or after (series: last posting)
     * @param before   posted before (series: last posting)
     * @param versions versions (series: the latest one)
     * @param rfc      RFC or not (series: the latest revision)
     * @param q        free text
     */
    public record Filter(List<String> lists, List<String> topics, List<String> states, List<String> authors,
                         Instant since, Instant before, List<Integer> versions, Boolean rfc, String q) {

        public static final Filter NONE = new Filter(List.of(), List.of(), List.of(), List.of(), null, null, List.of(),
                null, null);
    }

    /** A sort key and its direction. */
    public record Order(String key, boolean descending) {
    }

    /** Sort keys of series: the SQL each stands for. */
    public static final Map<String, String> SERIES_ORDER = Map.of(
            "updated", "s.last_posted_at",
            "created", "s.first_posted_at",
            "date", "s.first_posted_at",
            "version", "s.latest_version",
            "revisions", "s.revision_count",
            "title", "LOWER(s.title)",
            "state", "s.state",
            "id", "s.id");

    /** Sort keys of patches. */
    public static final Map<String, String> PATCH_ORDER = Map.of(
            "updated", "p.posted_at",
            "created", "p.posted_at",
            "date", "p.posted_at",
            "version", "(SELECT r.version FROM revision r WHERE r.id = p.revision_id)",
            "title", "LOWER(p.subject)",
            "subject", "LOWER(p.subject)",
            "number", "p.number",
            "state", "p.state",
            "id", "p.id");

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** One page of series and how many match in all. */
    public SeriesRepository.Page<SeriesEntity> series(Filter f, Order order, int page, int perPage) {
        Where w = new Where();
        w.in("s.id IN (SELECT sl.series_id FROM series_list sl JOIN mailing_list l ON l.id = sl.list_id"
                + " WHERE l.name IN (:lists))", "lists", f.lists());
        w.in("s.id IN (SELECT st.series_id FROM series_topic st WHERE st.topic IN (:topics))", "topics", f.topics());
        w.in("s.state IN (:states)", "states", f.states());
        w.authors("s.author_id", f.authors());
        w.value("s.last_posted_at >= :since", "since", f.since());
        w.value("s.last_posted_at < :before", "before", f.before());
        w.in("s.latest_version IN (:versions)", "versions", f.versions());
        w.value("EXISTS (SELECT 1 FROM revision r WHERE r.series_id = s.id AND r.rfc = :rfc AND r.position ="
                + " (SELECT MAX(r2.position) FROM revision r2 WHERE r2.series_id = s.id))", "rfc", f.rfc());
        if (f.q() != null) {
            List<String> any = new ArrayList<>(List.of("LOWER(s.title) LIKE :q ESCAPE '\\'",
                    "s.author_id IN (SELECT pe.id FROM person pe WHERE LOWER(pe.email) LIKE :q ESCAPE '\\'"
                            + " OR LOWER(pe.name) LIKE :q ESCAPE '\\')",
                    "s.id IN (SELECT r.series_id FROM revision r WHERE LOWER(r.title) LIKE :q ESCAPE '\\')",
                    "s.id IN (SELECT r.series_id FROM revision r JOIN patch pa ON pa.revision_id = r.id"
                            + " WHERE LOWER(pa.subject) LIKE :q ESCAPE '\\')"));
            if (postgres()) {
                any.add("s.id IN (SELECT r.series_id FROM revision r JOIN search_text t ON t.message_pk = r.cover_message_pk"
                        + " WHERE " + FULL_TEXT + ")");
                any.add("s.id IN (SELECT r.series_id FROM revision r JOIN patch pa ON pa.revision_id = r.id"
                        + " JOIN search_text t ON t.message_pk = pa.message_pk WHERE " + FULL_TEXT + ")");
            }
            w.text(any, f.q());
        }
        return run("series s", "s", SeriesEntity.class, w, SERIES_ORDER.get(order.key()), order.descending(), "s.id",
                page, perPage);
    }

    /** One page of patches and how many match in all; a patch's topics are its revision's. */
    public SeriesRepository.Page<PatchEntity> patches(Filter f, Order order, int page, int perPage) {
        Where w = new Where();
        w.in("p.message_pk IN (SELECT ml.message_pk FROM message_list ml JOIN mailing_list l ON l.id = ml.list_id"
                + " WHERE l.name IN (:lists))", "lists", f.lists());
        w.in("p.revision_id IN (SELECT rt.revision_id FROM revision_topic rt WHERE rt.topic IN (:topics))", "topics",
                f.topics());
        w.in("p.state IN (:states)", "states", f.states());
        w.authors("p.author_id", f.authors());
        w.value("p.posted_at >= :since", "since", f.since());
        w.value("p.posted_at < :before", "before", f.before());
        w.in("p.revision_id IN (SELECT r.id FROM revision r WHERE r.version IN (:versions))", "versions", f.versions());
        w.value("p.revision_id IN (SELECT r.id FROM revision r WHERE r.rfc = :rfc)", "rfc", f.rfc());
        if (f.q() != null) {
            List<String> any = new ArrayList<>(List.of("LOWER(p.subject) LIKE :q ESCAPE '\\'",
                    "p.author_id IN (SELECT pe.id FROM person pe WHERE LOWER(pe.email) LIKE :q ESCAPE '\\'"
                            + " OR LOWER(pe.name) LIKE :q ESCAPE '\\')"));
            if (postgres()) {
                any.add("p.message_pk IN (SELECT t.message_pk FROM search_text t WHERE " + FULL_TEXT + ")");
            }
            w.text(any, f.q());
        }
        return run("patch p", "p", PatchEntity.class, w, PATCH_ORDER.get(order.key()), order.descending(), "p.id",
                page, perPage);
    }

    private static final String FULL_TEXT = "to_tsvector('english', t.body) @@ plainto_tsquery('english', :words)";

    private boolean postgres() {
        return dbKind != null && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    private <T> SeriesRepository.Page<T> run(String table, String alias, Class<T> type, Where w, String orderBy,
                                             boolean desc, String tieBreak, int page, int perPage) {
        String where = w.sql();
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM " + table + where);
        String dir = desc ? " DESC NULLS LAST" : " ASC NULLS LAST";
        Query items = em.createNativeQuery("SELECT " + alias + ".* FROM " + table + where + " ORDER BY " + orderBy + dir
                + ", " + tieBreak + (desc ? " DESC" : " ASC"), type);
        w.bind(count);
        w.bind(items);
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<T> list = items.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
        return new SeriesRepository.Page<>(list, total);
    }

    /** A WHERE clause and its named parameters. */
    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        void in(String clause, String name, List<?> values) {
            if (values != null && !values.isEmpty()) {
                clauses.add(clause);
                params.put(name, values);
            }
        }

        void value(String clause, String name, Object value) {
            if (value != null) {
                clauses.add(clause);
                params.put(name, value);
            }
        }

        /** Any of the values as part of a name or an address. */
        void authors(String column, List<String> authors) {
            if (authors == null || authors.isEmpty()) {
                return;
            }
            List<String> any = new ArrayList<>();
            for (int i = 0; i < authors.size(); i++) {
                any.add("LOWER(pe.email) LIKE :author" + i + " ESCAPE '\\' OR LOWER(pe.name) LIKE :author" + i + " ESCAPE '\\'");
                params.put("author" + i, like(authors.get(i)));
            }
            clauses.add(column + " IN (SELECT pe.id FROM person pe WHERE " + String.join(" OR ", any) + ")");
        }

        void text(List<String> any, String q) {
            clauses.add("(" + String.join(" OR ", any) + ")");
            params.put("q", like(q));
            if (any.stream().anyMatch(c -> c.contains(":words"))) {
                params.put("words", q);
            }
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        void bind(Query query) {
            params.forEach(query::setParameter);
        }

        private static String like(String value) {
            String v = value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return "%" + v + "%";
        }
    }
}
