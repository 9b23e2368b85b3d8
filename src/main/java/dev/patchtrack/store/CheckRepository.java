package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks on patches: added by CI systems, each with its event; read per patch. */
@ApplicationScoped
public class CheckRepository {

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    /** Records a check on a patch with its {@code check-created} event, in the caller's transaction. */
    public CheckEntity add(PatchEntity patch, Long seriesId, String state, String context, String targetUrl,
                           String description, String by) {
        CheckEntity c = new CheckEntity();
        c.messagePk = patch.messagePk;
        c.state = state;
        c.context = Bulk.clip(context, 255);
        c.targetUrl = targetUrl == null ? null : Bulk.clip(targetUrl, 2000);
        c.description = description == null ? null : Bulk.clip(description, 2000);
        c.createdBy = Bulk.clip(by, 200);
        c.createdAt = Instant.now();
        EventEntity e = EventEntity.of("check-created", seriesId, patch.revisionId, patch.id, null,
                "check " + c.context + ": " + state + " on " + patch.subject);
        em.persist(e);
        c.eventId = e.id;
        em.persist(c);
        dataVersion.bump();
        return c;
    }

    /** The checks of a patch's message, oldest first. */
    public List<CheckEntity> of(long messagePk) {
        return em.createQuery("from CheckEntity c where c.messagePk = :m order by c.id", CheckEntity.class)
                .setParameter("m", messagePk).getResultList();
    }

    public Optional<CheckEntity> find(long id) {
        return Optional.ofNullable(em.find(CheckEntity.class, id));
    }

    /** The checks of each of these messages, oldest first. */
    public Map<Long, List<CheckEntity>> ofMessages(Collection<Long> messagePks) {
        Map<Long, List<CheckEntity>> out = new HashMap<>();
        Bulk.forChunks(List.copyOf(messagePks), chunk -> {
            for (CheckEntity c : em.createQuery("from CheckEntity c where c.messagePk in :m order by c.id", CheckEntity.class)
                    .setParameter("m", chunk).getResultList()) {
                out.computeIfAbsent(c.messagePk, k -> new java.util.ArrayList<>()).add(c);
            }
        });
        return out;
    }

    /** The checks created by these events. */
    public Map<Long, CheckEntity> byEvents(Collection<Long> eventIds) {
        Map<Long, CheckEntity> out = new HashMap<>();
        Bulk.forChunks(List.copyOf(eventIds), chunk -> {
            for (CheckEntity c : em.createQuery("from CheckEntity c where c.eventId in :e", CheckEntity.class)
                    .setParameter("e", chunk).getResultList()) {
                out.put(c.eventId, c);
            }
        });
        return out;
    }
}
