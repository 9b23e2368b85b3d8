package dev.patchtrack.api;

import dev.patchtrack.store.ItemSearch;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters, sort order and paging of a series or patch listing, as query parameters. Every
 * listing takes them with {@code @BeanParam}, so they read and validate the same everywhere; several
 * values of one filter are given repeated ({@code ?state=new&state=reviewed}) or comma-separated.
 */
public class FilterParams {

    @QueryParam("topic")
    @Parameter(description = "topics, repeated or comma-separated: any of them matches", example = "rust-nvme,rust-9p")
    public List<String> topic;

    @QueryParam("state")
    @Parameter(description = "review states, repeated or comma-separated: new, under-review, reviewed, changes-requested,"
            + " accepted, superseded, rejected", example = "under-review,reviewed")
    public List<String> state;

    @QueryParam("list")
    @Parameter(description = "list names, repeated or comma-separated", example = "rust-for-linux")
    public List<String> list;

    @QueryParam("author")
    @Parameter(description = "part of the author's name or address, case-insensitive; repeated or comma-separated",
            example = "ojeda")
    public List<String> author;

    @QueryParam("since")
    @Parameter(description = "posted at or after (for series: the last posting); an ISO date or date-time, yesterday,"
            + " 2.weeks.ago or 3d",
            example = "2024-05-01")
    public String since;

    @QueryParam("before")
    @Parameter(description = "posted before (for series: the last posting); an ISO date or date-time, yesterday,"
            + " 2.weeks.ago or 3d",
            example = "2024-06-01T00:00:00Z")
    public String before;

    @QueryParam("version")
    @Parameter(description = "versions, repeated or comma-separated (for series: the latest version)", example = "2,3")
    public List<String> version;

    @QueryParam("rfc")
    @Parameter(description = "true for RFCs only, false for none (for series: the latest revision)", example = "false")
    public String rfc;

    @QueryParam("q")
    @Parameter(description = "lore's search words: s: subject, f: from, b: body, bs: subject or body, dfn: diff file"
            + " name, dfa:/dfb: removed/added diff lines, m: Message-ID, patchid: git patch-id, d: date range"
            + " (d:2024-06-01..last.week), with AND, OR, NOT, -word, parentheses and \"quotes\"; plain words: text in the"
            + " subject or the author's name or"
            + " address, case-insensitive, on PostgreSQL also the words of cover letters and commit messages",
            example = "s:nvme AND dfn:rust/")
    public String q;

    @QueryParam("order")
    @Parameter(description = "sort key, '-' first for descending: updated, created (or date), version, title, state, id;"
            + " series also revisions, patches also number; default -updated", example = "-updated")
    public String order;

    @QueryParam("page")
    @Parameter(description = "1-based page", example = "1")
    public String page;

    @QueryParam("per_page")
    @Parameter(description = "items per page (patchtrack.api.default-per-page, at most patchtrack.api.max-per-page)",
            example = "50")
    public String perPage;

    /** The filters, validated: a bad value is a 400 naming its parameter. */
    public ItemSearch.Filter filter(KnownValues known) {
        return Filters.filter(this, known);
    }

    /** The sort order among {@code keys}, validated. */
    public ItemSearch.Order order(Map<String, String> keys) {
        return Filters.order(order, keys);
    }
}
