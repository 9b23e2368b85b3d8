package dev.patchtrack.ingest.lwn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Following LWN as the API sees it: how the last poll of this instance went (kept in memory by the
 * {@link LwnPoller}; nothing is read from the database here).
 */
@ApplicationScoped
public class LwnService {

    @Inject
    LwnPoller poller;

    /** The last poll's summary, or null before the first. */
    public LwnPoller.Summary lastPoll() {
        return poller.last();
    }
}
