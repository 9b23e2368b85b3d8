package dev.patchtrack.store;

import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.series.LinkKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What "who still has to review" reads of revisions: the messages that posted them, who gave them
 * review trailers, and who wrote in their threads. Plain SQL projections, the same on H2 and PostgreSQL.
 */
@ApplicationScoped
public class ReviewerReads {

    /** How deep a thread is followed below a patch or cover letter. */
    static final int MAX_DEPTH = 30;

    /**
     * One revision as the reviewer view needs it.
     *
     * @param patchPks   its patches' messages, in patch order
     * @param messageIds the Message-IDs of its cover letter and patches: where its threads start
     * @param authors    the case-folded addresses of its author and its patches' authors
     */
    public record Posting(long revisionId, long seriesId, String title, int version, String state, Instant postedAt,
                          List<Long> patchPks, List<String> messageIds, Set<String> authors) {
    }

    /**
     * Who wrote in a revision's threads, and when last.
     *
     * @param senders      case-folded addresses of the replies' senders
     * @param lastActivity the newest message of the threads, the postings included
     */
    public record Threads(Set<String> senders, Instant lastActivity) {
    }

    /** A revision's own row, with its cover letter's Message-ID and its author's address. */
    private record RevisionHead(long id, long seriesId, String title, int version, String state, Instant postedAt,
                                String cover, String author) {
    }

    /** A patch of a revision, with its message and its author's address. */
    private record PatchRow(long revisionId, long messagePk, String messageId, String author) {
    }

    /** A trailer giver of a revision. */
    private record Giver(long revisionId, String email) {
    }

    /** A reply in a thread: whom it answers (a Message-ID, or a link key), who sent it and when. */
    private record Reply<K>(K parent, String messageId, String sender, Instant sentAt) {
    }

    @Inject
    Jdbc jdbc;

    /** The revisions whose state is not one of these, ids only. */
    public List<Long> revisionsNotIn(Collection<String> states) {
        return jdbc.list("SELECT id FROM revision WHERE state NOT IN (" + Jdbc.marks(states.size()) + ")",
                List.copyOf(states), rs -> rs.getLong("id"));
    }

    /** The revisions with their messages and authors, by id, in the order asked. */
    public Map<Long, Posting> postings(Collection<Long> revisionIds) {
        Map<Long, RevisionHead> heads = new HashMap<>();
        Map<Long, List<Long>> pks = new HashMap<>();
        Map<Long, List<String>> ids = new HashMap<>();
        Map<Long, Set<String>> authors = new HashMap<>();
        List<Long> wanted = revisionIds.stream().filter(Objects::nonNull).distinct().toList();
        Bulk.forChunks(wanted, chunk -> {
            for (RevisionHead r : jdbc.listIn("SELECT r.id, r.series_id, r.title, r.version, r.state, r.posted_at,"
                    + " c.message_id AS cover, a.email AS author FROM revision r LEFT JOIN message c ON c.id = r.cover_message_pk"
                    + " LEFT JOIN person a ON a.id = r.author_id WHERE r.id IN ({in})", chunk,
                    rs -> new RevisionHead(rs.getLong("id"), rs.getLong("series_id"), rs.getString("title"),
                            rs.getInt("version"), rs.getString("state"), Jdbc.instant(rs, "posted_at"),
                            rs.getString("cover"), rs.getString("author")))) {
                heads.put(r.id(), r);
                ids.computeIfAbsent(r.id(), k -> new ArrayList<>());
                authors.computeIfAbsent(r.id(), k -> new HashSet<>());
                if (r.cover() != null) {
                    ids.get(r.id()).add(r.cover());
                }
                if (r.author() != null) {
                    authors.get(r.id()).add(r.author());
                }
            }
            for (PatchRow r : jdbc.listIn("SELECT p.revision_id, p.message_pk, m.message_id, a.email AS author FROM patch p"
                    + " JOIN message m ON m.id = p.message_pk LEFT JOIN person a ON a.id = p.author_id"
                    + " WHERE p.revision_id IN ({in}) ORDER BY p.revision_id, p.number, p.id", chunk,
                    rs -> new PatchRow(rs.getLong("revision_id"), rs.getLong("message_pk"), rs.getString("message_id"),
                            rs.getString("author")))) {
                pks.computeIfAbsent(r.revisionId(), k -> new ArrayList<>()).add(r.messagePk());
                ids.computeIfAbsent(r.revisionId(), k -> new ArrayList<>()).add(r.messageId());
                if (r.author() != null) {
                    authors.computeIfAbsent(r.revisionId(), k -> new HashSet<>()).add(r.author());
                }
            }
        });
        Map<Long, Posting> out = new LinkedHashMap<>();
        for (Long id : wanted) {
            RevisionHead h = heads.get(id);
            if (h != null) {
                out.put(id, new Posting(id, h.seriesId(), h.title(), h.version(), h.state(), h.postedAt(),
                        List.copyOf(pks.getOrDefault(id, List.of())), List.copyOf(ids.get(id)), Set.copyOf(authors.get(id))));
            }
        }
        return out;
    }

    /** For each revision, the case-folded addresses of those who gave one of its patches one of these trailers. */
    public Map<Long, Set<String>> trailerGivers(Collection<Long> revisionIds, Collection<String> names) {
        Map<Long, Set<String>> out = new HashMap<>();
        jdbc.listIn("SELECT p.revision_id, pe.email FROM trailer t JOIN patch p ON p.id = t.patch_id"
                        + " JOIN person pe ON pe.id = t.person_id WHERE p.revision_id IN ({in}) AND t.name IN ("
                        + Jdbc.marks(names.size()) + ")", List.of(), revisionIds.stream().distinct().toList(),
                List.copyOf(names), rs -> new Giver(rs.getLong("revision_id"), rs.getString("email")))
                .forEach(g -> out.computeIfAbsent(g.revisionId(), k -> new HashSet<>()).add(g.email()));
        return out;
    }

    /**
     * The threads below each revision's cover letter and patches, followed by In-Reply-To level by
     * level for all revisions at once, and the replies that reference them: who replied, and the
     * newest message.
     */
    public Map<Long, Threads> threads(Collection<Posting> postings) {
        Map<String, Long> owner = new HashMap<>();
        Map<Long, Set<String>> senders = new HashMap<>();
        Map<Long, Instant> last = new HashMap<>();
        for (Posting p : postings) {
            p.messageIds().forEach(id -> owner.putIfAbsent(id, p.revisionId()));
            senders.put(p.revisionId(), new HashSet<>());
            if (p.postedAt() != null) {
                last.put(p.revisionId(), p.postedAt());
            }
        }
        List<String> level = List.copyOf(owner.keySet());
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            Bulk.forChunks(level, chunk -> {
                for (Reply<String> r : jdbc.listIn("SELECT m.message_id, m.in_reply_to, pe.email, m.sent_at"
                        + " FROM message m LEFT JOIN person pe ON pe.id = m.from_person_id"
                        + " WHERE m.in_reply_to IN ({in}) AND m.deleted = FALSE", chunk,
                        rs -> new Reply<>(rs.getString("in_reply_to"), rs.getString("message_id"), rs.getString("email"),
                                Jdbc.instant(rs, "sent_at")))) {
                    Long rev = owner.get(r.parent());
                    if (rev == null || owner.putIfAbsent(r.messageId(), rev) != null) {
                        continue;
                    }
                    next.add(r.messageId());
                    if (r.sender() != null) {
                        senders.get(rev).add(r.sender());
                    }
                    if (r.sentAt() != null) {
                        last.merge(rev, r.sentAt(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            });
            level = next;
        }
        // replies whose parent is not stored (a reply to a reply that never reached these lists) still
        // reference the posting they answer: the link-key index finds them
        Map<Long, Long> byKey = new HashMap<>();
        postings.forEach(p -> p.messageIds().forEach(id -> byKey.putIfAbsent(LinkKeys.messageIdKey(id), p.revisionId())));
        Bulk.forChunks(List.copyOf(byKey.keySet()), chunk -> {
            for (Reply<Long> r : jdbc.listIn("SELECT l.key_hash, m.message_id, pe.email, m.sent_at FROM message_link l"
                            + " JOIN message m ON m.id = l.message_pk LEFT JOIN person pe ON pe.id = m.from_person_id"
                            + " WHERE l.key_hash IN ({in}) AND m.kind = ? AND m.deleted = FALSE", List.of(), chunk,
                    List.of(MessageKind.REPLY.wireName()), rs -> new Reply<>(rs.getLong("key_hash"),
                            rs.getString("message_id"), rs.getString("email"), Jdbc.instant(rs, "sent_at")))) {
                Long rev = byKey.get(r.parent());
                if (rev == null || owner.containsKey(r.messageId()) && !rev.equals(owner.get(r.messageId()))) {
                    continue;
                }
                if (r.sender() != null) {
                    senders.get(rev).add(r.sender());
                }
                if (r.sentAt() != null) {
                    last.merge(rev, r.sentAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        });
        Map<Long, Threads> out = new HashMap<>();
        senders.forEach((rev, s) -> out.put(rev, new Threads(Set.copyOf(s), last.get(rev))));
        return out;
    }
}
