package dev.patchtrack.store;

import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.core.model.OverrideTarget;
import dev.patchtrack.core.review.ReviewState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maintainers' overrides of review states: set, cleared (each with its event) and those in force. */
@ApplicationScoped
public class OverrideRepository {

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    @Inject
    KeptDocuments documents;

    /** An override in force on a patch, with the primary key of the patch's message. */
    public record PatchOverride(Long messagePk, StateOverride override) {
    }

    /** Patch overrides in force, by the patch's message primary key. */
    public Map<Long, StateOverride> patchOverridesByMessage() {
        Map<Long, StateOverride> out = new HashMap<>();
        for (PatchOverride p : em.createQuery("select new " + PatchOverride.class.getName() + "(p.messagePk, o)"
                + " from StateOverride o, PatchEntity p"
                + " where o.target = :t and o.clearedAt is null and o.targetId = p.id order by o.id", PatchOverride.class)
                .setParameter("t", OverrideTarget.PATCH).getResultList()) {
            out.put(p.messagePk(), p.override());
        }
        return out;
    }

    /** Overrides in force for a kind of target. */
    public List<StateOverride> activeOverrides(OverrideTarget target) {
        return em.createQuery("from StateOverride o where o.target = :t and o.clearedAt is null order by o.id", StateOverride.class)
                .setParameter("t", target).getResultList();
    }

    /**
     * Records a maintainer's override (replacing one in force) and its event; the next rebuild
     * applies it.
     */
    public StateOverride setOverride(OverrideTarget target, long targetId, Long seriesId, ReviewState state, String by,
                                     String note) {
        clearOverride(target, targetId, seriesId, by, false);
        StateOverride o = new StateOverride();
        o.target = target;
        o.targetId = targetId;
        o.state = state;
        o.setBy = clip(by, 200);
        o.note = clip(note, 2000);
        o.setAt = Instant.now();
        em.persist(o);
        em.persist(EventEntity.of(EventKind.OVERRIDE_SET, seriesId, null, target == OverrideTarget.PATCH ? targetId : null,
                null, target.wireName() + " " + targetId + " set to " + state.wireName() + " by " + o.setBy
                        + (note == null || note.isBlank() ? "" : ": " + note)));
        dataVersion.bump();
        if (seriesId != null) {
            documents.forget(java.util.List.of(seriesId));
        }
        return o;
    }

    /** Clears the override in force, if any; true when there was one. */
    public boolean clearOverride(OverrideTarget target, long targetId, Long seriesId, String by, boolean withEvent) {
        List<StateOverride> active = em.createQuery("from StateOverride o where o.target = :t and o.targetId = :id"
                        + " and o.clearedAt is null", StateOverride.class)
                .setParameter("t", target).setParameter("id", targetId).getResultList();
        for (StateOverride o : active) {
            o.clearedAt = Instant.now();
            o.clearedBy = clip(by, 200);
        }
        if (withEvent && !active.isEmpty()) {
            em.persist(EventEntity.of(EventKind.OVERRIDE_CLEARED, seriesId, null,
                    target == OverrideTarget.PATCH ? targetId : null, null,
                    target.wireName() + " " + targetId + ": override cleared by " + clip(by, 200)));
        }
        if (!active.isEmpty()) {
            dataVersion.bump();
            if (seriesId != null) {
                documents.forget(java.util.List.of(seriesId));
            }
        }
        return !active.isEmpty();
    }

    private static String clip(String s, int max) {
        return Bulk.clip(s, max);
    }
}
