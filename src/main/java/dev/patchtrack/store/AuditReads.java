package dev.patchtrack.store;

import dev.patchtrack.core.audit.AuditInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit rules read, in four queries whatever the size of the database: the revisions (with
 * author and cover letter), their patches, the messages kept with copies, and the patch messages no
 * revision holds.
 */
@ApplicationScoped
public class AuditReads {

    /** The link-reason column read as the entity reads it. */
    private static final LinkReasonColumn LINK_REASON = new LinkReasonColumn();

    @Inject
    Jdbc jdbc;

    /** A patch of a revision, and where its message sits. */
    private record PatchRow(long revisionId, long seriesId, AuditInput.Patch patch) {
    }

    /** One message kept with a copy, once per copy. */
    private record CopyRow(String messageId, String subject, String list) {
    }

    public AuditInput load() {
        Map<Long, List<AuditInput.Patch>> patches = new HashMap<>();
        // message pk -> {series, revision}: where a copied message sits
        Map<String, long[]> placed = new HashMap<>();
        for (PatchRow p : jdbc.list("SELECT p.revision_id, p.number, m.message_id, p.subject, r.series_id FROM patch p"
                + " JOIN message m ON m.id = p.message_pk JOIN revision r ON r.id = p.revision_id"
                + " ORDER BY p.revision_id, p.number, p.id", List.of(), rs -> new PatchRow(rs.getLong("revision_id"),
                        rs.getLong("series_id"), new AuditInput.Patch(rs.getInt("number"), rs.getString("message_id"),
                                rs.getString("subject"))))) {
            patches.computeIfAbsent(p.revisionId(), k -> new ArrayList<>()).add(p.patch());
            placed.putIfAbsent(p.patch().messageId(), new long[] {p.seriesId(), p.revisionId()});
        }
        List<AuditInput.Revision> revisions = jdbc.list("SELECT r.id, r.series_id, r.revision_key, r.position, r.version,"
                + " r.total, r.title, r.author_id, pe.name, pe.email, r.posted_at, r.link_reason,"
                + " m.message_id AS cover, m.subject AS cover_subject, r.rfc FROM revision r"
                + " LEFT JOIN person pe ON pe.id = r.author_id LEFT JOIN message m ON m.id = r.cover_message_pk"
                + " ORDER BY r.series_id, r.position, r.id", List.of(), rs -> {
                    long id = rs.getLong("id");
                    Long author = Jdbc.nullableLong(rs, "author_id");
                    String name = rs.getString("name");
                    String who = author == null ? null
                            : (name == null || name.isBlank() ? "" : name + " ") + "<" + rs.getString("email") + ">";
                    return new AuditInput.Revision(id, rs.getLong("series_id"), rs.getString("revision_key"),
                            rs.getInt("position"), rs.getInt("version"), rs.getBoolean("rfc"), rs.getInt("total"),
                            rs.getString("title"), author, who, Jdbc.instant(rs, "posted_at"), LINK_REASON.convertToEntityAttribute(rs.getString("link_reason")),
                            rs.getString("cover"), rs.getString("cover_subject"), patches.getOrDefault(id, List.of()));
                });
        for (AuditInput.Revision r : revisions) {
            if (r.coverId() != null) {
                placed.putIfAbsent(r.coverId(), new long[] {r.seriesId(), r.id()});
            }
        }
        // message -> its subject, the lists of its copies, and how many copies
        Map<String, String> subjects = new java.util.TreeMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, java.util.Set<String>> lists = new HashMap<>();
        for (CopyRow c : jdbc.list("SELECT m.message_id, m.subject, l.name FROM message_copy c"
                + " JOIN message m ON m.id = c.message_pk LEFT JOIN mailing_list l ON l.id = c.list_id", List.of(),
                rs -> new CopyRow(rs.getString("message_id"), rs.getString("subject"), rs.getString("name")))) {
            subjects.put(c.messageId(), c.subject());
            counts.merge(c.messageId(), 1, Integer::sum);
            java.util.Set<String> of = lists.computeIfAbsent(c.messageId(), k -> new java.util.TreeSet<>());
            if (c.list() != null) {
                of.add(c.list());
            }
        }
        List<AuditInput.Copied> copied = new ArrayList<>();
        subjects.forEach((id, subject) -> {
            long[] where = placed.get(id);
            copied.add(new AuditInput.Copied(id, subject, counts.get(id), List.copyOf(lists.get(id)),
                    where == null ? null : where[0], where == null ? null : where[1]));
        });
        List<AuditInput.Loose> loose = jdbc.list("SELECT m.message_id, m.subject, m.sent_at FROM message m"
                + " WHERE m.kind = 'patch' AND m.deleted = FALSE AND NOT EXISTS (SELECT 1 FROM patch p"
                + " WHERE p.message_pk = m.id) ORDER BY m.message_id", List.of(), rs -> new AuditInput.Loose(
                        rs.getString("message_id"), rs.getString("subject"), Jdbc.instant(rs, "sent_at")));
        return new AuditInput(revisions, copied, loose);
    }
}
