package dev.patchtrack.store;

import dev.patchtrack.core.tree.TreeCommit;
import dev.patchtrack.core.tree.TreeMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;

/** Tracked trees, their cursors, the commits they carry and the patches matched to them. Callers own the transactions. */
@ApplicationScoped
public class TreeRepository {

    /** A tree's row. */
    public record TreeRow(long id, String name, String url, Instant lastScanAt, Instant lastSuccessAt, String lastError,
                          int lastCommits, String leaseOwner, Instant leaseUntil) {
    }

    /** What {@code GET /api/trees} shows of a tree. */
    public record TreeStatus(TreeRow tree, Map<String, String> branches, long commits, long tagged, long matches,
                             String latestTag) {
    }

    /** A stored match of one message. */
    public record MatchRow(long treeId, String sha, String signal) {
    }

    /** A patch's commit, for its detail view. */
    public record MatchView(TreeCommit commit, TreeMatch.Signal signal) {
    }

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    /** The tree's row, created or pointed at a new URL when the configuration says so. */
    public TreeRow ensure(String name, String url) {
        Optional<TreeRow> found = find(name);
        if (found.isEmpty()) {
            em.createNativeQuery("INSERT INTO tree (name, url, last_commits) VALUES (?1, ?2, 0)")
                    .setParameter(1, name).setParameter(2, Bulk.clip(url, 2000)).executeUpdate();
        } else if (!Objects.equals(found.get().url(), url)) {
            em.createNativeQuery("UPDATE tree SET url = ?1 WHERE id = ?2").setParameter(1, Bulk.clip(url, 2000))
                    .setParameter(2, found.get().id()).executeUpdate();
        }
        return find(name).orElseThrow();
    }

    public Optional<TreeRow> find(String name) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, url, last_scan_at, last_success_at, last_error,"
                + " last_commits, lease_owner, lease_until FROM tree WHERE name = ?1").setParameter(1, name).getResultList();
        return rows.stream().findFirst().map(TreeRepository::treeRow);
    }

    public List<TreeRow> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, url, last_scan_at, last_success_at, last_error,"
                + " last_commits, lease_owner, lease_until FROM tree ORDER BY name").getResultList();
        return rows.stream().map(TreeRepository::treeRow).toList();
    }

    /**
     * Takes the tree for {@code owner} until {@code until}, unless another instance holds a lease that
     * has not run out. One UPDATE, so two instances can never both win it.
     */
    public boolean acquireLease(long treeId, String owner, Instant now, Instant until) {
        return em.createNativeQuery("UPDATE tree SET lease_owner = ?1, lease_until = ?2 WHERE id = ?3"
                        + " AND (lease_until IS NULL OR lease_until < ?4 OR lease_owner = ?1)")
                .setParameter(1, owner).setParameter(2, Timestamp.from(until)).setParameter(3, treeId)
                .setParameter(4, Timestamp.from(now)).executeUpdate() == 1;
    }

    /** Renews or gives up a lease this owner holds (until null gives it up). */
    public void lease(long treeId, String owner, Instant until) {
        em.createNativeQuery("UPDATE tree SET lease_owner = ?1, lease_until = ?2 WHERE id = ?3 AND lease_owner = ?4")
                .setParameter(1, until == null ? null : owner).setParameter(2, until == null ? null : Timestamp.from(until))
                .setParameter(3, treeId).setParameter(4, owner).executeUpdate();
    }

    /** Records the end of a scan: its time, its error (null when it succeeded) and how many commits it added. */
    public void scanned(long treeId, Instant at, String error, int commits) {
        em.createNativeQuery("UPDATE tree SET last_scan_at = ?1, last_error = ?2, last_commits = ?3"
                        + (error == null ? ", last_success_at = ?1" : "") + " WHERE id = ?4")
                .setParameter(1, Timestamp.from(at)).setParameter(2, Bulk.clip(error, 2000)).setParameter(3, commits)
                .setParameter(4, treeId).executeUpdate();
        dataVersion.bump();
    }

    /** Branch tips ({@code branch}) or walked tags ({@code tag}): name to commit. */
    public Map<String, String> refs(long treeId, String kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT ref_name, sha FROM tree_ref WHERE tree_id = ?1 AND kind = ?2"
                + " ORDER BY ref_name").setParameter(1, treeId).setParameter(2, kind).getResultList();
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put((String) r[0], (String) r[1]));
        return out;
    }

    /** Replaces the refs of one kind. */
    public void saveRefs(long treeId, String kind, Map<String, String> refs) {
        Map<String, String> old = refs(treeId, kind);
        for (Map.Entry<String, String> e : old.entrySet()) {
            if (!refs.containsKey(e.getKey())) {
                em.createNativeQuery("DELETE FROM tree_ref WHERE tree_id = ?1 AND kind = ?2 AND ref_name = ?3")
                        .setParameter(1, treeId).setParameter(2, kind).setParameter(3, e.getKey()).executeUpdate();
            }
        }
        for (Map.Entry<String, String> e : refs.entrySet()) {
            String was = old.get(e.getKey());
            if (was == null) {
                em.createNativeQuery("INSERT INTO tree_ref (tree_id, kind, ref_name, sha) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, treeId).setParameter(2, kind).setParameter(3, e.getKey())
                        .setParameter(4, e.getValue()).executeUpdate();
            } else if (!was.equals(e.getValue())) {
                em.createNativeQuery("UPDATE tree_ref SET sha = ?1 WHERE tree_id = ?2 AND kind = ?3 AND ref_name = ?4")
                        .setParameter(1, e.getValue()).setParameter(2, treeId).setParameter(3, kind)
                        .setParameter(4, e.getKey()).executeUpdate();
            }
        }
    }

    /** Stores commits not stored yet (a scan repeated after a crash adds nothing twice); returns how many were new. */
    public int insertCommits(long treeId, List<TreeCommit> commits) {
        if (commits.isEmpty()) {
            return 0;
        }
        java.util.Set<String> stored = new java.util.HashSet<>();
        Bulk.forChunks(commits.stream().map(TreeCommit::sha).toList(), chunk -> {
            @SuppressWarnings("unchecked")
            List<String> found = em.createNativeQuery("SELECT sha FROM tree_commit WHERE tree_id = ?1 AND sha IN (?2)")
                    .setParameter(1, treeId).setParameter(2, chunk).getResultList();
            stored.addAll(found);
        });
        java.util.Set<String> seen = new java.util.HashSet<>(stored);
        List<TreeCommit> fresh = commits.stream().filter(t -> seen.add(t.sha())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tree_commit (tree_id, sha, patch_id, subject,"
                         + " subject_key, author_email, committed_at, first_tag) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement link = c.prepareStatement(
                         "INSERT INTO tree_commit_link (tree_id, sha, message_id) VALUES (?, ?, ?)")) {
                for (TreeCommit t : fresh) {
                    insert.setLong(1, treeId);
                    insert.setString(2, t.sha());
                    insert.setString(3, t.patchId());
                    insert.setString(4, Bulk.clip(t.subject() == null ? "" : t.subject(), 1000));
                    insert.setString(5, Bulk.clip(TreeCommit.subjectKey(t.subject()), 500));
                    insert.setString(6, Bulk.clip(TreeCommit.emailKey(t.authorEmail()), 320));
                    insert.setObject(7, t.committed() == null ? null : t.committed().atOffset(ZoneOffset.UTC));
                    insert.setString(8, t.firstTag());
                    insert.addBatch();
                    for (String id : new java.util.LinkedHashSet<>(t.links())) {
                        if (id.length() <= 1000) {
                            link.setLong(1, treeId);
                            link.setString(2, t.sha());
                            link.setString(3, id);
                            link.addBatch();
                        }
                    }
                }
                insert.executeBatch();
                link.executeBatch();
            }
        });
        return fresh.size();
    }

    /** Sets the first release tag of stored commits: tag to the commits it is first for. Returns rows changed. */
    public int setFirstTags(long treeId, Map<String, List<String>> shasByTag) {
        int changed = 0;
        for (Map.Entry<String, List<String>> e : shasByTag.entrySet()) {
            int[] n = {0};
            Bulk.forChunks(e.getValue(), chunk -> n[0] += em.createNativeQuery("UPDATE tree_commit SET first_tag = ?1"
                            + " WHERE tree_id = ?2 AND sha IN (?3) AND (first_tag IS NULL OR first_tag <> ?1)")
                    .setParameter(1, e.getKey()).setParameter(2, treeId).setParameter(3, chunk).executeUpdate());
            changed += n[0];
        }
        return changed;
    }

    /** Every tree with its branches and counts. */
    public List<TreeStatus> status() {
        List<TreeStatus> out = new ArrayList<>();
        for (TreeRow t : all()) {
            Object[] counts = (Object[]) em.createNativeQuery("SELECT COUNT(*), COUNT(first_tag) FROM tree_commit"
                    + " WHERE tree_id = ?1").setParameter(1, t.id()).getSingleResult();
            long matches = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM tree_match WHERE tree_id = ?1")
                    .setParameter(1, t.id()).getSingleResult()).longValue();
            String latest = refs(t.id(), "tag").keySet().stream().max(dev.patchtrack.core.tree.TagOrder.ORDER).orElse(null);
            out.add(new TreeStatus(t, refs(t.id(), "branch"), ((Number) counts[0]).longValue(),
                    ((Number) counts[1]).longValue(), matches, latest));
        }
        return out;
    }

    /**
     * The commits that could carry one of these patches: those linking to one of the messages, with one of
     * the patch-ids, or with one of the subjects.
     */
    public List<TreeCommit> candidates(Collection<String> messageIds, Collection<String> patchIds,
                                       Collection<String> subjectKeys) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        String select = "SELECT c.tree_id, c.sha, t.name, c.patch_id, c.subject, c.author_email, c.committed_at,"
                + " c.first_tag FROM tree_commit c JOIN tree t ON t.id = c.tree_id";
        Bulk.forChunks(List.copyOf(messageIds), chunk -> collect(rows, select + " WHERE EXISTS (SELECT 1 FROM"
                + " tree_commit_link l WHERE l.tree_id = c.tree_id AND l.sha = c.sha AND l.message_id IN (?1))", chunk));
        Bulk.forChunks(List.copyOf(patchIds), chunk -> collect(rows, select + " WHERE c.patch_id IN (?1)", chunk));
        Bulk.forChunks(List.copyOf(subjectKeys), chunk -> collect(rows, select + " WHERE c.subject_key IN (?1)", chunk));
        Map<String, List<String>> links = new HashMap<>();
        Map<Long, List<String>> shasByTree = new HashMap<>();
        rows.values().forEach(r -> shasByTree.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                .add((String) r[1]));
        shasByTree.forEach((tree, shas) -> Bulk.forChunks(shas, chunk -> {
            @SuppressWarnings("unchecked")
            List<Object[]> ls = em.createNativeQuery("SELECT sha, message_id FROM tree_commit_link WHERE tree_id = ?1"
                    + " AND sha IN (?2)").setParameter(1, tree).setParameter(2, chunk).getResultList();
            ls.forEach(l -> links.computeIfAbsent(tree + "/" + l[0], k -> new ArrayList<>()).add((String) l[1]));
        }));
        List<TreeCommit> out = new ArrayList<>(rows.size());
        for (Object[] r : rows.values()) {
            out.add(commit(r, links.getOrDefault(((Number) r[0]).longValue() + "/" + r[1], List.of())));
        }
        return out;
    }

    private void collect(Map<String, Object[]> rows, String sql, List<String> values) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(sql).setParameter(1, values).getResultList();
        found.forEach(r -> rows.putIfAbsent(((Number) r[0]).longValue() + "/" + r[1], r));
    }

    /** The tree id of each tree name. */
    public Map<String, Long> treeIds() {
        Map<String, Long> out = new HashMap<>();
        all().forEach(t -> out.put(t.name(), t.id()));
        return out;
    }

    /** Every stored match: message key to match. */
    public Map<Long, MatchRow> matches() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT message_pk, tree_id, sha, signal FROM tree_match").getResultList();
        Map<Long, MatchRow> out = new HashMap<>();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(),
                new MatchRow(((Number) r[1]).longValue(), (String) r[2], (String) r[3])));
        return out;
    }

    /**
     * Makes the stored matches of the messages in {@code scope} equal to {@code wanted} (those of other
     * messages stay as they are); returns how many rows changed.
     */
    public int saveMatches(java.util.Set<Long> scope, Map<Long, MatchRow> wanted) {
        Map<Long, MatchRow> old = matches();
        old.keySet().retainAll(scope);
        int changed = 0;
        for (Map.Entry<Long, MatchRow> e : old.entrySet()) {
            if (!e.getValue().equals(wanted.get(e.getKey()))) {
                em.createNativeQuery("DELETE FROM tree_match WHERE message_pk = ?1").setParameter(1, e.getKey())
                        .executeUpdate();
                changed++;
            }
        }
        for (Map.Entry<Long, MatchRow> e : wanted.entrySet()) {
            if (!e.getValue().equals(old.get(e.getKey()))) {
                MatchRow m = e.getValue();
                em.createNativeQuery("INSERT INTO tree_match (message_pk, tree_id, sha, signal) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, e.getKey()).setParameter(2, m.treeId()).setParameter(3, m.sha())
                        .setParameter(4, m.signal()).executeUpdate();
                changed++;
            }
        }
        if (changed > 0) {
            dataVersion.bump();
        }
        return changed;
    }

    /** The commit each of these patch messages was found as, where one was. */
    public Map<Long, String> commitsOf(Collection<Long> messagePks) {
        Map<Long, String> out = new java.util.HashMap<>();
        Bulk.forChunks(messagePks.stream().distinct().toList(), chunk -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT message_pk, sha FROM tree_match WHERE message_pk IN (:m)")
                    .setParameter("m", chunk).getResultList();
            rows.forEach(r -> out.put(((Number) r[0]).longValue(), (String) r[1]));
        });
        return out;
    }

    /** The commit a patch message was found as, if any. */
    public Optional<MatchView> matchOf(long messagePk) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.tree_id, c.sha, t.name, c.patch_id, c.subject,"
                + " c.author_email, c.committed_at, c.first_tag, m.signal FROM tree_match m JOIN tree_commit c"
                + " ON c.tree_id = m.tree_id AND c.sha = m.sha JOIN tree t ON t.id = c.tree_id WHERE m.message_pk = ?1")
                .setParameter(1, messagePk).getResultList();
        return rows.stream().findFirst().map(r -> new MatchView(commit(r, List.of()),
                TreeMatch.Signal.fromWire((String) r[8])));
    }

    private static TreeCommit commit(Object[] r, List<String> links) {
        return new TreeCommit((String) r[2], (String) r[1], (String) r[3], (String) r[4], (String) r[5], links,
                instant(r[6]), (String) r[7]);
    }

    private static TreeRow treeRow(Object[] r) {
        return new TreeRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], instant(r[3]), instant(r[4]),
                (String) r[5], ((Number) r[6]).intValue(), (String) r[7], instant(r[8]));
    }

    /** A timestamp column as the driver returns it. */
    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + o.getClass());
    }
}
