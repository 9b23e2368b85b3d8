package dev.patchtrack.store;

import dev.patchtrack.core.audit.AuditInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    @Inject
    Jdbc jdbc;

    public AuditInput load() {
        Map<Long, List<AuditInput.Patch>> patches = new HashMap<>();
        // message pk -> {series, revision}: where a copied message sits
        Map<String, long[]> placed = new HashMap<>();
        jdbc.query("SELECT p.revision_id, p.number, m.message_id, p.subject, r.series_id FROM patch p"
                + " JOIN message m ON m.id = p.message_pk JOIN revision r ON r.id = p.revision_id"
                + " ORDER BY p.revision_id, p.number, p.id", List.of(), rs -> {
                    long revision = rs.getLong(1);
                    patches.computeIfAbsent(revision, k -> new ArrayList<>())
                            .add(new AuditInput.Patch(rs.getInt(2), rs.getString(3), rs.getString(4)));
                    placed.putIfAbsent(rs.getString(3), new long[] {rs.getLong(5), revision});
                });
        List<AuditInput.Revision> revisions = new ArrayList<>();
        jdbc.query("SELECT r.id, r.series_id, r.revision_key, r.position, r.version, r.total, r.title, r.author_id,"
                + " pe.name, pe.email, r.posted_at, r.link_reason, m.message_id, m.subject, r.rfc FROM revision r"
                + " LEFT JOIN person pe ON pe.id = r.author_id LEFT JOIN message m ON m.id = r.cover_message_pk"
                + " ORDER BY r.series_id, r.position, r.id", List.of(), rs -> {
                    long id = rs.getLong(1);
                    long authorId = rs.getLong(8);
                    Long author = rs.wasNull() ? null : authorId;
                    String name = rs.getString(9);
                    String email = rs.getString(10);
                    String who = author == null ? null
                            : (name == null || name.isBlank() ? "" : name + " ") + "<" + email + ">";
                    String cover = rs.getString(13);
                    if (cover != null) {
                        placed.putIfAbsent(cover, new long[] {rs.getLong(2), id});
                    }
                    revisions.add(new AuditInput.Revision(id, rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getBoolean(15), rs.getInt(6), rs.getString(7), author, who, instant(rs.getObject(11, OffsetDateTime.class)),
                            rs.getString(12), cover, rs.getString(14), patches.getOrDefault(id, List.of())));
                });
        // message -> {subject, copies, lists}
        Map<String, Object[]> copies = new java.util.TreeMap<>();
        jdbc.query("SELECT m.message_id, m.subject, l.name FROM message_copy c JOIN message m ON m.id = c.message_pk"
                + " LEFT JOIN mailing_list l ON l.id = c.list_id", List.of(), rs -> {
                    Object[] c = copies.computeIfAbsent(rs.getString(1), k -> new Object[] {null, 0, new java.util.TreeSet<String>()});
                    c[0] = rs.getString(2);
                    c[1] = (Integer) c[1] + 1;
                    if (rs.getString(3) != null) {
                        @SuppressWarnings("unchecked")
                        java.util.Set<String> lists = (java.util.Set<String>) c[2];
                        lists.add(rs.getString(3));
                    }
                });
        List<AuditInput.Copied> copied = new ArrayList<>();
        copies.forEach((id, c) -> {
            long[] where = placed.get(id);
            @SuppressWarnings("unchecked")
            java.util.Set<String> lists = (java.util.Set<String>) c[2];
            copied.add(new AuditInput.Copied(id, (String) c[0], (Integer) c[1], List.copyOf(lists),
                    where == null ? null : where[0], where == null ? null : where[1]));
        });
        List<AuditInput.Loose> loose = new ArrayList<>();
        jdbc.query("SELECT m.message_id, m.subject, m.sent_at FROM message m WHERE m.kind = 'patch'"
                + " AND m.deleted = FALSE AND NOT EXISTS (SELECT 1 FROM patch p WHERE p.message_pk = m.id)"
                + " ORDER BY m.message_id", List.of(), rs -> loose.add(new AuditInput.Loose(rs.getString(1),
                        rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)))));
        return new AuditInput(revisions, copied, loose);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
