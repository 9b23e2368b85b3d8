package dev.patchtrack.ingest;

import dev.patchtrack.core.model.OverrideTarget;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.RevisionEntity;
import dev.patchtrack.store.OverrideRepository;
import dev.patchtrack.store.SeriesLookups;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A maintainer's state overrides of a series or a patch: they beat derivation until cleared, and both
 * setting and clearing are events. Each call records the override in a transaction of its own, then
 * derives the series again (in the rebuilder's transactions), and returns the series' id. An unknown
 * target, or clearing where there is no override, is {@link NotFound}. States are parsed before they come here.
 */
@ApplicationScoped
public class OverrideService {

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    OverrideRepository overrides;

    @Inject
    SeriesRebuilder rebuilder;

    public long setSeries(long sid, ReviewState state, String by, String note) {
        QuarkusTransaction.requiringNew().run(() -> {
            requireSeries(sid);
            overrides.setOverride(OverrideTarget.SERIES, sid, sid, state, by, note);
        });
        rebuilder.rebuildSeries(sid);
        return sid;
    }

    public long clearSeries(long sid, String by) {
        boolean had = QuarkusTransaction.requiringNew().call(() -> {
            requireSeries(sid);
            return overrides.clearOverride(OverrideTarget.SERIES, sid, sid, by, true);
        });
        if (!had) {
            throw new NotFound("series " + sid + " has no override");
        }
        rebuilder.rebuildSeries(sid);
        return sid;
    }

    public long setPatch(long pid, ReviewState state, String by, String note) {
        long sid = QuarkusTransaction.requiringNew().call(() -> {
            long s = seriesOfPatch(pid);
            overrides.setOverride(OverrideTarget.PATCH, pid, s, state, by, note);
            return s;
        });
        rebuilder.rebuildSeries(sid);
        return sid;
    }

    public long clearPatch(long pid, String by) {
        long[] sid = new long[1];
        boolean had = QuarkusTransaction.requiringNew().call(() -> {
            sid[0] = seriesOfPatch(pid);
            return overrides.clearOverride(OverrideTarget.PATCH, pid, sid[0], by, true);
        });
        if (!had) {
            throw new NotFound("patch " + pid + " has no override");
        }
        rebuilder.rebuildSeries(sid[0]);
        return sid[0];
    }

    private void requireSeries(long sid) {
        seriesLookups.findSeries(sid).orElseThrow(() -> new NotFound("no series " + sid));
    }

    private long seriesOfPatch(long pid) {
        PatchEntity p = seriesLookups.findPatch(pid).orElseThrow(() -> new NotFound("no patch " + pid));
        return seriesLookups.findRevision(p.revisionId).map((RevisionEntity r) -> r.seriesId)
                .orElseThrow(() -> new NotFound("no patch " + pid));
    }
}
