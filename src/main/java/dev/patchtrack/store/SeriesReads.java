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

    @Inject
    Jdbc jdbc;

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
     * The topics of several series (a page of a list), by series id: plain SQL, whose {@code IN} list
     * costs no translation. Each row is a {@link SeriesTopic} made for the reading, not managed.
     */
    public Map<Long, List<SeriesTopic>> topics(Collection<Long> seriesIds) {
        Map<Long, List<SeriesTopic>> out = new HashMap<>();
        for (SeriesTopic t : jdbc.listIn("SELECT series_id, topic, reason, detail FROM series_topic"
                + " WHERE series_id IN ({in}) ORDER BY topic", seriesIds.stream().distinct().toList(), rs -> {
                    SeriesTopic row = new SeriesTopic();
                    row.seriesId = rs.getLong("series_id");
                    row.topic = rs.getString("topic");
                    row.reason = rs.getString("reason");
                    row.detail = rs.getString("detail");
                    return row;
                })) {
            out.computeIfAbsent(t.seriesId, k -> new ArrayList<>()).add(t);
        }
        return out;
    }
}
