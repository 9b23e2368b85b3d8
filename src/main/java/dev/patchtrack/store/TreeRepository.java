package dev.patchtrack.store;

import dev.patchtrack.core.tree.TreeCommit;
import dev.patchtrack.core.tree.TreeMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
    Jdbc jdbc;

    @Inject
    DataVersion dataVersion;

    @Inject
    KeptDocuments documents;

    private static final String TREE_COLUMNS = "SELECT id, name, url, last_scan_at, last_success_at, last_error,"
            + " last_commits, lease_owner, lease_until FROM tree";

    /** A ref's name and the commit it names. */
    private record Ref(String name, String sha) {
    }

    /** A commit's link to a message. */
    private record Link(String sha, String messageId) {
    }

    /** A commit a tree carries, with its tree's id (its links are read apart). */
    private record CommitRow(long treeId, TreeCommit commit) {

        String key() {
            return treeId + "/" + commit.sha();
        }
    }

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
        return jdbc.list(TREE_COLUMNS + " WHERE name = ?", List.of(name), TreeRepository::treeRow).stream().findFirst();
    }

    public List<TreeRow> all() {
        return jdbc.list(TREE_COLUMNS + " ORDER BY name", List.of(), TreeRepository::treeRow);
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
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.list("SELECT ref_name, sha FROM tree_ref WHERE tree_id = ? AND kind = ? ORDER BY ref_name",
                List.of(treeId, kind), rs -> new Ref(rs.getString("ref_name"), rs.getString("sha")))
                .forEach(r -> out.put(r.name(), r.sha()));
        return out;
    }

    /** Replaces the refs of one kind. */
    public void saveRefs(long treeId, String kind, Map<String, String> refs) {
        Map<String, String> old = refs(treeId, kind);
        if ("branch".equals(kind) && !old.equals(refs)) {
            documents.forgetAllSeries(); // a branch moved: the MAINTAINERS file the reviewers come from may have
        }
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
        java.util.Set<String> seen = new java.util.HashSet<>(jdbc.listIn(
                "SELECT sha FROM tree_commit WHERE tree_id = ? AND sha IN ({in})", List.of(treeId),
                commits.stream().map(TreeCommit::sha).toList(), List.of(), rs -> rs.getString("sha")));
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
            long[] counts = jdbc.list("SELECT COUNT(*) AS commits, COUNT(first_tag) AS tagged FROM tree_commit"
                    + " WHERE tree_id = ?", List.of(t.id()), rs -> new long[] {rs.getLong("commits"), rs.getLong("tagged")})
                    .get(0);
            long matches = jdbc.list("SELECT COUNT(*) AS matches FROM tree_match WHERE tree_id = ?", List.of(t.id()),
                    rs -> rs.getLong("matches")).get(0);
            String latest = refs(t.id(), "tag").keySet().stream().max(dev.patchtrack.core.tree.TagOrder.ORDER).orElse(null);
            out.add(new TreeStatus(t, refs(t.id(), "branch"), counts[0], counts[1], matches, latest));
        }
        return out;
    }

    /**
     * The commits that could carry one of these patches: those linking to one of the messages, with one of
     * the patch-ids, or with one of the subjects.
     */
    public List<TreeCommit> candidates(Collection<String> messageIds, Collection<String> patchIds,
                                       Collection<String> subjectKeys) {
        Map<String, CommitRow> rows = new LinkedHashMap<>();
        String select = "SELECT c.tree_id, c.sha, t.name, c.patch_id, c.subject, c.author_email, c.committed_at,"
                + " c.first_tag FROM tree_commit c JOIN tree t ON t.id = c.tree_id";
        Map<String, Collection<String>> byWhere = new LinkedHashMap<>();
        byWhere.put(select + " WHERE EXISTS (SELECT 1 FROM tree_commit_link l WHERE l.tree_id = c.tree_id"
                + " AND l.sha = c.sha AND l.message_id IN ({in}))", messageIds);
        byWhere.put(select + " WHERE c.patch_id IN ({in})", patchIds);
        byWhere.put(select + " WHERE c.subject_key IN ({in})", subjectKeys);
        byWhere.forEach((sql, values) -> jdbc.listIn(sql, values,
                rs -> new CommitRow(rs.getLong("tree_id"), commit(rs, List.of()))).forEach(r -> rows.putIfAbsent(r.key(), r)));
        Map<String, List<String>> links = new HashMap<>();
        Map<Long, List<String>> shasByTree = new HashMap<>();
        rows.values().forEach(r -> shasByTree.computeIfAbsent(r.treeId(), k -> new ArrayList<>()).add(r.commit().sha()));
        shasByTree.forEach((tree, shas) -> jdbc.listIn("SELECT sha, message_id FROM tree_commit_link WHERE tree_id = ?"
                        + " AND sha IN ({in})", List.of(tree), shas, List.of(),
                rs -> new Link(rs.getString("sha"), rs.getString("message_id")))
                .forEach(l -> links.computeIfAbsent(tree + "/" + l.sha(), k -> new ArrayList<>()).add(l.messageId())));
        List<TreeCommit> out = new ArrayList<>(rows.size());
        for (CommitRow r : rows.values()) {
            TreeCommit c = r.commit();
            out.add(new TreeCommit(c.tree(), c.sha(), c.patchId(), c.subject(), c.authorEmail(),
                    links.getOrDefault(r.key(), List.of()), c.committed(), c.firstTag()));
        }
        return out;
    }

    /** The tree id of each tree name. */
    public Map<String, Long> treeIds() {
        Map<String, Long> out = new HashMap<>();
        all().forEach(t -> out.put(t.name(), t.id()));
        return out;
    }

    /** Every stored match: message key to match. */
    public Map<Long, MatchRow> matches() {
        Map<Long, MatchRow> out = new HashMap<>();
        jdbc.list("SELECT message_pk, tree_id, sha, signal FROM tree_match", List.of(), rs -> Map.entry(
                rs.getLong("message_pk"), new MatchRow(rs.getLong("tree_id"), rs.getString("sha"), rs.getString("signal"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
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
        jdbc.listIn("SELECT message_pk, sha FROM tree_match WHERE message_pk IN ({in})", messagePks.stream().distinct().toList(),
                rs -> Map.entry(rs.getLong("message_pk"), rs.getString("sha"))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The commit a patch message was found as, if any. */
    public Optional<MatchView> matchOf(long messagePk) {
        return jdbc.list("SELECT c.tree_id, c.sha, t.name, c.patch_id, c.subject, c.author_email, c.committed_at,"
                + " c.first_tag, m.signal FROM tree_match m JOIN tree_commit c ON c.tree_id = m.tree_id AND c.sha = m.sha"
                + " JOIN tree t ON t.id = c.tree_id WHERE m.message_pk = ?", List.of(messagePk),
                rs -> new MatchView(commit(rs, List.of()), TreeMatch.Signal.fromWire(rs.getString("signal"))))
                .stream().findFirst();
    }

    /** The commit of a row that selects a tree_commit's columns and its tree's name. */
    private static TreeCommit commit(ResultSet rs, List<String> links) throws SQLException {
        return new TreeCommit(rs.getString("name"), rs.getString("sha"), rs.getString("patch_id"), rs.getString("subject"),
                rs.getString("author_email"), links, Jdbc.instant(rs, "committed_at"), rs.getString("first_tag"));
    }

    private static TreeRow treeRow(ResultSet rs) throws SQLException {
        return new TreeRow(rs.getLong("id"), rs.getString("name"), rs.getString("url"), Jdbc.instant(rs, "last_scan_at"),
                Jdbc.instant(rs, "last_success_at"), rs.getString("last_error"), rs.getInt("last_commits"),
                rs.getString("lease_owner"), Jdbc.instant(rs, "lease_until"));
    }
}
