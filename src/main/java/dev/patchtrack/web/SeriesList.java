package dev.patchtrack.web;

import dev.patchtrack.api.FilterParams;
import dev.patchtrack.api.dto.PageInfo;
import dev.patchtrack.api.dto.SeriesSummaryInfo;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * The series page's model: one page of the listing, the filters as the form shows them, the query
 * that reproduces them (for the feeds and the paging links).
 *
 * @param query the filters as a query string ({@code topic=rust-nvme&state=new}), empty when none;
 *              {@code /api/series?} and {@code /feeds/series.atom?} take it as it is
 */
public record SeriesList(PageInfo<SeriesSummaryInfo> page, String topic, String state, String list, String author,
                         String q, String since, String query, PageLinks links) {

    static SeriesList of(FilterParams p, PageInfo<SeriesSummaryInfo> page) {
        UriBuilder filters = UriBuilder.fromPath("");
        add(filters, "topic", p.topic);
        add(filters, "state", p.state);
        add(filters, "list", p.list);
        add(filters, "author", p.author);
        add(filters, "q", p.q);
        add(filters, "since", p.since);
        add(filters, "before", p.before);
        add(filters, "version", p.version);
        add(filters, "rfc", p.rfc);
        add(filters, "order", p.order);
        String query = filters.build().getRawQuery();
        UriBuilder self = filters.clone().replacePath("/");
        if (p.perPage != null && !p.perPage.isBlank()) {
            self.queryParam("per_page", p.perPage.strip());
        }
        return new SeriesList(page, joined(p.topic), joined(p.state), joined(p.list), joined(p.author), blank(p.q),
                blank(p.since), query == null ? "" : query,
                PageLinks.of(self, page.page(), page.perPage(), page.total()));
    }

    private static void add(UriBuilder b, String name, List<String> values) {
        add(b, name, joined(values));
    }

    private static void add(UriBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, "{" + name + "}");
            b.resolveTemplate(name, value.strip());
        }
    }

    private static String joined(List<String> values) {
        return values == null ? "" : String.join(",", values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList());
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
