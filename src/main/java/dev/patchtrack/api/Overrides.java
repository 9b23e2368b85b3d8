package dev.patchtrack.api;

import dev.patchtrack.api.dto.OverrideInput;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.ingest.SeriesRebuilder;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.RevisionEntity;
import dev.patchtrack.store.SeriesRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * A maintainer's state overrides, for the series and patch resources: they beat derivation until
 * cleared, and both setting and clearing are events. The answer is the series as it now stands.
 */
@ApplicationScoped
public class Overrides {

    @Inject
    SeriesRepository series;

    @Inject
    SeriesRebuilder rebuilder;

    @Inject
    SeriesResource seriesResource;

    public Response setSeries(String id, OverrideInput in) {
        long sid = Ids.parse("id", id);
        String state = validState(in);
        QuarkusTransaction.requiringNew().run(() -> {
            series.findSeries(sid).orElseThrow(() -> ApiProblem.notFound("no series " + sid));
            series.setOverride("series", sid, sid, state, in.by(), in.note());
        });
        rebuilder.rebuildSeries(sid);
        return Response.ok(seriesResource.get(String.valueOf(sid))).build();
    }

    public Response clearSeries(String id, String by) {
        long sid = Ids.parse("id", id);
        boolean had = QuarkusTransaction.requiringNew().call(() -> {
            series.findSeries(sid).orElseThrow(() -> ApiProblem.notFound("no series " + sid));
            return series.clearOverride("series", sid, sid, who(by), true);
        });
        if (!had) {
            throw ApiProblem.notFound("series " + sid + " has no override");
        }
        rebuilder.rebuildSeries(sid);
        return Response.ok(seriesResource.get(String.valueOf(sid))).build();
    }

    public Response setPatch(String id, OverrideInput in) {
        long pid = Ids.parse("id", id);
        long sid = overridePatch(pid, validState(in), in.by(), in.note());
        return Response.ok(seriesResource.get(String.valueOf(sid))).build();
    }

    /**
     * Sets a patch's state (a valid wire name) as {@code by} says, with the event, and re-derives its
     * series; returns the series id. 404 for an unknown patch.
     */
    public long overridePatch(long pid, String state, String by, String note) {
        long sid = QuarkusTransaction.requiringNew().call(() -> {
            long s = seriesOfPatch(pid);
            series.setOverride("patch", pid, s, state, by, note);
            return s;
        });
        rebuilder.rebuildSeries(sid);
        return sid;
    }

    public Response clearPatch(String id, String by) {
        long pid = Ids.parse("id", id);
        long[] sid = new long[1];
        boolean had = QuarkusTransaction.requiringNew().call(() -> {
            sid[0] = seriesOfPatch(pid);
            return series.clearOverride("patch", pid, sid[0], who(by), true);
        });
        if (!had) {
            throw ApiProblem.notFound("patch " + pid + " has no override");
        }
        rebuilder.rebuildSeries(sid[0]);
        return Response.ok(seriesResource.get(String.valueOf(sid[0]))).build();
    }

    private long seriesOfPatch(long pid) {
        PatchEntity p = series.findPatch(pid).orElseThrow(() -> ApiProblem.notFound("no patch " + pid));
        return series.findRevision(p.revisionId).map((RevisionEntity r) -> r.seriesId)
                .orElseThrow(() -> ApiProblem.notFound("no patch " + pid));
    }

    private static String validState(OverrideInput in) {
        if (in == null || in.state() == null || in.state().isBlank()) {
            throw ApiProblem.badParameter("state", "the body must name a state: {\"state\": \"accepted\", \"by\": \"...\"}");
        }
        if (in.by() == null || in.by().isBlank()) {
            throw ApiProblem.badParameter("by", "say who sets the state: {\"by\": \"Your Name\"}");
        }
        try {
            return ReviewState.fromWire(in.state()).wireName();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("state", "unknown state '" + Params.clip(in.state()) + "'");
        }
    }

    private static String who(String by) {
        return by == null || by.isBlank() ? "a token holder" : by.strip();
    }
}
