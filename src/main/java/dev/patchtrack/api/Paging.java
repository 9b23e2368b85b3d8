package dev.patchtrack.api;

import dev.patchtrack.api.dto.PageInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.store.SeriesLookups;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** page/per_page parsing and the Link and X-Total-Count headers. */
public record Paging(int page, int perPage) {

    public static Paging of(String page, String perPage, PatchtrackConfig.Api limits) {
        int p = Params.positiveInt("page", page, 1, Integer.MAX_VALUE / 1000);
        int pp = Params.positiveInt("per_page", perPage, limits.defaultPerPage(), limits.maxPerPage());
        return new Paging(p, pp);
    }

    public int lastPage(long total) {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }

    /** This page of what a search found, its items mapped to records (inside the read that found them). */
    public <E, T> PageInfo<T> page(SeriesLookups.Page<E> found, Function<List<E>, List<T>> map) {
        return new PageInfo<>(found.total(), page, perPage, map.apply(found.items()));
    }

    /** A 200 with a page of items, with the Link and X-Total-Count headers: how the lists answer. */
    public static <T> Response response(PageInfo<T> found, UriInfo uri) {
        return new Paging(found.page(), found.perPage()).response(found.items(), found.total(), uri);
    }

    /** A 200 with one page of items in a {@link PageInfo}, with the Link and X-Total-Count headers. */
    public <T> Response response(List<T> items, long total, UriInfo uri) {
        return headers(Response.ok(new PageInfo<>(total, page, perPage, items)), uri, total).build();
    }

    /** Adds Link (first, prev, next, last) and X-Total-Count to a response. */
    public Response.ResponseBuilder headers(Response.ResponseBuilder rb, UriInfo uri, long total) {
        int last = lastPage(total);
        List<String> links = new ArrayList<>();
        links.add(link(uri, 1, "first"));
        if (page > 1) {
            links.add(link(uri, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(uri, page + 1, "next"));
        }
        links.add(link(uri, last, "last"));
        return rb.header("Link", String.join(", ", links)).header("X-Total-Count", total);
    }

    private String link(UriInfo uri, int target, String rel) {
        UriBuilder b = RequestUris.request(uri).replaceQueryParam("page", target).replaceQueryParam("per_page", perPage);
        return "<" + b.build() + ">; rel=\"" + rel + "\"";
    }
}
