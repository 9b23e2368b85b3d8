package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a series view reads, each kind in one plain SQL query named by the series id alone, each row
 * read by column name into an entity made for the reading, not managed: a series view refers to
 * dozens of rows, and loading them through Hibernate (a query plan per call, an entity and its
 * bookkeeping per row) cost most of a first render's CPU.
 */
@ApplicationScoped
public class SeriesReads {

    /** The revisions of the series, as a condition on a revision id. */
    private static final String REVISIONS = " IN (SELECT r.id FROM revision r WHERE r.series_id = ?)";

    private static final ReviewStateColumn STATE = new ReviewStateColumn();
    private static final LinkReasonColumn LINK_REASON = new LinkReasonColumn();

    @Inject
    Jdbc jdbc;

    /** The series, as a detail shows it; empty when there is none. */
    public Optional<SeriesEntity> series(long seriesId) {
        return jdbc.list("SELECT id, series_key, title, author_id, first_posted_at, last_posted_at, latest_version,"
                + " revision_count, list_names, topics, state_overridden, " + REVIEW + " FROM series WHERE id = ?",
                List.of(seriesId), rs -> {
                    SeriesEntity s = new SeriesEntity();
                    s.id = rs.getLong("id");
                    s.seriesKey = rs.getString("series_key");
                    s.title = rs.getString("title");
                    s.authorId = Jdbc.nullableLong(rs, "author_id");
                    s.firstPostedAt = Jdbc.instant(rs, "first_posted_at");
                    s.lastPostedAt = Jdbc.instant(rs, "last_posted_at");
                    s.latestVersion = rs.getInt("latest_version");
                    s.revisionCount = rs.getInt("revision_count");
                    s.listNames = PackedList.SERIES_LISTS.decode(rs.getString("list_names"));
                    s.topics = PackedList.SERIES_TOPICS.decode(rs.getString("topics"));
                    s.stateOverridden = rs.getBoolean("state_overridden");
                    s.review = review(rs);
                    return s;
                }).stream().findFirst();
    }

    /** The series' revisions in order. */
    public List<RevisionEntity> revisions(long seriesId) {
        return jdbc.list("SELECT id, series_id, revision_key, position, version, version_minor, total, rfc, title,"
                + " author_id, posted_at, cover_message_pk, link_reason, patch_count, complete, extra_patches, change_id,"
                + " depends_on, " + REVIEW + " FROM revision WHERE series_id = ? ORDER BY position", List.of(seriesId), rs -> {
                    RevisionEntity r = new RevisionEntity();
                    r.id = rs.getLong("id");
                    r.seriesId = rs.getLong("series_id");
                    r.revisionKey = rs.getString("revision_key");
                    r.position = rs.getInt("position");
                    r.version = rs.getInt("version");
                    r.versionMinor = rs.getInt("version_minor");
                    r.total = rs.getInt("total");
                    r.rfc = rs.getBoolean("rfc");
                    r.title = rs.getString("title");
                    r.authorId = Jdbc.nullableLong(rs, "author_id");
                    r.postedAt = Jdbc.instant(rs, "posted_at");
                    r.coverMessagePk = Jdbc.nullableLong(rs, "cover_message_pk");
                    r.linkReason = LINK_REASON.convertToEntityAttribute(rs.getString("link_reason"));
                    r.patchCount = rs.getInt("patch_count");
                    r.complete = rs.getBoolean("complete");
                    r.extraPatches = rs.getBoolean("extra_patches");
                    r.changeId = rs.getString("change_id");
                    r.dependsOn = PackedList.DEPENDS_ON.decode(rs.getString("depends_on"));
                    r.review = review(rs);
                    return r;
                });
    }

    public List<PatchEntity> patches(long seriesId) {
        return jdbc.list(PATCHES + REVISIONS + " ORDER BY revision_id, number, id", List.of(seriesId), SeriesReads::patch);
    }

    /** The patches of these revisions, each revision's by number, as read (not managed) entities. */
    public List<PatchEntity> patchesOfRevisions(java.util.Collection<Long> revisionIds) {
        List<PatchEntity> out = new java.util.ArrayList<>(jdbc.listIn(PATCHES + " IN ({in})",
                revisionIds.stream().distinct().toList(), SeriesReads::patch));
        out.sort(java.util.Comparator.comparingLong((PatchEntity p) -> p.revisionId).thenComparingInt(p -> p.number)
                .thenComparingLong(p -> p.id));
        return out;
    }

    private static PatchEntity patch(java.sql.ResultSet rs) throws java.sql.SQLException {
        PatchEntity p = new PatchEntity();
        p.id = rs.getLong("id");
        p.revisionId = rs.getLong("revision_id");
        p.messagePk = rs.getLong("message_pk");
        p.number = rs.getInt("number");
        p.subject = rs.getString("subject");
        p.authorId = Jdbc.nullableLong(rs, "author_id");
        p.postedAt = Jdbc.instant(rs, "posted_at");
        p.filesChanged = rs.getInt("files_changed");
        p.insertions = rs.getInt("insertions");
        p.deletions = rs.getInt("deletions");
        p.stateOverridden = rs.getBoolean("state_overridden");
        p.review = review(rs);
        return p;
    }


    public List<TrailerEntity> trailers(long seriesId) {
        return jdbc.list("SELECT t.id, t.patch_id, t.name, t.trailer_value, t.person_id, t.source_message_pk"
                + " FROM trailer t JOIN patch p ON p.id = t.patch_id WHERE p.revision_id" + REVISIONS
                + " ORDER BY t.patch_id, t.id", List.of(seriesId), rs -> {
                    TrailerEntity t = new TrailerEntity();
                    t.id = rs.getLong("id");
                    t.patchId = rs.getLong("patch_id");
                    t.name = rs.getString("name");
                    t.value = rs.getString("trailer_value");
                    t.personId = Jdbc.nullableLong(rs, "person_id");
                    t.sourceMessagePk = rs.getLong("source_message_pk");
                    return t;
                });
    }

    private static final AppliedNoticeEntity.Covers COVERS = new AppliedNoticeEntity.Covers();

    public List<AppliedNoticeEntity> applied(long seriesId) {
        return jdbc.list("SELECT id, revision_id, patch_number, source_message_pk, person_id, tree, branch, commits,"
                + " covers FROM applied_notice WHERE revision_id" + REVISIONS + " ORDER BY revision_id, id", List.of(seriesId), rs -> {
                    AppliedNoticeEntity a = new AppliedNoticeEntity();
                    a.id = rs.getLong("id");
                    a.revisionId = rs.getLong("revision_id");
                    a.patchNumber = rs.getInt("patch_number");
                    a.sourceMessagePk = rs.getLong("source_message_pk");
                    a.personId = Jdbc.nullableLong(rs, "person_id");
                    a.tree = rs.getString("tree");
                    a.branch = rs.getString("branch");
                    a.commits = AppliedCommits.decode(rs.getString("commits"));
                    a.covers = COVERS.convertToEntityAttribute(rs.getString("covers"));
                    return a;
                });
    }

    /** The topics of the series' revisions, by revision id. */
    public Map<Long, List<RevisionTopic>> revisionTopics(long seriesId) {
        Map<Long, List<RevisionTopic>> out = new HashMap<>();
        for (RevisionTopic t : jdbc.list("SELECT revision_id, topic, reason, detail FROM revision_topic WHERE revision_id"
                + REVISIONS + " ORDER BY topic", List.of(seriesId), rs -> {
                    RevisionTopic row = new RevisionTopic();
                    row.revisionId = rs.getLong("revision_id");
                    row.topic = rs.getString("topic");
                    row.reason = rs.getString("reason");
                    row.detail = rs.getString("detail");
                    return row;
                })) {
            out.computeIfAbsent(t.revisionId, k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    public List<SeriesTopic> topics(long seriesId) {
        return topics(List.of(seriesId)).getOrDefault(seriesId, List.of());
    }

    /** What changed in each of the series' revisions from the one before, as kept, by revision id. */
    public Map<Long, RevisionChangesEntity> changes(long seriesId) {
        Map<Long, RevisionChangesEntity> out = new HashMap<>();
        jdbc.list("SELECT revision_id, from_revision_id, from_version, patches_key, unchanged, pairs, changelog, computed_at"
                + " FROM revision_changes WHERE revision_id" + REVISIONS, List.of(seriesId), rs -> {
                    RevisionChangesEntity c = new RevisionChangesEntity();
                    c.revisionId = rs.getLong("revision_id");
                    c.fromRevisionId = rs.getLong("from_revision_id");
                    c.fromVersion = rs.getInt("from_version");
                    c.patchesKey = rs.getString("patches_key");
                    c.unchanged = rs.getInt("unchanged");
                    c.pairs = rs.getString("pairs");
                    c.changelog = rs.getString("changelog");
                    c.computedAt = Jdbc.instant(rs, "computed_at");
                    return c;
                }).forEach(c -> out.put(c.revisionId, c));
        return out;
    }

    /**
     * Where a message stands in a series: the patch it is (null for a cover letter, number 0) and the
     * review state of that patch or cover letter's revision, its revision and series.
     */
    public record Placement(Long patchId, int number, boolean overridden, ReviewColumns review, long revisionId,
                            long seriesId, int version, String seriesTitle) {
    }

    /** Where a message stands: as a patch, else as a cover letter; empty when it is neither. */
    public Optional<Placement> placementOf(long messagePk) {
        String placed = " r.id AS revision_id, r.series_id, r.version, s.title FROM revision r"
                + " JOIN series s ON s.id = r.series_id";
        Optional<Placement> patch = jdbc.list("SELECT p.id AS patch_id, p.number, p.state_overridden, p.state,"
                + " p.state_reason, p.state_message_pk, p.state_person_id," + placed + " JOIN patch p ON p.revision_id = r.id"
                + " WHERE p.message_pk = ?", List.of(messagePk), rs -> new Placement(rs.getLong("patch_id"),
                rs.getInt("number"), rs.getBoolean("state_overridden"), review(rs), rs.getLong("revision_id"),
                rs.getLong("series_id"), rs.getInt("version"), rs.getString("title"))).stream().findFirst();
        if (patch.isPresent()) {
            return patch;
        }
        return jdbc.list("SELECT " + REVIEW.replace("state", "r.state") + "," + placed + " WHERE r.cover_message_pk = ?",
                List.of(messagePk), rs -> new Placement(null, 0, false, review(rs), rs.getLong("revision_id"),
                        rs.getLong("series_id"), rs.getInt("version"), rs.getString("title"))).stream().findFirst();
    }

    /** The review columns a series, revision and patch row share. */
    private static final String REVIEW = "state, state_reason, state_message_pk, state_person_id";

    /** A patch row as {@link #patch} reads it, for a condition on its revision id to follow. */
    private static final String PATCHES = "SELECT id, revision_id, message_pk, number, subject, author_id, posted_at,"
            + " files_changed, insertions, deletions, state_overridden, " + REVIEW + " FROM patch WHERE revision_id";

    private static ReviewColumns review(ResultSet rs) throws SQLException {
        ReviewColumns r = new ReviewColumns();
        r.state = STATE.convertToEntityAttribute(rs.getString("state"));
        r.reason = rs.getString("state_reason");
        r.messagePk = Jdbc.nullableLong(rs, "state_message_pk");
        r.personId = Jdbc.nullableLong(rs, "state_person_id");
        return r;
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
