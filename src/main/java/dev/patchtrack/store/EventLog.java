package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Reads the event log per series, for the feed of one series. */
@ApplicationScoped
public class EventLog {

    @Inject
    EntityManager em;

    /** The newest {@code limit} events of a series, newest first. */
    public List<EventEntity> ofSeries(long seriesId, int limit) {
        return em.createQuery("from EventEntity e where e.seriesId = :s order by e.id desc", EventEntity.class)
                .setParameter("s", seriesId).setMaxResults(limit).getResultList();
    }
}
