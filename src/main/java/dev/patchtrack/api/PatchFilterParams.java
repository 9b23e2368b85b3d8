package dev.patchtrack.api;

import dev.patchtrack.core.query.SearchQuery;
import dev.patchtrack.store.ItemSearch;
import dev.patchtrack.store.SeriesLookups;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The patch listing's filters: those of every listing, and the three that find patches as Patchwork's
 * {@code ?msgid=} and {@code ?hash=} do, and by series. A value that cannot be one (a Message-ID with
 * spaces, a hash that is not 40 hex digits, a series that does not exist) is a 400 naming it: a typo is
 * an error, not an empty list.
 */
public class PatchFilterParams extends FilterParams {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}");

    @QueryParam("msgid")
    @Parameter(description = "the patch's Message-ID, with or without <>", example = "20250406-try_with-v3-1-c0947842e768@nvidia.com")
    public String msgid;

    @QueryParam("hash")
    @Parameter(description = "the stable patch-id of the patch's diff (git patch-id --stable), as the patches' hash gives it",
            example = "0c6bd3d1f6cbb0e8c0b2b1e8b0cf4b3c2d3e4f50")
    public String hash;

    @QueryParam("series")
    @Parameter(description = "the series id: the patches of all its revisions", example = "42")
    public String series;

    /** The filters, validated: a bad value is a 400 naming its parameter. */
    public ItemSearch.Filter filter(KnownValues known, SeriesLookups repository) {
        ItemSearch.Filter f = filter(known);
        List<SearchQuery.Node> all = new ArrayList<>();
        if (f.q() != null) {
            all.add(f.q());
        }
        if (msgid != null && !msgid.isBlank()) {
            String mid = Params.messageId(msgid);
            if (mid.isEmpty() || mid.codePoints().anyMatch(Character::isWhitespace)) {
                throw ApiProblem.badParameter("msgid", "not a Message-ID: '" + Params.clip(msgid) + "'");
            }
            all.add(new SearchQuery.Term(SearchQuery.Field.MESSAGE_ID, mid));
        }
        if (hash != null && !hash.isBlank()) {
            String h = hash.strip().toLowerCase(Locale.ROOT);
            if (!HASH.matcher(h).matches()) {
                throw ApiProblem.badParameter("hash", "a hash is 40 hex digits, not '" + Params.clip(hash) + "'");
            }
            all.add(new SearchQuery.Term(SearchQuery.Field.PATCH_ID, h));
        }
        List<Long> revisions = f.revisions();
        if (series != null && !series.isBlank()) {
            long sid = Ids.parse("series", series);
            if (repository.findSeries(sid).isEmpty()) {
                throw ApiProblem.badParameter("series", "no series " + sid);
            }
            revisions = repository.revisionsOf(sid).stream().map(r -> r.id).toList();
            if (revisions.isEmpty()) {
                revisions = List.of(-1L); // none: an empty list would not filter
            }
        }
        SearchQuery.Node q = all.isEmpty() ? null : all.size() == 1 ? all.get(0) : new SearchQuery.And(all);
        return new ItemSearch.Filter(f.lists(), f.topics(), f.states(), f.authors(), f.since(), f.before(),
                f.versions(), f.rfc(), q, revisions, f.people());
    }
}
