package dev.patchtrack.store;

import dev.patchtrack.core.rust.ReleaseCycles;
import dev.patchtrack.core.rust.RustArch;
import dev.patchtrack.core.rust.RustRelease;
import dev.patchtrack.core.tree.TagOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Where Rust stands at each release tag of a tree, as read at scan time. Callers own the transactions. */
@ApplicationScoped
public class RustReleaseRepository {

    /**
     * A Rust series a tree carries, with the first release tag of its earliest commit there.
     *
     * @param topics comma-separated, as the series list shows them
     */
    public record SeriesFirst(long seriesId, String title, String topics, String firstTag) {
    }

    @Inject
    EntityManager em;

    @Inject
    Jdbc jdbc;

    @Inject
    DataVersion dataVersion;

    /** An architecture's Rust support at a tag. */
    private record ArchRow(String tag, RustArch arch) {
    }

    /** A Rust series with a commit the tree carries, and that commit's first release tag. */
    private record SeriesTag(long seriesId, String title, String topics, String firstTag) {
    }

    /** The tags whose state is stored, to the commit each named when it was read. */
    public Map<String, String> stored(long treeId) {
        Map<String, String> out = new HashMap<>();
        jdbc.list("SELECT tag, sha FROM rust_release WHERE tree_id = ?", List.of(treeId),
                rs -> Map.entry(rs.getString("tag"), rs.getString("sha"))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Stores one release's state, replacing what was stored for its tag. */
    public void save(long treeId, RustRelease r) {
        delete(treeId, List.of(r.tag()));
        em.createNativeQuery("INSERT INTO rust_release (tree_id, tag, sha, tagged_at, rustc_min, bindgen_min, rust_files,"
                        + " rust_lines, driver_files, driver_lines) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, treeId).setParameter(2, Bulk.clip(r.tag(), 200)).setParameter(3, r.commit())
                .setParameter(4, r.taggedAt() == null ? null : Timestamp.from(r.taggedAt()))
                .setParameter(5, Bulk.clip(r.rustcMin(), 40)).setParameter(6, Bulk.clip(r.bindgenMin(), 40))
                .setParameter(7, r.rustFiles()).setParameter(8, r.rustLines()).setParameter(9, r.driverFiles())
                .setParameter(10, r.driverLines()).executeUpdate();
        for (RustArch a : r.architectures()) {
            em.createNativeQuery("INSERT INTO rust_release_arch (tree_id, tag, arch, have_rust, have_rust_if, doc_support,"
                            + " doc_constraints) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, treeId).setParameter(2, Bulk.clip(r.tag(), 200)).setParameter(3, Bulk.clip(a.arch(), 64))
                    .setParameter(4, a.haveRust()).setParameter(5, Bulk.clip(a.condition(), 1000))
                    .setParameter(6, Bulk.clip(a.support(), 100)).setParameter(7, Bulk.clip(a.constraints(), 1000))
                    .executeUpdate();
        }
        dataVersion.bump();
    }

    /** Forgets the state of tags (those the tree no longer has). */
    public void delete(long treeId, Collection<String> tags) {
        Bulk.forChunks(List.copyOf(tags), chunk -> {
            em.createNativeQuery("DELETE FROM rust_release_arch WHERE tree_id = ?1 AND tag IN (?2)")
                    .setParameter(1, treeId).setParameter(2, chunk).executeUpdate();
            em.createNativeQuery("DELETE FROM rust_release WHERE tree_id = ?1 AND tag IN (?2)")
                    .setParameter(1, treeId).setParameter(2, chunk).executeUpdate();
        });
    }

    /** Every stored release of a tree, in version order. */
    public List<RustRelease> releases(long treeId) {
        Map<String, List<RustArch>> archs = new HashMap<>();
        jdbc.list("SELECT tag, arch, have_rust, have_rust_if, doc_support, doc_constraints FROM rust_release_arch"
                + " WHERE tree_id = ? ORDER BY arch", List.of(treeId), rs -> new ArchRow(rs.getString("tag"),
                        new RustArch(rs.getString("arch"), rs.getBoolean("have_rust"), rs.getString("have_rust_if"),
                                rs.getString("doc_support"), rs.getString("doc_constraints"))))
                .forEach(a -> archs.computeIfAbsent(a.tag(), k -> new ArrayList<>()).add(a.arch()));
        Map<String, RustRelease> out = new TreeMap<>(TagOrder.ORDER);
        jdbc.list("SELECT tag, sha, tagged_at, rustc_min, bindgen_min, rust_files, rust_lines, driver_files, driver_lines"
                + " FROM rust_release WHERE tree_id = ?", List.of(treeId), rs -> {
                    String tag = rs.getString("tag");
                    return new RustRelease(tag, rs.getString("sha"), Jdbc.instant(rs, "tagged_at"), rs.getString("rustc_min"),
                            rs.getString("bindgen_min"), archs.getOrDefault(tag, List.of()), rs.getInt("rust_files"),
                            rs.getLong("rust_lines"), rs.getInt("driver_files"), rs.getLong("driver_lines"));
                }).forEach(r -> out.put(r.tag(), r));
        return List.copyOf(out.values());
    }

    /** The names of the trees with stored releases, by name. */
    public Map<String, Long> trees() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.list("SELECT DISTINCT t.name, t.id FROM tree t JOIN rust_release r ON r.tree_id = t.id ORDER BY t.name",
                List.of(), rs -> Map.entry(rs.getString("name"), rs.getLong("id")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * The Rust series (any topic but {@code not-rust}) with a patch the tree carries in a release, each
     * with the earliest first release tag among its patches' commits.
     */
    public List<SeriesFirst> seriesFirstTags(long treeId) {
        Map<Long, List<SeriesTag>> bySeries = new TreeMap<>();
        jdbc.list("SELECT DISTINCT s.id, s.title, s.topics, c.first_tag FROM tree_match m"
                + " JOIN tree_commit c ON c.tree_id = m.tree_id AND c.sha = m.sha"
                + " JOIN patch p ON p.message_pk = m.message_pk JOIN revision r ON r.id = p.revision_id"
                + " JOIN series s ON s.id = r.series_id WHERE m.tree_id = ? AND c.first_tag IS NOT NULL", List.of(treeId),
                rs -> new SeriesTag(rs.getLong("id"), rs.getString("title"), rs.getString("topics"), rs.getString("first_tag")))
                .forEach(r -> bySeries.computeIfAbsent(r.seriesId(), k -> new ArrayList<>()).add(r));
        List<SeriesFirst> out = new ArrayList<>();
        bySeries.forEach((id, tags) -> {
            String topics = tags.get(0).topics();
            if (topics == null || topics.isEmpty() || topics.equals("not-rust")) {
                return;
            }
            out.add(new SeriesFirst(id, tags.get(0).title(), topics,
                    ReleaseCycles.earliest(tags.stream().map(SeriesTag::firstTag).toList())));
        });
        return out;
    }
}
