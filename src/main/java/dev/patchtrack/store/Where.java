package dev.patchtrack.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WHERE clause of a filtered listing and its named parameters, and the page it selects: what the
 * listings of series, patches, revisions, cover letters and people share.
 */
class Where {

    /** What follows a LIKE whose pattern {@link #like} made. */
    static final String ESCAPE = " ESCAPE '\\'";

    final List<String> clauses = new ArrayList<>();
    final Map<String, Object> params = new LinkedHashMap<>();

    /** {@code clause} with {@code :name} bound to the values, unless there are none. */
    Where in(String clause, String name, List<?> values) {
        if (values != null && !values.isEmpty()) {
            clauses.add(clause);
            params.put(name, values);
        }
        return this;
    }

    /** {@code clause} with {@code :name} bound to the value, unless it is null. */
    Where value(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.put(name, value);
        }
        return this;
    }

    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    void bind(Query query) {
        params.forEach(query::setParameter);
    }

    /**
     * One page of {@code SELECT columns FROM from WHERE ... ORDER BY orderBy} as {@code type}, and how
     * many rows match in all.
     */
    <T> SeriesLookups.Page<T> page(EntityManager em, String columns, String from, String orderBy, Class<T> type,
                                      int page, int perPage) {
        String where = sql();
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM " + from + where);
        Query items = em.createNativeQuery("SELECT " + columns + " FROM " + from + where + " ORDER BY " + orderBy, type);
        bind(count);
        bind(items);
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<T> list = items.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
        return new SeriesLookups.Page<>(list, total);
    }

    /** {@code %value%} for LIKE with {@code ESCAPE '\'}, lower-cased, its wildcards taken literally. */
    static String like(String value) {
        String v = value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + v + "%";
    }
}
