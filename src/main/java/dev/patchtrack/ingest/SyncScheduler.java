package dev.patchtrack.ingest;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import dev.patchtrack.store.DatabaseDown;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The trigger, nothing more. Quartz runs clustered on the database: each tick fires on one
 * instance, and {@code @Nonconcurrent} keeps a tick from starting anywhere while another still runs,
 * so a list is synced by one instance at a time; when one dies, the others carry on.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    @Inject
    SyncService sync;

    @Scheduled(identity = "lore-sync", every = "${patchtrack.sync.tick:30s}", delayed = "${patchtrack.sync.first-delay:5s}")
    @Nonconcurrent
    void tick() {
        try {
            sync.runOnce();
        } catch (RuntimeException e) {
            if (!DatabaseDown.is(e)) {
                throw e;
            }
            // the next tick tries again; what was committed stays, the cursor says where to go on
            LOG.warnf("lore sync: database unavailable, tick skipped (%s)", e.toString());
        }
    }
}
