package dev.patchtrack.store;

import dev.patchtrack.core.model.EventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * LWN articles, their references and topics, and the LWN documents polled. References are stored as
 * written and resolved when read ({@link #resolve}, {@link #mentioning}): a Message-ID names a
 * message, and the message its revision and series, directly (a patch or cover letter) or through
 * the thread (a reply, followed up to the patch or cover letter it answers).
 */
@ApplicationScoped
public class ArticleRepository {

    /** How far up or down a thread a reply is followed. */
    static final int MAX_THREAD_DEPTH = 50;
    private static final List<String> POSTINGS = List.of("patch", "cover");

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    @Inject
    KeptDocuments documents;

    @Inject
    Jdbc jdbc;

    /** A reference to store. */
    public record RefRow(String kind, String value, String url) {
    }

    /** A topic to store, with its detail (a {@code rust-arch} label's architectures) or null. */
    public record TopicRow(String topic, String reason, String detail) {
    }

    /**
     * What a referenced Message-ID is now.
     *
     * @param messageId   as referenced
     * @param messageKind the stored message's kind (patch, cover, reply, pull, other)
     * @param seriesId    the series of the patch or cover letter it is, or answers; null when none
     * @param revisionId  that revision; null when none
     * @param version     that revision's version; null when none
     */
    public record Target(String messageId, String messageKind, Long seriesId, Long revisionId, Integer version) {
    }

    /** Filters of the article list; null means no filter. */
    public record ArticleQuery(String topic, Instant since, Instant before, int page, int perPage) {
    }

    // ---- writes ------------------------------------------------------------------------------

    public Optional<ArticleEntity> findByUrl(String url) {
        return em.createQuery("from ArticleEntity a where a.url = :u", ArticleEntity.class)
                .setParameter("u", url).getResultStream().findFirst();
    }

    public void persist(ArticleEntity a) {
        a.url = Bulk.clip(a.url, 1000);
        a.title = Bulk.clip(a.title == null ? "" : a.title, 1000);
        a.author = Bulk.clip(a.author, 500);
        a.section = Bulk.clip(a.section, 200);
        if (a.id == null) {
            em.persist(a);
            em.persist(EventEntity.of(EventKind.ARTICLE_PUBLISHED, null, null, null, null, "LWN: " + a.title));
        }
        dataVersion.bump();
        forgetMentioned(a.id);
    }

    /** Every article, oldest id first. */
    public List<ArticleEntity> all() {
        return em.createQuery("from ArticleEntity a order by a.id", ArticleEntity.class).getResultList();
    }

    /** Articles whose next fetch is due, soonest first. */
    public List<ArticleEntity> due(Instant now, int limit) {
        return em.createQuery("from ArticleEntity a where a.nextFetchAt <= :now order by a.nextFetchAt, a.id",
                ArticleEntity.class).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    public void replaceRefs(long articleId, List<RefRow> refs) {
        dataVersion.bump();
        forgetMentioned(articleId);
        em.createQuery("delete from ArticleRefEntity r where r.articleId = :a").setParameter("a", articleId).executeUpdate();
        int position = 0;
        for (RefRow r : refs) {
            ArticleRefEntity e = new ArticleRefEntity();
            e.articleId = articleId;
            e.position = position++;
            e.kind = r.kind();
            e.value = Bulk.clip(r.value(), 1000);
            e.url = Bulk.clip(r.url(), 2000);
            em.persist(e);
        }
        em.flush();
        forgetMentioned(articleId);
    }

    /** Drops the kept documents of the series an article mentions (they list it, with its title and topics). */
    private void forgetMentioned(Long articleId) {
        if (articleId == null) {
            return;
        }
        List<String> ids = jdbc.list("SELECT ref_value FROM article_ref WHERE article_id = ? AND kind = 'message'",
                List.of(articleId), rs -> rs.getString("ref_value"));
        Set<Long> series = new HashSet<>();
        resolve(ids).values().forEach(t -> {
            if (t.seriesId() != null) {
                series.add(t.seriesId());
            }
        });
        documents.forget(series);
    }

    public void replaceTopics(long articleId, List<TopicRow> topics) {
        em.createQuery("delete from ArticleTopicEntity t where t.articleId = :a").setParameter("a", articleId).executeUpdate();
        em.flush();
        for (TopicRow t : topics) {
            ArticleTopicEntity e = new ArticleTopicEntity();
            e.articleId = articleId;
            e.topic = Bulk.clip(t.topic(), 64);
            e.reason = Bulk.clip(t.reason(), 2000);
            e.detail = Bulk.clip(t.detail(), 200);
            em.persist(e);
        }
        dataVersion.bump();
        forgetMentioned(articleId);
    }

    /**
     * The polled document at {@code url}, created when it is new; the caller may change it in this
     * transaction, so the data version moves.
     */
    public LwnSourceEntity source(String url, String kind) {
        dataVersion.bump();
        LwnSourceEntity s = em.find(LwnSourceEntity.class, url);
        if (s == null) {
            s = new LwnSourceEntity();
            s.url = Bulk.clip(url, 1000);
            s.kind = kind;
            em.persist(s);
        }
        return s;
    }

    // ---- reads -------------------------------------------------------------------------------

    public List<LwnSourceEntity> sources() {
        return em.createQuery("from LwnSourceEntity s order by s.kind, s.url", LwnSourceEntity.class).getResultList();
    }

    /** Number of articles per state. */
    public Map<String, Long> countByState() {
        Map<String, Long> out = new TreeMap<>();
        jdbc.list("SELECT state, COUNT(*) AS n FROM article GROUP BY state", List.of(),
                rs -> Map.entry(rs.getString("state"), rs.getLong("n"))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Articles whose page had problems, most recently fetched first. */
    public List<ArticleEntity> withProblems(int limit) {
        return em.createQuery("from ArticleEntity a where a.problems is not null order by a.fetchedAt desc nulls last, a.id desc",
                ArticleEntity.class).setMaxResults(limit).getResultList();
    }

    public Optional<ArticleEntity> find(long id) {
        return Optional.ofNullable(em.find(ArticleEntity.class, id));
    }

    /** Articles newest first, by publication. */
    public SeriesLookups.Page<ArticleEntity> page(ArticleQuery q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.topic() != null) {
            where.append(" and a.id in (select t.articleId from ArticleTopicEntity t where t.topic = :topic)");
            params.put("topic", q.topic());
        }
        if (q.since() != null) {
            where.append(" and a.publishedAt >= :since");
            params.put("since", q.since());
        }
        if (q.before() != null) {
            where.append(" and a.publishedAt < :before");
            params.put("before", q.before());
        }
        TypedQuery<Long> count = em.createQuery("select count(a) from ArticleEntity a" + where, Long.class);
        TypedQuery<ArticleEntity> items = em.createQuery(
                "from ArticleEntity a" + where + " order by a.publishedAt desc nulls last, a.id desc", ArticleEntity.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            items.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<ArticleEntity> list = items.setFirstResult((q.page() - 1) * q.perPage()).setMaxResults(q.perPage()).getResultList();
        return new SeriesLookups.Page<>(list, total);
    }

    public Map<Long, List<ArticleTopicEntity>> topicsOf(Collection<Long> articleIds) {
        Map<Long, List<ArticleTopicEntity>> out = new HashMap<>();
        Bulk.forChunks(List.copyOf(new LinkedHashSet<>(articleIds)), chunk -> {
            for (ArticleTopicEntity t : em.createQuery(
                            "from ArticleTopicEntity t where t.articleId in :a order by t.articleId, t.topic", ArticleTopicEntity.class)
                    .setParameter("a", chunk).getResultList()) {
                out.computeIfAbsent(t.articleId, k -> new ArrayList<>()).add(t);
            }
        });
        return out;
    }

    public List<ArticleRefEntity> refsOf(long articleId) {
        return em.createQuery("from ArticleRefEntity r where r.articleId = :a order by r.position", ArticleRefEntity.class)
                .setParameter("a", articleId).getResultList();
    }

    /**
     * What each Message-ID names now: absent when no such message is stored; with a null series when
     * the message is stored but no patch or cover letter of a revision is it or reached from it.
     */
    public Map<String, Target> resolve(Collection<String> messageIds) {
        Map<String, Target> out = new LinkedHashMap<>();
        Map<String, Set<String>> originsOf = new HashMap<>();
        for (String id : messageIds) {
            originsOf.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(id);
        }
        Set<String> visited = new HashSet<>();
        for (int depth = 0; depth <= MAX_THREAD_DEPTH && !originsOf.isEmpty(); depth++) {
            visited.addAll(originsOf.keySet());
            List<ThreadStep> rows = jdbc.listIn("SELECT message_id, id, in_reply_to, kind FROM message"
                    + " WHERE message_id IN ({in})", originsOf.keySet(), rs -> new ThreadStep(rs.getString("message_id"),
                    rs.getLong("id"), rs.getString("in_reply_to"), rs.getString("kind")));
            Map<Long, RevisionOf> revisionOf = revisionsOfMessages(rows.stream().map(ThreadStep::pk).toList());
            Map<String, Set<String>> next = new HashMap<>();
            for (ThreadStep row : rows) {
                String id = row.messageId();
                Set<String> origins = originsOf.get(id);
                if (depth == 0) {
                    out.put(id, new Target(id, row.kind(), null, null, null));
                }
                RevisionOf rev = revisionOf.get(row.pk());
                if (rev != null) {
                    for (String origin : origins) {
                        Target t = out.get(origin);
                        out.put(origin, new Target(origin, t.messageKind(), rev.seriesId(), rev.revisionId(), rev.version()));
                    }
                } else if (row.inReplyTo() != null && !POSTINGS.contains(row.kind()) && !visited.contains(row.inReplyTo())) {
                    next.computeIfAbsent(row.inReplyTo(), k -> new LinkedHashSet<>()).addAll(origins);
                }
            }
            originsOf = next;
        }
        return out;
    }

    /** A message met while following a thread: its Message-ID, primary key, parent's Message-ID and kind. */
    private record ThreadStep(String messageId, long pk, String inReplyTo, String kind) {
    }

    /** The revision a message is a patch or the cover letter of. */
    private record RevisionOf(long messagePk, long revisionId, long seriesId, int version) {
    }

    /** Per message primary key: the revision it is a patch or the cover letter of. */
    private Map<Long, RevisionOf> revisionsOfMessages(List<Long> pks) {
        Map<Long, RevisionOf> out = new HashMap<>();
        Jdbc.RowMapper<RevisionOf> revision = rs -> new RevisionOf(rs.getLong("message_pk"), rs.getLong("id"),
                rs.getLong("series_id"), rs.getInt("version"));
        Bulk.forChunks(pks, chunk -> {
            jdbc.listIn("SELECT p.message_pk, r.id, r.series_id, r.version FROM patch p JOIN revision r"
                    + " ON r.id = p.revision_id WHERE p.message_pk IN ({in})", chunk, revision)
                    .forEach(r -> out.put(r.messagePk(), r));
            jdbc.listIn("SELECT r.cover_message_pk AS message_pk, r.id, r.series_id, r.version FROM revision r"
                    + " WHERE r.cover_message_pk IN ({in})", chunk, revision).forEach(r -> out.put(r.messagePk(), r));
        });
        return out;
    }

    /**
     * The articles that refer to a series: to one of its patches or cover letters, or to a reply in
     * their threads. Newest first.
     */
    public List<ArticleEntity> mentioning(long seriesId) {
        // whether any article refers to a message at all: the first row answers, no count
        if (jdbc.list("SELECT article_id FROM article_ref WHERE kind = 'message' FETCH FIRST 1 ROWS ONLY", List.of(),
                rs -> rs.getLong("article_id")).isEmpty()) {
            return List.of();
        }
        List<Long> pks = new ArrayList<>(em.createQuery("select p.messagePk from PatchEntity p, RevisionEntity r"
                + " where p.revisionId = r.id and r.seriesId = :s", Long.class).setParameter("s", seriesId).getResultList());
        pks.addAll(em.createQuery("select r.coverMessagePk from RevisionEntity r where r.seriesId = :s"
                + " and r.coverMessagePk is not null", Long.class).setParameter("s", seriesId).getResultList());
        Set<String> ids = new LinkedHashSet<>();
        Bulk.forChunks(pks, chunk -> ids.addAll(em.createQuery(
                        "select m.messageId from MessageEntity m where m.id in :pks", String.class)
                .setParameter("pks", chunk).getResultList()));
        List<String> frontier = List.copyOf(ids);
        for (int depth = 0; depth < MAX_THREAD_DEPTH && !frontier.isEmpty(); depth++) {
            List<String> replies = new ArrayList<>();
            Bulk.forChunks(frontier, chunk -> replies.addAll(em.createQuery("select m.messageId from MessageEntity m"
                            + " where m.inReplyTo in :ids and m.kind not in :postings", String.class)
                    .setParameter("ids", chunk).setParameter("postings", POSTINGS).getResultList()));
            frontier = replies.stream().filter(ids::add).toList();
        }
        Set<Long> articleIds = new HashSet<>();
        Bulk.forChunks(List.copyOf(ids), chunk -> articleIds.addAll(em.createQuery("select distinct r.articleId"
                        + " from ArticleRefEntity r where r.kind = 'message' and r.value in :ids", Long.class)
                .setParameter("ids", chunk).getResultList()));
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from ArticleEntity a where a.id in :ids order by a.publishedAt desc nulls last, a.id desc",
                ArticleEntity.class).setParameter("ids", articleIds).getResultList();
    }
}
