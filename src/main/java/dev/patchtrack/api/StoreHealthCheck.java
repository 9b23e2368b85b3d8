package dev.patchtrack.api;

import dev.patchtrack.store.StoreFailure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: DOWN once the embedded database was found closed under the service (H2 closes its store
 * for good after a failed write), since only a new process opens it again. A database that cannot be
 * reached is not this check's business (readiness says so; restarting would not bring it back).
 */
@Liveness
@ApplicationScoped
public class StoreHealthCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        String closed = StoreFailure.closedBecause();
        if (closed == null) {
            return HealthCheckResponse.named("database store").up().build();
        }
        return HealthCheckResponse.named("database store").down()
                .withData("error", "the embedded database was closed under the service; start it again: " + closed).build();
    }
}
