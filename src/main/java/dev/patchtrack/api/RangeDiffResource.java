package dev.patchtrack.api;

import dev.patchtrack.api.dto.RangeDiffInfo;
import dev.patchtrack.core.patch.RangeDiff;
import dev.patchtrack.ingest.RangeDiffService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What changed between two revisions of a series, paired as {@code git range-diff} pairs them. */
@Path("/api/series/{id}/range-diff")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RangeDiffResource {

    @Inject
    RangeDiffService service;

    @GET
    @Operation(summary = "Two revisions compared as git range-diff compares them (default: the last two): pairs "
            + "marked = unchanged, ! changed (with the interdiff), < dropped, > added; as text it reads like git range-diff")
    public RangeDiffInfo get(@Parameter(description = "the series id", example = "42") @PathParam("id") String id,
                             @Parameter(description = "the older version; default: the revision before `to`", example = "2")
                             @QueryParam("from") String from,
                             @Parameter(description = "the newer version; default: the latest", example = "3")
                             @QueryParam("to") String to,
                             @Parameter(description = "git's --creation-factor: how much of a patch (percent of its size) "
                                     + "may change before it counts as dropped and another added; default 60", example = "80")
                             @QueryParam("creation_factor") String creationFactor) {
        long sid = Ids.parse("id", id);
        Integer f = from == null || from.isBlank() ? null : Params.positiveInt("from", from, 1, 10_000);
        Integer t = to == null || to.isBlank() ? null : Params.positiveInt("to", to, 1, 10_000);
        RangeDiffService.Result r;
        try {
            r = service.compare(sid, f, t, Params.positiveInt("creation_factor", creationFactor, RangeDiff.CREATION_FACTOR, 1000));
        } catch (RangeDiffService.Refused e) {
            throw e.notFound ? new ApiProblem(404, "Not Found", e.getMessage(), e.parameter)
                    : new ApiProblem(409, "Nothing to compare", e.getMessage(), e.parameter);
        }
        List<RangeDiffInfo.Pair> pairs = new ArrayList<>();
        int[] counts = new int[4];
        for (RangeDiff.Pair p : r.pairs()) {
            counts["=!><".indexOf(p.marker())]++;
            pairs.add(new RangeDiffInfo.Pair(p.from(), p.to(), String.valueOf(p.marker()), p.subject(),
                    p.from() == null ? null : r.from().ids().get(p.from() - 1),
                    p.to() == null ? null : r.to().ids().get(p.to() - 1),
                    p.from() == null ? null : r.from().messageIds().get(p.from() - 1),
                    p.to() == null ? null : r.to().messageIds().get(p.to() - 1), p.interdiff()));
        }
        return new RangeDiffInfo(r.series().id, r.series().title, side(r.from()), side(r.to()), counts[0], counts[1],
                counts[2], counts[3], pairs);
    }

    private static RangeDiffInfo.Revision side(RangeDiffService.Side s) {
        return new RangeDiffInfo.Revision(s.revision().version, s.revision().id, s.revision().postedAt, s.messageIds());
    }
}
