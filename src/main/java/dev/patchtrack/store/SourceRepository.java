package dev.patchtrack.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sources, their cursors and their run log. Callers own the transactions. */
@ApplicationScoped
public class SourceRepository {

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    @Inject
    Jdbc jdbc;

    public List<SourceEntity> all() {
        return SourceEntity.listAll(Sort.by("name"));
    }

    public Optional<SourceEntity> findByName(String name) {
        return SourceEntity.find("name", name).firstResultOptional();
    }

    public SourceEntity lock(long id) {
        return em.find(SourceEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public void refresh(SourceEntity s) {
        em.refresh(s);
    }

    public void persist(SourceEntity s) {
        s.persist();
        dataVersion.bump();
    }

    public void delete(SourceEntity s) {
        em.createNativeQuery("DELETE FROM source_cursor WHERE source_id = ?1").setParameter(1, s.id).executeUpdate();
        s.delete();
        dataVersion.bump();
    }

    /** Every cursor of a source: key to value. */
    public Map<String, String> cursors(long sourceId) {
        Map<String, String> out = new HashMap<>();
        jdbc.list("SELECT cursor_key, cursor_value FROM source_cursor WHERE source_id = ?", List.of(sourceId),
                rs -> Map.entry(rs.getString("cursor_key"), String.valueOf(rs.getString("cursor_value"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Sets cursors, in the caller's transaction (the one that stores their batch). */
    public void saveCursors(long sourceId, Map<String, String> values) {
        Timestamp now = Timestamp.from(Instant.now());
        for (Map.Entry<String, String> e : values.entrySet()) {
            int n = em.createNativeQuery("UPDATE source_cursor SET cursor_value = ?1, updated_at = ?2"
                            + " WHERE source_id = ?3 AND cursor_key = ?4")
                    .setParameter(1, e.getValue()).setParameter(2, now).setParameter(3, sourceId)
                    .setParameter(4, e.getKey()).executeUpdate();
            if (n == 0) {
                em.createNativeQuery("INSERT INTO source_cursor (source_id, cursor_key, cursor_value, updated_at)"
                                + " VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, sourceId).setParameter(2, e.getKey()).setParameter(3, e.getValue())
                        .setParameter(4, now).executeUpdate();
            }
        }
    }

    /**
     * Takes the source for {@code owner} until {@code until}, unless another instance holds a lease
     * that has not run out. One UPDATE, so two instances can never both win it.
     */
    public boolean acquireLease(long sourceId, String owner, Instant now, Instant until) {
        return em.createQuery("update SourceEntity s set s.leaseOwner = :o, s.leaseUntil = :u where s.id = :id"
                        + " and (s.leaseUntil is null or s.leaseUntil < :now or s.leaseOwner = :o)")
                .setParameter("o", owner).setParameter("u", until).setParameter("id", sourceId)
                .setParameter("now", now).executeUpdate() == 1;
    }

    /** Marks that stored mail awaits a series rebuild (set with the batch, cleared after the rebuild). */
    public void setNeedsRebuild(long sourceId, boolean value) {
        em.createQuery("update SourceEntity s set s.needsRebuild = :v where s.id = :id")
                .setParameter("v", value).setParameter("id", sourceId).executeUpdate();
    }

    /** Adds counts and the newest mail date of a batch; returns the source, managed. */
    public SourceEntity addCounts(long sourceId, int read, int stored, int deleted, Instant newest) {
        SourceEntity s = em.find(SourceEntity.class, sourceId);
        s.messagesRead += read;
        s.messagesStored += stored;
        s.messagesDeleted += deleted;
        if (newest != null && (s.newestMailAt == null || newest.isAfter(s.newestMailAt))) {
            s.newestMailAt = newest;
        }
        dataVersion.bump();
        return s;
    }

    public SyncRunEntity startRun(String source, String instance) {
        SyncRunEntity r = new SyncRunEntity();
        r.sourceName = source;
        r.instance = instance;
        r.startedAt = Instant.now();
        r.persist();
        dataVersion.bump();
        return r;
    }

    public void finishRun(long runId, int read, int stored, String error) {
        SyncRunEntity r = em.find(SyncRunEntity.class, runId);
        if (r != null) {
            r.finishedAt = Instant.now();
            r.messagesRead = read;
            r.messagesStored = stored;
            r.error = error == null ? null : Bulk.clip(error, 2000);
            dataVersion.bump();
        }
    }

    public List<SyncRunEntity> runs(String source) {
        return SyncRunEntity.list("sourceName", Sort.by("startedAt"), source);
    }

    /** How many messages are filed under a list. */
    public long messagesOnList(String listName) {
        return em.createQuery("select count(ml) from MessageList ml, MailingList l where ml.listId = l.id"
                + " and l.name = :n", Long.class).setParameter("n", listName).getSingleResult();
    }
}
