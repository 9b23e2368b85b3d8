package dev.patchtrack.ingest.lwn;

import dev.patchtrack.config.LwnConfig;
import dev.patchtrack.store.DatabaseDown;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Triggers the LWN poll every {@code patchtrack.lwn.schedule} while {@code patchtrack.lwn.enabled};
 * with several instances, on one of them at a time. Nothing else.
 */
@ApplicationScoped
public class LwnSchedule {

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
        dev.patchtrack.ingest.Fatal.guard(() -> DatabaseDown.orSkipTick("LWN poll", poller::runOnce));
    }
}
