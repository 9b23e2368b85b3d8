package dev.patchtrack.ingest;

import dev.patchtrack.ingest.tree.TreeService;
import dev.patchtrack.store.DatabaseDown;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The trigger, nothing more. Quartz runs clustered on the database: each tick fires on one
 * instance, and {@code @Nonconcurrent} keeps a tick from starting anywhere while another still runs,
 * so a list is synced by one instance at a time; when one dies, the others carry on.
 */
@ApplicationScoped
public class SyncScheduler {

    @Inject
    SyncService sync;

    @Inject
    TreeService trees;

    @Scheduled(identity = "lore-sync", every = "${patchtrack.sync.tick:30s}", delayed = "${patchtrack.sync.first-delay:5s}")
    @Nonconcurrent
    void tick() {
        // with the database away the tick is skipped; what was committed stays, the cursor says where to go on
        Fatal.guard(() -> DatabaseDown.orSkipTick("lore sync", sync::runOnce));
    }

    /** Tracked git trees whose schedule is due, on a tick of their own so a long scan never holds up mail. */
    @Scheduled(identity = "tree-scan", every = "${patchtrack.sync.tick:30s}", delayed = "${patchtrack.sync.first-delay:5s}")
    @Nonconcurrent
    void treeTick() {
        Fatal.guard(() -> DatabaseDown.orSkipTick("tree scan", trees::runDue));
    }
}
