package dev.patchtrack.store;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.series.LinkKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Messages: raw bytes, facts, and the lists they were posted to. */
@ApplicationScoped
public class MessageRepository {

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    @Inject
    PersonRepository persons;

    @Inject
    LinkKeyRepository linkKeys;

    /**
     * A message to store.
     *
     * @param mail  what the mail reader read
     * @param facts what the analyser found; null when the mail is unreadable
     * @param raw   the bytes exactly as received
     */
    public record NewMessage(ParsedMail mail, MailFacts facts, byte[] raw) {
    }

    /** What became of one message of a batch. */
    public enum Fate { STORED, DUPLICATE }

    /**
     * The outcome of one message: its fate, the Message-ID it is stored under, and whether it was
     * newly filed under the list (a duplicate cross-posted to another list is).
     */
    public record Outcome(Fate fate, String storedAs, boolean newlyListed) {
    }

    /**
     * Stores a batch in the caller's transaction. A message whose Message-ID is already stored with
     * the same bytes is a duplicate (it only gains the list); the same Message-ID with other bytes is
     * kept under a synthetic id derived from its bytes, so nothing is lost and a second import of the
     * same file still changes nothing.
     */
    public List<Outcome> storeBatch(List<NewMessage> batch, Long listId) {
        // by identity: a record's hashCode would hash every message's whole body
        Map<NewMessage, String> sha = new java.util.IdentityHashMap<>();
        Set<String> lookup = new LinkedHashSet<>();
        for (NewMessage m : batch) {
            String h = RawCodec.sha256(m.raw());
            sha.put(m, h);
            lookup.add(m.mail().messageId());
            lookup.add(syntheticId(h));
        }
        Map<String, Object[]> existing = new HashMap<>();
        Bulk.forChunks(List.copyOf(lookup), chunk -> {
            for (Object[] row : em.createQuery(
                            "select m.messageId, m.rawSha256, m.id from MessageEntity m where m.messageId in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()) {
                existing.put((String) row[0], row);
            }
        });

        List<Address> addresses = new ArrayList<>();
        for (NewMessage m : batch) {
            addresses.add(m.mail().from());
        }
        Map<String, Long> people = persons.resolve(addresses);

        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Long> listed = new ArrayList<>();
        Map<Long, Set<Long>> keys = new HashMap<>();
        Instant now = Instant.now();
        for (NewMessage m : batch) {
            String h = sha.get(m);
            String id = m.mail().messageId();
            Object[] prior = existing.get(id);
            String problemPrefix = null;
            if (prior != null && !h.equals(prior[1])) {
                problemPrefix = "Message-ID <" + id + "> is reused by different mail; stored as <" + syntheticId(h) + ">";
                id = syntheticId(h);
                prior = existing.get(id);
            }
            if (prior != null) {
                outcomes.add(new Outcome(Fate.DUPLICATE, id, false));
                listed.add((Long) prior[2]);
                continue;
            }
            MessageEntity e = new MessageEntity();
            e.messageId = Bulk.clip(id, 1000);
            MailFacts facts = m.facts();
            if (facts != null && !facts.messageId().equals(id)) {
                facts = withId(facts, id);
            }
            e.syntheticId = m.mail().syntheticId() || problemPrefix != null;
            e.kind = facts == null ? MessageKind.OTHER.wireName() : facts.kind().wireName();
            e.subject = Bulk.clip(m.mail().subject() == null ? "" : m.mail().subject(), 2000);
            e.fromPersonId = people.get(m.mail().from().key());
            e.sentAt = m.mail().date();
            String parent = m.mail().parent();
            e.inReplyTo = parent == null ? null : Bulk.clip(parent, 1000);
            e.rawSha256 = h;
            e.rawSize = m.raw().length;
            e.raw = RawCodec.compress(m.raw());
            e.facts = facts == null ? null : FactsCodec.write(facts);
            List<String> problems = new ArrayList<>(m.mail().problems());
            if (facts != null) {
                for (String p : facts.problems()) {
                    if (!problems.contains(p)) {
                        problems.add(p);
                    }
                }
            }
            if (problemPrefix != null) {
                problems.add(0, problemPrefix);
            }
            e.problems = problems.isEmpty() ? null : String.join("\n", problems);
            e.readable = m.mail().readable();
            e.deleted = false;
            e.receivedAt = now;
            em.persist(e);
            if (facts != null) {
                keys.put(e.id, LinkKeys.of(facts));
            }
            existing.put(id, new Object[] {id, h, e.id});
            outcomes.add(new Outcome(Fate.STORED, id, false));
            listed.add(e.id);
        }
        linkKeys.insert(keys);
        Set<Long> changed = new HashSet<>(keys.keySet());
        if (listId != null) {
            Set<Long> added = addToList(listed, listId);
            changed.addAll(added);
            for (int i = 0; i < outcomes.size(); i++) {
                if (added.contains(listed.get(i))) {
                    Outcome o = outcomes.get(i);
                    outcomes.set(i, new Outcome(o.fate(), o.storedAs(), true));
                }
            }
        }
        linkKeys.markPending(changed);
        dataVersion.bump();
        return outcomes;
    }

    /**
     * Marks the stored copy of a message deleted (public-inbox's {@code d} blob: the removed mail,
     * byte for byte). The message is kept; it only leaves series and listings. Returns how many rows
     * changed: 0 when it was never stored or is already deleted.
     */
    public int markDeleted(String messageId, byte[] raw) {
        String h = RawCodec.sha256(raw);
        int n = em.createQuery("update MessageEntity m set m.deleted = true where m.rawSha256 = :h"
                        + " and m.messageId in :ids and m.deleted = false")
                .setParameter("h", h).setParameter("ids", List.of(messageId, syntheticId(h))).executeUpdate();
        if (n > 0) {
            dataVersion.bump();
        }
        return n;
    }

    /** Files messages under a list; returns those that were not filed there before. */
    private Set<Long> addToList(List<Long> messagePks, long listId) {
        Set<Long> already = new HashSet<>();
        List<Long> distinct = messagePks.stream().distinct().toList();
        Bulk.forChunks(distinct, chunk -> already.addAll(em.createQuery(
                        "select ml.messagePk from MessageList ml where ml.listId = :list and ml.messagePk in :pks", Long.class)
                .setParameter("list", listId).setParameter("pks", chunk).getResultList()));
        Set<Long> added = new HashSet<>();
        for (Long pk : distinct) {
            if (!already.contains(pk)) {
                em.persist(MessageList.of(pk, listId));
                added.add(pk);
            }
        }
        return added;
    }

    /** The id a message is stored under when it has none, or reuses one: derived from its bytes. */
    public static String syntheticId(String sha256Hex) {
        return "patchtrack." + sha256Hex.substring(0, 32) + "@synthetic";
    }

    private static MailFacts withId(MailFacts f, String id) {
        return new MailFacts(id, true, f.kind(), f.tags(), f.from(), f.author(), f.date(), f.inReplyTo(),
                f.references(), f.listIds(), f.diff(), f.trailers(), f.changeId(), f.bodyVersion(),
                f.earlierVersionIds(), f.dependsOn(), f.problems(), f.namedPatches(), f.namedTitles(), f.applied(),
                f.pull(), f.asksForChanges());
    }

    /** The facts of every readable, not deleted message, with its primary key, in id order. */
    public void forEachFacts(java.util.function.BiConsumer<Long, MailFacts> sink) {
        long after = -1;
        while (true) {
            List<Object[]> rows = em.createQuery(
                            "select m.id, m.facts from MessageEntity m where m.id > :after and m.facts is not null"
                                    + " and m.deleted = false order by m.id", Object[].class)
                    .setParameter("after", after).setMaxResults(2000).getResultList();
            if (rows.isEmpty()) {
                return;
            }
            for (Object[] row : rows) {
                sink.accept((Long) row[0], FactsCodec.read((String) row[1]));
                after = (Long) row[0];
            }
            em.clear();
        }
    }

    /** The facts of the given messages that are readable and not deleted, with their primary keys. */
    public void forFacts(Collection<Long> pks, java.util.function.BiConsumer<Long, MailFacts> sink) {
        Bulk.forChunks(pks.stream().distinct().sorted().toList(), chunk -> {
            for (Object[] row : em.createQuery("select m.id, m.facts from MessageEntity m where m.id in :ids"
                            + " and m.facts is not null and m.deleted = false", Object[].class)
                    .setParameter("ids", chunk).getResultList()) {
                sink.accept((Long) row[0], FactsCodec.read((String) row[1]));
            }
        });
    }

    /** The Message-IDs of these messages. */
    public List<String> idsOf(Collection<Long> pks) {
        List<String> out = new ArrayList<>();
        Bulk.forChunks(pks.stream().distinct().toList(), chunk -> out.addAll(em.createQuery(
                "select m.messageId from MessageEntity m where m.id in :ids", String.class).setParameter("ids", chunk)
                .getResultList()));
        return out;
    }

    /** Message-ID to primary key for every stored message. */
    public Map<String, Long> allIds() {
        Map<String, Long> out = new HashMap<>();
        for (Object[] row : em.createQuery("select m.messageId, m.id from MessageEntity m", Object[].class).getResultList()) {
            out.put((String) row[0], (Long) row[1]);
        }
        return out;
    }

    public Optional<MessageEntity> findByMessageId(String messageId) {
        return MessageEntity.find("messageId", messageId).firstResultOptional();
    }

    public Map<Long, MessageEntity> byIds(Collection<Long> ids) {
        Map<Long, MessageEntity> out = new HashMap<>();
        List<Long> list = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Bulk.forChunks(list, chunk -> {
            for (MessageEntity m : em.createQuery("from MessageEntity where id in :ids", MessageEntity.class)
                    .setParameter("ids", chunk).getResultList()) {
                out.put(m.id, m);
            }
        });
        return out;
    }

    /** The original bytes of the given messages, by primary key. */
    public Map<Long, byte[]> rawByPks(Collection<Long> pks) {
        Map<Long, byte[]> out = new HashMap<>();
        Bulk.forChunks(pks.stream().filter(java.util.Objects::nonNull).distinct().toList(), chunk -> {
            for (Object[] row : em.createQuery("select m.id, m.raw, m.rawSize from MessageEntity m where m.id in :ids",
                    Object[].class).setParameter("ids", chunk).getResultList()) {
                out.put((Long) row[0], RawCodec.decompress((byte[]) row[1], (Integer) row[2]));
            }
        });
        return out;
    }

    /** Names of the lists a message was posted to, sorted. */
    public List<String> listNames(long messagePk) {
        return em.createQuery("select l.name from MessageList ml, MailingList l where ml.listId = l.id"
                        + " and ml.messagePk = :pk order by l.name", String.class)
                .setParameter("pk", messagePk).getResultList();
    }

    /** The original bytes of a stored message. */
    public byte[] raw(MessageEntity m) {
        return RawCodec.decompress(m.raw, m.rawSize);
    }

    public long count() {
        return MessageEntity.count();
    }
}
