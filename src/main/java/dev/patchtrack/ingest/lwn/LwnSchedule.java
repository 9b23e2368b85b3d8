package dev.patchtrack.ingest.lwn;

import dev.patchtrack.config.LwnConfig;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import dev.patchtrack.store.DatabaseDown;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Triggers the LWN poll every {@code patchtrack.lwn.schedule} while {@code patchtrack.lwn.enabled};
 * with several instances, on one of them at a time. Nothing else.
 */
@ApplicationScoped
public class LwnSchedule {

    private static final Logger LOG = Logger.getLogger(LwnSchedule.class);

    @Inject
    LwnConfig config;

    @Inject
    LwnPoller poller;

    @Scheduled(identity = "lwn-poll", every = "${patchtrack.lwn.schedule:30m}", delayed = "${patchtrack.lwn.first-delay:1m}")
    @Nonconcurrent
    void tick() {
        if (!config.enabled()) {
            return;
        }
        try {
            poller.runOnce();
        } catch (RuntimeException e) {
            if (!DatabaseDown.is(e)) {
                throw e;
            }
            LOG.warnf("LWN poll: database unavailable, tick skipped (%s)", e.toString());
        }
    }
}
