package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a series view reads, each kind in one query named by the series id alone. Hibernate keeps the
 * translation of a query with single-valued parameters, but translates one with an {@code in :ids}
 * list anew for each call (about a quarter of a series view's CPU): a subquery on the series gives the
 * same rows without it.
 */
@ApplicationScoped
public class SeriesReads {

    private static final String REVISIONS = "(select r.id from RevisionEntity r where r.seriesId = :s)";

    @Inject
    EntityManager em;

    public List<PatchEntity> patches(long seriesId) {
        return em.createQuery("from PatchEntity p where p.revisionId in " + REVISIONS
                + " order by p.revisionId, p.number, p.id", PatchEntity.class).setParameter("s", seriesId).getResultList();
    }

    public List<TrailerEntity> trailers(long seriesId) {
        return em.createQuery("from TrailerEntity t where t.patchId in (select p.id from PatchEntity p where p.revisionId in "
                + REVISIONS + ") order by t.patchId, t.id", TrailerEntity.class).setParameter("s", seriesId).getResultList();
    }

    public List<AppliedNoticeEntity> applied(long seriesId) {
        return em.createQuery("from AppliedNoticeEntity a where a.revisionId in " + REVISIONS
                + " order by a.revisionId, a.id", AppliedNoticeEntity.class).setParameter("s", seriesId).getResultList();
    }

    /** The topics of the series' revisions, by revision id. */
    public Map<Long, List<RevisionTopic>> revisionTopics(long seriesId) {
        Map<Long, List<RevisionTopic>> out = new HashMap<>();
        for (RevisionTopic t : em.createQuery("from RevisionTopic t where t.revisionId in " + REVISIONS
                + " order by t.topic", RevisionTopic.class).setParameter("s", seriesId).getResultList()) {
            out.computeIfAbsent(t.revisionId, k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    public List<SeriesTopic> topics(long seriesId) {
        return em.createQuery("from SeriesTopic t where t.seriesId = :s order by t.topic", SeriesTopic.class)
                .setParameter("s", seriesId).getResultList();
    }

    /**
     * The topics of several series (a page of a list), by series id: one native query, whose
     * {@code IN} list costs no translation.
     */
    public Map<Long, List<SeriesTopic>> topics(Collection<Long> seriesIds) {
        Map<Long, List<SeriesTopic>> out = new HashMap<>();
        Bulk.forChunks(seriesIds.stream().distinct().toList(), chunk -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT series_id, topic, reason, detail FROM series_topic"
                            + " WHERE series_id IN (:ids) ORDER BY topic").unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameterList("ids", chunk).addScalar("series_id", Long.class).addScalar("topic", String.class)
                    .addScalar("reason", String.class).addScalar("detail", String.class).getResultList();
            for (Object[] r : rows) {
                SeriesTopic t = new SeriesTopic();
                t.seriesId = (Long) r[0];
                t.topic = (String) r[1];
                t.reason = (String) r[2];
                t.detail = (String) r[3];
                out.computeIfAbsent(t.seriesId, k -> new ArrayList<>()).add(t);
            }
        });
        return out;
    }
}
