package dev.patchtrack.web;

import jakarta.ws.rs.core.UriBuilder;

/**
 * Where the previous and next pages of a listing are, as the API's Link header gives them: the same
 * query with {@code page} replaced. Null where there is none.
 */
public record PageLinks(String prev, String next, int last) {

    static PageLinks of(UriBuilder base, int page, int perPage, long total) {
        int last = (int) Math.max(1, (total + perPage - 1) / perPage);
        String prev = page > 1 ? at(base, Math.min(page - 1, last)) : null;
        String next = page < last ? at(base, page + 1) : null;
        return new PageLinks(prev, next, last);
    }

    private static String at(UriBuilder base, int page) {
        return base.clone().replaceQueryParam("page", page).build().toString();
    }
}
