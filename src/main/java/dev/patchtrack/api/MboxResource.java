package dev.patchtrack.api;

import dev.patchtrack.service.Reads;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.RevisionEntity;
import dev.patchtrack.store.SeriesEntity;
import dev.patchtrack.store.SeriesLookups;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A revision as an mbox for {@code git am}, like {@code b4 am}: the patches in order, without the cover
 * letter, as {@link Mboxes} writes them.
 */
@Path("/api/series/{id}/mbox")
public class MboxResource {

    public static final String MBOX = Mboxes.MBOX;

    @Inject
    Reads reads;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    Mboxes mboxes;

    @GET
    @Operation(summary = "The patches of a revision (the latest, or ?version=N) as an mbox ready for git am, "
            + "with the trailers collected from replies, each named in an X-Patchtrack-Added header")
    public Response get(@Parameter(description = "the series id", example = "42") @PathParam("id") String id,
                        @Parameter(description = "the version to export; default: the latest") @QueryParam("version") String version,
                        @Parameter(description = "false: no Link: trailer") @QueryParam("link") String link,
                        @Parameter(description = Mboxes.BASE_PARAMETER) @QueryParam("base") String base) {
        return reads.call(() -> {
            long sid = Ids.parse("id", id);
            SeriesEntity s = seriesLookups.findSeries(sid).orElseThrow(() -> ApiProblem.notFound("no series " + sid));
            List<RevisionEntity> revisions = seriesLookups.revisionsOf(sid);
            RevisionEntity r = pick(revisions, version);
            boolean withLink = !"false".equalsIgnoreCase(link == null ? "" : link.strip());
            boolean withBase = Boolean.TRUE.equals(Filters.bool("base", base));
            List<PatchEntity> patches = seriesLookups.patchesOf(List.of(r.id)).stream().filter(p -> p.number > 0).toList();
            Set<Integer> missing = new TreeSet<>();
            for (int n = 1; n <= r.total; n++) {
                missing.add(n);
            }
            patches.forEach(p -> missing.remove(p.number));
            if (patches.isEmpty() || !missing.isEmpty()) {
                throw new ApiProblem(409, "Incomplete revision", "v" + r.version + " of series " + s.id + " lacks patch"
                        + (missing.size() == 1 ? " " : "es ") + missing.stream().map(n -> n + "/" + r.total)
                        .collect(Collectors.joining(", ")) + "; git am needs them all", "version");
            }
            return Mboxes.response(mboxes.forGitAm(patches, withLink, withBase), "series-" + s.id + "-v" + r.version + ".mbox");
        });
    }

    /** The latest revision, or the latest one with the version asked for. */
    private static RevisionEntity pick(List<RevisionEntity> revisions, String version) {
        if (revisions.isEmpty()) {
            throw ApiProblem.notFound("the series has no revision");
        }
        if (version == null || version.isBlank()) {
            return revisions.get(revisions.size() - 1);
        }
        int v = Params.positiveInt("version", version, 1, 10_000);
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (revisions.get(i).version == v) {
                return revisions.get(i);
            }
        }
        throw ApiProblem.notFound("no v" + v + " in this series; it has " + revisions.stream()
                .map(r -> "v" + r.version).distinct().collect(Collectors.joining(", ")));
    }
}
