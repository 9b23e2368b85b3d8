package dev.patchtrack.store;

import dev.patchtrack.core.review.ReviewState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lookups on the derived side of the store, through Hibernate: series, revisions, patches, trailers
 * and applied notices by id, and what a derivation needs to know about them (which stored series some
 * messages touch, which lists hold a message). {@link SeriesWriter} writes them; a series view's
 * own reads are {@link SeriesReads}'.
 */
@ApplicationScoped
public class SeriesLookups {

    @Inject
    EntityManager em;

    @Inject
    SeriesReads reads;

    /** One page of items (series, patches, articles) and the total number that match. */
    public record Page<T>(List<T> items, long total) {
    }

    /** How many series of a topic are in a review state. */
    public record TopicStateCount(String topic, ReviewState state, Long count) {
    }

    /** For each topic, how many series are in each state. */
    public Map<String, Map<String, Long>> topicStateCounts() {
        Map<String, Map<String, Long>> out = new java.util.TreeMap<>();
        for (TopicStateCount c : em.createQuery("select new " + TopicStateCount.class.getName()
                + "(st.topic, s.review.state, count(s)) from SeriesTopic st, SeriesEntity s"
                + " where st.seriesId = s.id group by st.topic, s.review.state", TopicStateCount.class).getResultList()) {
            out.computeIfAbsent(c.topic(), k -> new java.util.TreeMap<>()).put(c.state().wireName(), c.count());
        }
        return out;
    }

    public Optional<SeriesEntity> findSeries(long id) {
        return Optional.ofNullable(em.find(SeriesEntity.class, id));
    }

    /** A series' title alone, null when there is no such series. */
    public String titleOf(long seriesId) {
        return em.createQuery("select s.title from SeriesEntity s where s.id = :id", String.class)
                .setParameter("id", seriesId).getResultStream().findFirst().orElse(null);
    }

    public Optional<RevisionEntity> findRevision(long id) {
        return Optional.ofNullable(em.find(RevisionEntity.class, id));
    }

    public Optional<PatchEntity> findPatch(long id) {
        return Optional.ofNullable(em.find(PatchEntity.class, id));
    }

    public List<RevisionEntity> revisionsByIds(Collection<Long> ids) {
        return inScope("from RevisionEntity e", "e.id", ids, RevisionEntity.class);
    }

    public List<RevisionEntity> revisionsOf(long seriesId) {
        return em.createQuery("from RevisionEntity r where r.seriesId = :s order by r.position", RevisionEntity.class)
                .setParameter("s", seriesId).getResultList();
    }

    /** The revisions of those series, each series' in order. */
    public List<RevisionEntity> revisionsOfSeries(Collection<Long> seriesIds) {
        return inScope("from RevisionEntity e", "e.seriesId", seriesIds, RevisionEntity.class).stream()
                .sorted(Comparator.comparing((RevisionEntity r) -> r.seriesId).thenComparingInt(r -> r.position))
                .toList();
    }

    /** What changed in each of those revisions from the one before, as kept, by revision id. */
    public Map<Long, RevisionChangesEntity> changesOf(Collection<Long> revisionIds) {
        Map<Long, RevisionChangesEntity> out = new HashMap<>();
        inScope("from RevisionChangesEntity e", "e.revisionId", revisionIds, RevisionChangesEntity.class)
                .forEach(c -> out.put(c.revisionId, c));
        return out;
    }

    /** The patches of these revisions, each revision's by number: read, not managed (plain SQL, in chunks). */
    public List<PatchEntity> patchesOf(Collection<Long> revisionIds) {
        return reads.patchesOfRevisions(revisionIds);
    }

    public List<TrailerEntity> trailersOf(Collection<Long> patchIds) {
        if (patchIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from TrailerEntity t where t.patchId in :p order by t.patchId, t.id", TrailerEntity.class)
                .setParameter("p", patchIds).getResultList();
    }

    public List<AppliedNoticeEntity> appliedOf(Collection<Long> revisionIds) {
        if (revisionIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from AppliedNoticeEntity a where a.revisionId in :r order by a.revisionId, a.id",
                AppliedNoticeEntity.class).setParameter("r", revisionIds).getResultList();
    }

    /** A revision's key and id. */
    public record RevisionKeyId(String revisionKey, Long id) {
    }

    /** Revision ids by revision key, for the keys given (those that exist). */
    public Map<String, Long> revisionIdsByKey(Collection<String> keys) {
        Map<String, Long> out = new HashMap<>();
        Bulk.forChunks(keys.stream().distinct().toList(), chunk -> {
            for (RevisionKeyId r : em.createQuery("select new " + RevisionKeyId.class.getName() + "(r.revisionKey, r.id)"
                    + " from RevisionEntity r where r.revisionKey in :k", RevisionKeyId.class)
                    .setParameter("k", chunk).getResultList()) {
                out.put(r.revisionKey(), r.id());
            }
        });
        return out;
    }

    public Optional<PatchEntity> patchOfMessage(long messagePk) {
        return em.createQuery("from PatchEntity p where p.messagePk = :m", PatchEntity.class)
                .setParameter("m", messagePk).getResultStream().findFirst();
    }

    public Optional<RevisionEntity> revisionOfCover(long messagePk) {
        return em.createQuery("from RevisionEntity r where r.coverMessagePk = :m", RevisionEntity.class)
                .setParameter("m", messagePk).getResultStream().findFirst();
    }

    /** Rows of {@code from}, all of them or those whose {@code column} is in {@code ids}. */
    <T> List<T> inScope(String from, String column, Collection<Long> ids, Class<T> type) {
        if (ids == null) {
            return em.createQuery(from, type).getResultList();
        }
        List<T> out = new ArrayList<>();
        Bulk.forChunks(ids.stream().distinct().toList(), chunk -> out.addAll(
                em.createQuery(from + " where " + column + " in :ids", type).setParameter("ids", chunk).getResultList()));
        return out;
    }

    /**
     * Ids of the stored series that have a revision, patch or cover letter among these messages, or a
     * revision or series keyed by one of their Message-IDs.
     */
    public Set<Long> seriesTouching(Collection<Long> messagePks, Collection<String> messageIds) {
        Set<Long> out = new HashSet<>();
        List<Long> pks = messagePks.stream().distinct().toList();
        List<String> ids = messageIds.stream().distinct().toList();
        // plain SQL: an HQL in-list is translated again on every call, which a full pass makes hundreds of
        Bulk.forChunks(pks, chunk -> {
            addIds(out, em.createNativeQuery("SELECT r.series_id FROM patch p JOIN revision r ON r.id = p.revision_id"
                    + " WHERE p.message_pk IN (:pks)").setParameter("pks", chunk).getResultList());
            addIds(out, em.createNativeQuery("SELECT series_id FROM revision WHERE cover_message_pk IN (:pks)")
                    .setParameter("pks", chunk).getResultList());
        });
        Bulk.forChunks(ids, chunk -> {
            addIds(out, em.createNativeQuery("SELECT series_id FROM revision WHERE revision_key IN (:ids)")
                    .setParameter("ids", chunk).getResultList());
            addIds(out, em.createNativeQuery("SELECT id FROM series WHERE series_key IN (:ids)")
                    .setParameter("ids", chunk).getResultList());
        });
        return out;
    }

    private static void addIds(Set<Long> out, List<?> rows) {
        for (Object o : rows) {
            out.add(((Number) o).longValue());
        }
    }

    /** Primary keys of the patches and cover letters of these series. */
    public Set<Long> messagesOfSeries(Collection<Long> seriesIds) {
        Set<Long> out = new HashSet<>();
        Bulk.forChunks(seriesIds.stream().distinct().toList(), chunk -> {
            out.addAll(em.createQuery("select p.messagePk from PatchEntity p, RevisionEntity r where p.revisionId = r.id"
                    + " and r.seriesId in :s", Long.class).setParameter("s", chunk).getResultList());
            out.addAll(em.createQuery("select r.coverMessagePk from RevisionEntity r where r.seriesId in :s"
                    + " and r.coverMessagePk is not null", Long.class).setParameter("s", chunk).getResultList());
        });
        return out;
    }

    /** Ids of every stored series. */
    public List<Long> allSeriesIds() {
        return em.createQuery("select s.id from SeriesEntity s", Long.class).getResultList();
    }

    /** A message filed under a list. */
    public record MessageInList(Long messagePk, Long listId) {
    }

    private static final String MESSAGE_IN_LIST = "select new " + MessageInList.class.getName()
            + "(ml.messagePk, ml.listId) from MessageList ml";

    /** The lists each of these messages is filed under, by message primary key. */
    public Map<Long, List<Long>> listsOfMessages(Collection<Long> messagePks) {
        Map<Long, List<Long>> out = new HashMap<>();
        Bulk.forChunks(messagePks.stream().distinct().toList(), chunk -> addLists(out, em.createQuery(
                MESSAGE_IN_LIST + " where ml.messagePk in :pks", MessageInList.class).setParameter("pks", chunk).getResultList()));
        return out;
    }

    /** For every message filed under a list, by primary key, the ids of its lists. */
    public Map<Long, List<Long>> listsOfMessages() {
        Map<Long, List<Long>> out = new HashMap<>();
        addLists(out, em.createQuery(MESSAGE_IN_LIST, MessageInList.class).getResultList());
        return out;
    }

    private static void addLists(Map<Long, List<Long>> out, List<MessageInList> rows) {
        for (MessageInList ml : rows) {
            out.computeIfAbsent(ml.messagePk(), k -> new ArrayList<>(1)).add(ml.listId());
        }
    }}
