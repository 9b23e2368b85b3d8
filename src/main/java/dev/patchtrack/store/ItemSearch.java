package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.patchtrack.core.query.SearchQuery;
import dev.patchtrack.core.review.ReviewState;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place the filters of series and patch listings become SQL, so that every listing (the JSON
 * API, feeds, text) filters the same way. Values within one filter are alternatives (OR); filters
 * combine with AND. {@code q} is lore's search words ({@link SearchQuery}): each prefix compares its
 * field case-insensitively as a part of the text on every database (trigram-indexed on PostgreSQL);
 * plain words match subjects and authors and, on PostgreSQL, also the words of cover letters and
 * commit messages (full-text search). A series has a term when one of its postings has it.
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
     * @param q        the search ({@link SearchQuery}), null for none
     * @param revisions revision ids (patches only)
     * @param people   ids of the author (series: of the series)
     */
    public record Filter(List<String> lists, List<String> topics, List<ReviewState> states, List<String> authors,
                         Instant since, Instant before, List<Integer> versions, Boolean rfc, SearchQuery.Node q,
                         List<Long> revisions, List<Long> people) {

        public static final Filter NONE = new Filter(List.of(), List.of(), List.of(), List.of(), null, null, List.of(),
                null, null, List.of(), List.of());
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
    public SeriesLookups.Page<SeriesEntity> series(Filter f, Order order, int page, int perPage) {
        Filters w = new Filters();
        w.in("s.id IN (SELECT sl.series_id FROM series_list sl JOIN mailing_list l ON l.id = sl.list_id"
                + " WHERE l.name IN (:lists))", "lists", f.lists());
        w.in("s.id IN (SELECT st.series_id FROM series_topic st WHERE st.topic IN (:topics))", "topics", f.topics());
        w.in("s.state IN (:states)", "states", wireNames(f.states()));
        w.authors("s.author_id", f.authors());
        w.in("s.author_id IN (:people)", "people", f.people());
        w.value("s.last_posted_at >= :since", "since", f.since());
        w.value("s.last_posted_at < :before", "before", f.before());
        w.in("s.latest_version IN (:versions)", "versions", f.versions());
        w.value("EXISTS (SELECT 1 FROM revision r WHERE r.series_id = s.id AND r.rfc = :rfc AND r.position ="
                + " (SELECT MAX(r2.position) FROM revision r2 WHERE r2.series_id = s.id))", "rfc", f.rfc());
        if (f.q() != null) {
            w.clauses.add(w.search(f.q(), new SeriesWords()));
        }
        return run("series s", "s", SeriesEntity.class, w, SERIES_ORDER.get(order.key()), order.descending(), "s.id",
                page, perPage);
    }

    /** One page of patches and how many match in all; a patch's topics are its revision's. */
    public SeriesLookups.Page<PatchEntity> patches(Filter f, Order order, int page, int perPage) {
        Filters w = new Filters();
        w.in("p.message_pk IN (SELECT ml.message_pk FROM message_list ml JOIN mailing_list l ON l.id = ml.list_id"
                + " WHERE l.name IN (:lists))", "lists", f.lists());
        w.in("p.revision_id IN (SELECT rt.revision_id FROM revision_topic rt WHERE rt.topic IN (:topics))", "topics",
                f.topics());
        w.in("p.state IN (:states)", "states", wireNames(f.states()));
        w.authors("p.author_id", f.authors());
        w.in("p.author_id IN (:people)", "people", f.people());
        w.in("p.revision_id IN (:revisions)", "revisions", f.revisions());
        w.value("p.posted_at >= :since", "since", f.since());
        w.value("p.posted_at < :before", "before", f.before());
        w.in("p.revision_id IN (SELECT r.id FROM revision r WHERE r.version IN (:versions))", "versions", f.versions());
        w.value("p.revision_id IN (SELECT r.id FROM revision r WHERE r.rfc = :rfc)", "rfc", f.rfc());
        if (f.q() != null) {
            w.clauses.add(w.search(f.q(), new PatchWords()));
        }
        return run("patch p", "p", PatchEntity.class, w, PATCH_ORDER.get(order.key()), order.descending(), "p.id",
                page, perPage);
    }


    /** How a search reads in one listing: the SQL that selects the items whose mail has a term. */
    private interface Words {

        /**
         * @param like  the parameter holding {@code %term%}, lower-cased (for {@code m:} and {@code patchid:}
         *              the value itself)
         * @param words the parameter holding the term for full-text search, null where there is none
         */
        String term(SearchQuery.Field field, String like, String words);

        /** The posting time the bounds of {@code d:} compare. */
        String dateColumn();

        String dated(String bounds);
    }

    private static final String ESC = Where.ESCAPE;

    /** States as the state columns spell them, for an {@code IN} list. */
    private static List<String> wireNames(List<ReviewState> states) {
        return states == null ? List.of() : states.stream().map(ReviewState::wireName).toList();
    }

    /** People whose name or address has the text. */
    private static String people(String like) {
        return "(SELECT pe.id FROM person pe WHERE LOWER(pe.email) LIKE " + like + ESC + " OR LOWER(pe.name) LIKE "
                + like + ESC + ")";
    }

    /** Messages whose search text has it in a column ({@code LOWER(t.body)}, {@code t.files} ...). */
    private static String searchText(String column, String like) {
        return "(SELECT t.message_pk FROM search_text t WHERE " + column + " LIKE " + like + ESC + ")";
    }

    /** Messages whose diff has this stable patch-id. */
    private static String patchId(String value) {
        return "(SELECT t.message_pk FROM search_text t WHERE t.patch_id = " + value + ")";
    }

    private static String searchColumn(SearchQuery.Field field) {
        return switch (field) {
            case DIFF_FILE -> "t.files";
            case DIFF_REMOVED -> "t.removed";
            case DIFF_ADDED -> "t.added";
            default -> "LOWER(t.body)";
        };
    }

    private static String fullText(String words) {
        return "(SELECT t.message_pk FROM search_text t WHERE to_tsvector('english', t.body) @@ plainto_tsquery('english', "
                + words + "))";
    }

    /** A series has a term when one of its postings (cover letters and patches) has it. */
    private static final class SeriesWords implements Words {

        @Override
        public String term(SearchQuery.Field field, String like, String words) {
            return switch (field) {
                case TEXT -> {
                    List<String> any = new ArrayList<>(List.of(subject(like),
                            "s.id IN (SELECT x.id FROM series x WHERE x.author_id IN " + people(like) + ")"));
                    if (words != null) {
                        any.add(messages(fullText(words)));
                    }
                    yield String.join(" OR ", any);
                }
                case SUBJECT -> subject(like);
                case FROM -> "s.id IN (SELECT x.id FROM series x WHERE x.author_id IN " + people(like) + ")"
                        + " OR s.id IN (SELECT r.series_id FROM revision r JOIN patch pa ON pa.revision_id = r.id"
                        + " WHERE pa.author_id IN " + people(like) + ")";
                case SUBJECT_OR_BODY -> subject(like) + " OR " + messages(searchText("LOWER(t.body)", like));
                case MESSAGE_ID -> messages("(SELECT m.id FROM message m WHERE m.message_id = " + like + ")");
                case PATCH_ID -> messages(patchId(like));
                default -> messages(searchText(searchColumn(field), like));
            };
        }

        private static String subject(String like) {
            return "LOWER(s.title) LIKE " + like + ESC
                    + " OR s.id IN (SELECT r.series_id FROM revision r WHERE LOWER(r.title) LIKE " + like + ESC + ")"
                    + " OR s.id IN (SELECT r.series_id FROM revision r JOIN patch pa ON pa.revision_id = r.id"
                    + " WHERE LOWER(pa.subject) LIKE " + like + ESC + ")";
        }

        /** Series with a cover letter or a patch among {@code messagePks}. */
        private static String messages(String messagePks) {
            return "s.id IN (SELECT r.series_id FROM revision r WHERE r.cover_message_pk IN " + messagePks + ")"
                    + " OR s.id IN (SELECT r.series_id FROM revision r JOIN patch pa ON pa.revision_id = r.id"
                    + " WHERE pa.message_pk IN " + messagePks + ")";
        }

        @Override
        public String dateColumn() {
            return "r.posted_at";
        }

        @Override
        public String dated(String bounds) {
            return "s.id IN (SELECT r.series_id FROM revision r WHERE " + bounds + ")";
        }
    }

    /** A patch has a term when its own mail has it. */
    private static final class PatchWords implements Words {

        @Override
        public String term(SearchQuery.Field field, String like, String words) {
            String subject = "LOWER(p.subject) LIKE " + like + ESC;
            String from = "p.author_id IS NOT NULL AND p.author_id IN " + people(like);
            return switch (field) {
                case TEXT -> subject + " OR (" + from + ")" + (words == null ? "" : " OR p.message_pk IN " + fullText(words));
                case SUBJECT -> subject;
                case FROM -> from;
                case SUBJECT_OR_BODY -> subject + " OR p.message_pk IN " + searchText("LOWER(t.body)", like);
                case MESSAGE_ID -> "p.message_pk IN (SELECT m.id FROM message m WHERE m.message_id = " + like + ")";
                case PATCH_ID -> "p.message_pk IN " + patchId(like);
                default -> "p.message_pk IN " + searchText(searchColumn(field), like);
            };
        }

        @Override
        public String dateColumn() {
            return "p.posted_at";
        }

        @Override
        public String dated(String bounds) {
            return "p.posted_at IS NOT NULL AND " + bounds;
        }
    }

    private boolean postgres() {
        return dbKind != null && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    private <T> SeriesLookups.Page<T> run(String table, String alias, Class<T> type, Filters w, String orderBy,
                                             boolean desc, String tieBreak, int page, int perPage) {
        String dir = desc ? " DESC NULLS LAST" : " ASC NULLS LAST";
        return w.page(em, alias + ".*", table, orderBy + dir + ", " + tieBreak + (desc ? " DESC" : " ASC"), type, page,
                perPage);
    }

    /** The filters of a listing, and the search words among them. */
    private final class Filters extends Where {
        private final boolean postgres = postgres();
        private int terms;

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

        /** The SQL of a search, each term with a parameter of its own. */
        String search(SearchQuery.Node n, Words words) {
            if (n instanceof SearchQuery.Term t) {
                String name = "q" + terms++;
                if (t.field() == SearchQuery.Field.MESSAGE_ID || t.field() == SearchQuery.Field.PATCH_ID) {
                    params.put(name, t.text());
                } else {
                    params.put(name, like(t.text()));
                }
                String fullText = null;
                if (t.field() == SearchQuery.Field.TEXT && postgres) {
                    fullText = "w" + name;
                    params.put(fullText, t.text());
                }
                return "(" + words.term(t.field(), ":" + name, fullText == null ? null : ":" + fullText) + ")";
            }
            if (n instanceof SearchQuery.Dates d) {
                List<String> bounds = new ArrayList<>();
                if (d.from() != null) {
                    String name = "q" + terms++;
                    params.put(name, d.from());
                    bounds.add(words.dateColumn() + " >= :" + name);
                }
                if (d.to() != null) {
                    String name = "q" + terms++;
                    params.put(name, d.to());
                    bounds.add(words.dateColumn() + " < :" + name);
                }
                return "(" + words.dated(String.join(" AND ", bounds)) + ")";
            }
            if (n instanceof SearchQuery.And a) {
                return "(" + String.join(" AND ", a.all().stream().map(x -> search(x, words)).toList()) + ")";
            }
            if (n instanceof SearchQuery.Or o) {
                return "(" + String.join(" OR ", o.any().stream().map(x -> search(x, words)).toList()) + ")";
            }
            return "(NOT " + search(((SearchQuery.Not) n).node(), words) + ")";
        }
    }
}
