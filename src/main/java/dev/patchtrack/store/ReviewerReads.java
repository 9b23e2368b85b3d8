package dev.patchtrack.store;

import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.series.LinkKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import org.hibernate.query.NativeQuery;

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

    @Inject
    EntityManager em;

    /** The revisions whose state is not one of these, ids only. */
    public List<Long> revisionsNotIn(Collection<String> states) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM revision WHERE state NOT IN (:s)").unwrap(NativeQuery.class)
                .setParameterList("s", List.copyOf(states)).getResultList();
        return ids.stream().map(i -> ((Number) i).longValue()).toList();
    }

    /** The revisions with their messages and authors, by id, in the order asked. */
    public Map<Long, Posting> postings(Collection<Long> revisionIds) {
        Map<Long, Object[]> heads = new HashMap<>();
        Map<Long, List<Long>> pks = new HashMap<>();
        Map<Long, List<String>> ids = new HashMap<>();
        Map<Long, Set<String>> authors = new HashMap<>();
        List<Long> wanted = revisionIds.stream().filter(Objects::nonNull).distinct().toList();
        Bulk.forChunks(wanted, chunk -> {
            for (Object[] r : rows("SELECT r.id, r.series_id, r.title, r.version, r.state, r.posted_at, c.message_id AS cover,"
                    + " a.email AS author FROM revision r LEFT JOIN message c ON c.id = r.cover_message_pk"
                    + " LEFT JOIN person a ON a.id = r.author_id WHERE r.id IN (:ids)", chunk)
                    .addScalar("id", Long.class).addScalar("series_id", Long.class).addScalar("title", String.class)
                    .addScalar("version", Integer.class).addScalar("state", String.class)
                    .addScalar("posted_at", Instant.class).addScalar("cover", String.class).addScalar("author", String.class)
                    .getResultList()) {
                long id = (Long) r[0];
                heads.put(id, r);
                ids.computeIfAbsent(id, k -> new ArrayList<>());
                authors.computeIfAbsent(id, k -> new HashSet<>());
                if (r[6] != null) {
                    ids.get(id).add((String) r[6]);
                }
                if (r[7] != null) {
                    authors.get(id).add((String) r[7]);
                }
            }
            for (Object[] r : rows("SELECT p.revision_id, p.message_pk, m.message_id, a.email AS author FROM patch p"
                    + " JOIN message m ON m.id = p.message_pk LEFT JOIN person a ON a.id = p.author_id"
                    + " WHERE p.revision_id IN (:ids) ORDER BY p.revision_id, p.number, p.id", chunk)
                    .addScalar("revision_id", Long.class).addScalar("message_pk", Long.class)
                    .addScalar("message_id", String.class).addScalar("author", String.class).getResultList()) {
                long id = (Long) r[0];
                pks.computeIfAbsent(id, k -> new ArrayList<>()).add((Long) r[1]);
                ids.computeIfAbsent(id, k -> new ArrayList<>()).add((String) r[2]);
                if (r[3] != null) {
                    authors.computeIfAbsent(id, k -> new HashSet<>()).add((String) r[3]);
                }
            }
        });
        Map<Long, Posting> out = new LinkedHashMap<>();
        for (Long id : wanted) {
            Object[] h = heads.get(id);
            if (h != null) {
                out.put(id, new Posting(id, (Long) h[1], (String) h[2], (Integer) h[3], (String) h[4], (Instant) h[5],
                        List.copyOf(pks.getOrDefault(id, List.of())), List.copyOf(ids.get(id)), Set.copyOf(authors.get(id))));
            }
        }
        return out;
    }

    /** For each revision, the case-folded addresses of those who gave one of its patches one of these trailers. */
    public Map<Long, Set<String>> trailerGivers(Collection<Long> revisionIds, Collection<String> names) {
        Map<Long, Set<String>> out = new HashMap<>();
        Bulk.forChunks(revisionIds.stream().distinct().toList(), chunk -> {
            for (Object[] r : rows("SELECT p.revision_id, pe.email FROM trailer t JOIN patch p ON p.id = t.patch_id"
                    + " JOIN person pe ON pe.id = t.person_id WHERE p.revision_id IN (:ids) AND t.name IN (:names)", chunk)
                    .setParameterList("names", List.copyOf(names))
                    .addScalar("revision_id", Long.class).addScalar("email", String.class).getResultList()) {
                out.computeIfAbsent((Long) r[0], k -> new HashSet<>()).add((String) r[1]);
            }
        });
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
                @SuppressWarnings("unchecked")
                List<Object[]> found = em.createNativeQuery("SELECT m.message_id, m.in_reply_to, pe.email, m.sent_at"
                                + " FROM message m LEFT JOIN person pe ON pe.id = m.from_person_id"
                                + " WHERE m.in_reply_to IN (:ids) AND m.deleted = FALSE")
                        .unwrap(NativeQuery.class).setParameterList("ids", chunk)
                        .addScalar("message_id", String.class).addScalar("in_reply_to", String.class)
                        .addScalar("email", String.class).addScalar("sent_at", Instant.class).getResultList();
                for (Object[] r : found) {
                    Long rev = owner.get((String) r[1]);
                    if (rev == null || owner.putIfAbsent((String) r[0], rev) != null) {
                        continue;
                    }
                    next.add((String) r[0]);
                    if (r[2] != null) {
                        senders.get(rev).add((String) r[2]);
                    }
                    Instant at = (Instant) r[3];
                    if (at != null) {
                        last.merge(rev, at, (a, b) -> a.isAfter(b) ? a : b);
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
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("SELECT l.key_hash, m.message_id, pe.email, m.sent_at FROM message_link l"
                            + " JOIN message m ON m.id = l.message_pk LEFT JOIN person pe ON pe.id = m.from_person_id"
                            + " WHERE l.key_hash IN (:keys) AND m.kind = :kind AND m.deleted = FALSE")
                    .unwrap(NativeQuery.class).setParameterList("keys", chunk).setParameter("kind", MessageKind.REPLY.wireName())
                    .addScalar("key_hash", Long.class).addScalar("message_id", String.class)
                    .addScalar("email", String.class).addScalar("sent_at", Instant.class).getResultList();
            for (Object[] r : found) {
                Long rev = byKey.get((Long) r[0]);
                if (rev == null || owner.containsKey((String) r[1]) && !rev.equals(owner.get((String) r[1]))) {
                    continue;
                }
                if (r[2] != null) {
                    senders.get(rev).add((String) r[2]);
                }
                if (r[3] != null) {
                    last.merge(rev, (Instant) r[3], (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        });
        Map<Long, Threads> out = new HashMap<>();
        senders.forEach((rev, s) -> out.put(rev, new Threads(Set.copyOf(s), last.get(rev))));
        return out;
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object[]> rows(String sql, List<Long> ids) {
        return (NativeQuery<Object[]>) em.createNativeQuery(sql).unwrap(NativeQuery.class).setParameterList("ids", ids);
    }
}
