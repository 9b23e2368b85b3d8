package dev.patchtrack.api;

import dev.patchtrack.ingest.SourceService;
import dev.patchtrack.ingest.lore.SourceHealth;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.SourceEntity;
import dev.patchtrack.store.SourceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while any enabled source has not synced for longer than its stale-after limit, or has
 * run and never succeeded.
 */
@Readiness
@ApplicationScoped
public class SourcesHealthCheck implements HealthCheck {

    @Inject
    SourceRepository sources;

    @Inject
    Reads reads;

    @Override
    public HealthCheckResponse call() {
        Instant now = Instant.now();
        List<SourceEntity> all;
        try {
            all = reads.call(sources::all);
        } catch (RuntimeException e) {
            dev.patchtrack.store.StoreFailure.note(e);
            return HealthCheckResponse.named("lore sources").down().withData("error", "sources unreadable: " + e).build();
        }
        HealthCheckResponseBuilder b = HealthCheckResponse.named("lore sources").up();
        for (SourceEntity s : all) {
            if (!s.enabled) {
                continue;
            }
            SourceHealth health = SourceService.health(s, now);
            b.withData(s.name, health.word().equals("ok") ? "ok" : health.detail());
            if (health.down()) {
                b.down();
            }
        }
        return b.build();
    }
}
