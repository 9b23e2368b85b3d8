package dev.patchtrack.ingest;

import dev.patchtrack.store.CheckRepository;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.RevisionEntity;
import dev.patchtrack.store.SeriesLookups;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Recording a CI check on a patch: the check and its event in a transaction of their own, then the
 * patch's series derived again, so that a failing check reaches its revision's reason. The fields are
 * validated by the caller.
 */
@ApplicationScoped
public class CheckService {

    @Inject
    CheckRepository checks;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    SeriesRebuilder rebuilder;

    /** Records the check; returns its id. An unknown patch is {@link NotFound}. */
    public long add(long patchId, String state, String context, String targetUrl, String description, String by) {
        long[] added = new long[1];
        long sid = QuarkusTransaction.requiringNew().call(() -> {
            PatchEntity p = seriesLookups.findPatch(patchId).orElseThrow(() -> new NotFound("no patch " + patchId));
            Long seriesId = seriesLookups.findRevision(p.revisionId).map((RevisionEntity r) -> r.seriesId).orElse(null);
            added[0] = checks.add(p, seriesId, state, context, targetUrl, description, by).id;
            return seriesId == null ? -1L : seriesId;
        });
        if (sid >= 0) {
            rebuilder.rebuildSeries(sid);
        }
        return added[0];
    }
}
