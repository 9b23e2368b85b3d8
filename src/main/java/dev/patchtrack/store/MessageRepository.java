package dev.patchtrack.store;

import dev.patchtrack.core.mail.SyntheticId;
import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.model.Problem;
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

    @Inject
    Jdbc jdbc;

    @Inject
    KeptDocuments documents;

    /** A stored message as a batch being stored compares its mail with: by Message-ID, then by bytes. */
    private record Kept(String messageId, String sha256, long pk) {
    }

    /** A message's stored problems (encoded). */
    private record Problems(long pk, String problems) {
    }

    /** A message filed under a list. */
    private record Listed(long pk, long listId) {
    }

    /** A message's stored facts (JSON). */
    private record Facts(long pk, String json) {
    }

    private static final String MESSAGE_SEQ = "message_seq";
    /** The sequence's increment (V1) and the entity's allocation size. */
    private static final int MESSAGE_SEQ_BLOCK = 50;
    /** SQL types of the message row's nullable columns, for NULLs. */
    private static final int[] MESSAGE_TYPES = {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.BOOLEAN,
        java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.BIGINT, java.sql.Types.TIMESTAMP_WITH_TIMEZONE,
        java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.INTEGER, java.sql.Types.BINARY,
        java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.BOOLEAN, java.sql.Types.BOOLEAN,
        java.sql.Types.TIMESTAMP_WITH_TIMEZONE};

    /**
     * A message to store.
     *
     * @param mail  what the mail reader read
     * @param facts what the analyser found; null when the mail is unreadable
     * @param raw   the bytes exactly as received
     */
    public record NewMessage(ParsedMail mail, MailFacts facts, byte[] raw) {
    }

    /**
     * What became of one message of a batch: stored; a duplicate (already stored with the same bytes, or
     * a copy with other bytes already kept); or a copy (the Message-ID is stored with other bytes: the
     * same mail delivered again, kept aside as a copy of the stored message, not as a message).
     */
    public enum Fate {
        STORED, DUPLICATE, COPY;

        /** Counted as a duplicate in an import's summary: not a new message. */
        public boolean duplicate() {
            return this != STORED;
        }
    }

    /**
     * The outcome of one message: its fate, the Message-ID it is stored under, and whether it was
     * newly filed under the list (a duplicate cross-posted to another list is).
     */
    public record Outcome(Fate fate, String storedAs, boolean newlyListed) {
    }

    /**
     * A message with the work that needs no database done: its hash, its compressed bytes, its facts
     * as JSON and its link keys. Made before the transaction (on another thread, when the caller
     * pipelines), so that storing is only writing.
     */
    public record Encoded(NewMessage message, String sha256, byte[] compressed, String factsJson, Set<Long> keys) {

        public static Encoded of(NewMessage m) {
            MailFacts f = m.facts();
            return new Encoded(m, RawCodec.sha256(m.raw()), RawCodec.compress(m.raw()),
                    f == null ? null : FactsCodec.write(f), f == null ? null : LinkKeys.of(f));
        }
    }

    /** {@link #storeEncoded(List, Long, List)} with no input offsets. */
    public List<Outcome> storeEncoded(List<Encoded> batch, Long listId) {
        return storeEncoded(batch, listId, null);
    }

    /** The problem recorded on a stored message when a copy of it with other bytes is received. */
    static Problem copyProblem(String sha256, int size) {
        return Problem.of(Problem.Code.COPY, "a copy with other bytes was received (" + size + " bytes, sha256 "
                + sha256.substring(0, 16) + "): the same Message-ID delivered again, kept as a copy of this message");
    }

    /**
     * Stores a batch in the caller's transaction. A message whose Message-ID is already stored with
     * the same bytes is a duplicate (it only gains the list). The same Message-ID with other bytes is
     * the same mail delivered again (a list footer, re-sent headers): it is a duplicate too, its bytes
     * are kept once in {@code message_copy} with where they came from, and the stored message gains a
     * problem saying so; it never becomes a message of its own. So a second import of the same file
     * still changes nothing. Rows are written with plain JDBC batches (the entities read the same
     * tables); ids come from the entities' sequence, in the blocks Hibernate's pooled optimizer uses,
     * so both can write.
     *
     * @param offsets where each message was read in its input (null, or null entries: unknown)
     */
    public List<Outcome> storeEncoded(List<Encoded> batch, Long listId, List<Long> offsets) {
        Set<String> lookup = new LinkedHashSet<>();
        for (Encoded m : batch) {
            lookup.add(m.message().mail().messageId());
            // rows an earlier version stored under a synthetic id for a reused Message-ID
            lookup.add(syntheticId(m.sha256()));
        }
        Map<String, Kept> existing = new HashMap<>();
        jdbc.listIn("SELECT message_id, raw_sha256, id FROM message WHERE message_id IN ({in})", lookup,
                rs -> new Kept(rs.getString("message_id"), rs.getString("raw_sha256"), rs.getLong("id")))
                .forEach(k -> existing.put(k.messageId(), k));
        // the copies already kept of the stored messages that this batch brings other bytes for
        List<Long> withOtherBytes = new ArrayList<>();
        for (Encoded m : batch) {
            Kept prior = existing.get(m.message().mail().messageId());
            if (prior != null && !m.sha256().equals(prior.sha256())) {
                withOtherBytes.add(prior.pk());
            }
        }
        Set<String> copies = new HashSet<>(jdbc.listIn("SELECT message_pk, raw_sha256 FROM message_copy"
                + " WHERE message_pk IN ({in})", withOtherBytes.stream().distinct().toList(),
                rs -> rs.getLong("message_pk") + ":" + rs.getString("raw_sha256")));

        List<Address> addresses = new ArrayList<>();
        Map<Address, java.time.Instant> spokeAt = new HashMap<>();
        for (Encoded m : batch) {
            addresses.add(m.message().mail().from());
            // the name a person signs their own postings with (not a reply's mail client name), newest first
            MailFacts f = m.message().facts();
            if (f != null && f.from() != null && f.from().name() != null && f.date() != null
                    && (f.kind() == MessageKind.PATCH || f.kind() == MessageKind.COVER || f.kind() == MessageKind.PULL)) {
                addresses.add(f.from());
                spokeAt.merge(f.from(), f.date(), (x, y) -> y.isAfter(x) ? y : x);
            }
        }
        Map<String, Long> people = persons.resolve(addresses, spokeAt);
        // new people (and a new list) are rows the messages refer to
        em.flush();

        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Long> listed = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Map<Long, Object[]> rowByPk = new HashMap<>();
        List<Object[]> copyRows = new ArrayList<>();
        Map<Long, List<Problem>> copyProblems = new LinkedHashMap<>();
        Map<Long, Set<Long>> keys = new HashMap<>();
        Jdbc.Ids ids = jdbc.ids(MESSAGE_SEQ, MESSAGE_SEQ_BLOCK);
        java.time.OffsetDateTime now = Jdbc.utc(Instant.now());
        for (int i = 0; i < batch.size(); i++) {
            Encoded enc = batch.get(i);
            NewMessage m = enc.message();
            String h = enc.sha256();
            String id = m.mail().messageId();
            Kept prior = existing.get(id);
            if (prior == null) {
                Kept legacy = existing.get(syntheticId(h));
                if (legacy != null && h.equals(legacy.sha256())) {
                    prior = legacy;
                    id = legacy.messageId();
                }
            }
            if (prior != null && !h.equals(prior.sha256())) {
                long keptPk = prior.pk();
                if (copies.add(keptPk + ":" + h)) {
                    copyRows.add(new Object[] {keptPk, h, m.raw().length, enc.compressed(), listId,
                        offsets == null ? null : offsets.get(i), now});
                    copyProblems.computeIfAbsent(keptPk, k -> new ArrayList<>()).add(copyProblem(h, m.raw().length));
                    outcomes.add(new Outcome(Fate.COPY, id, false));
                } else {
                    outcomes.add(new Outcome(Fate.DUPLICATE, id, false));
                }
                listed.add(keptPk);
                continue;
            }
            if (prior != null) {
                outcomes.add(new Outcome(Fate.DUPLICATE, id, false));
                listed.add(prior.pk());
                continue;
            }
            MailFacts facts = m.facts();
            String factsJson = enc.factsJson();
            Set<Long> messageKeys = enc.keys();
            List<Problem> problems = new ArrayList<>(m.mail().problems());
            if (facts != null) {
                for (Problem p : facts.problems()) {
                    if (!problems.contains(p)) {
                        problems.add(p);
                    }
                }
            }
            long pk = ids.next();
            String parent = m.mail().parent();
            Object[] row = new Object[] {
                pk,
                Bulk.clip(id, 1000),
                m.mail().syntheticId(),
                facts == null ? MessageKind.OTHER.wireName() : facts.kind().wireName(),
                Bulk.clip(m.mail().subject() == null ? "" : m.mail().subject(), 2000),
                people.get(m.mail().from().key()),
                Jdbc.utc(m.mail().date()),
                parent == null ? null : Bulk.clip(parent, 1000),
                h,
                m.raw().length,
                enc.compressed(),
                factsJson,
                Problem.encode(problems),
                m.mail().readable(),
                false,
                now};
            rows.add(row);
            rowByPk.put(pk, row);
            if (messageKeys != null) {
                keys.put(pk, messageKeys);
            }
            existing.put(id, new Kept(id, h, pk));
            outcomes.add(new Outcome(Fate.STORED, id, false));
            listed.add(pk);
        }
        // copies of messages stored in this batch: the problem goes into the row about to be written
        List<Long> storedBefore = new ArrayList<>();
        for (Map.Entry<Long, List<Problem>> e : copyProblems.entrySet()) {
            Object[] row = rowByPk.get(e.getKey());
            if (row == null) {
                storedBefore.add(e.getKey());
            } else {
                row[12] = appendProblems((String) row[12], e.getValue());
            }
        }
        jdbc.batch("INSERT INTO message (id, message_id, synthetic_id, kind, subject, from_person_id, sent_at,"
                + " in_reply_to, raw_sha256, raw_size, raw, facts, problems, readable, deleted, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, MESSAGE_TYPES);
        if (!copyRows.isEmpty()) {
            jdbc.batch("INSERT INTO message_copy (message_pk, raw_sha256, raw_size, raw, list_id, source_offset,"
                    + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", copyRows, COPY_TYPES);
            Map<Long, String> current = new HashMap<>();
            jdbc.listIn("SELECT id, problems FROM message WHERE id IN ({in})", storedBefore,
                    rs -> new Problems(rs.getLong("id"), rs.getString("problems")))
                    .forEach(p -> current.put(p.pk(), p.problems()));
            List<Object[]> updates = new ArrayList<>();
            for (Long pk : storedBefore) {
                updates.add(new Object[] {appendProblems(current.get(pk), copyProblems.get(pk)), pk});
            }
            jdbc.batch("UPDATE message SET problems = ? WHERE id = ?", updates,
                    new int[] {java.sql.Types.VARCHAR, java.sql.Types.BIGINT});
        }
        linkKeys.insert(keys);
        // a message stored just now cannot be pending yet; only known ones newly listed are looked up
        Set<Long> fresh = new HashSet<>(keys.keySet());
        Set<Long> known = new HashSet<>();
        if (listId != null) {
            Set<Long> stored = new HashSet<>();
            for (Object[] row : rows) {
                stored.add((Long) row[0]);
            }
            Set<Long> added = addToList(listed, stored, listId);
            for (Long pk : added) {
                (stored.contains(pk) ? fresh : known).add(pk);
            }
            for (int i = 0; i < outcomes.size(); i++) {
                if (added.contains(listed.get(i))) {
                    Outcome o = outcomes.get(i);
                    outcomes.set(i, new Outcome(o.fate(), o.storedAs(), true));
                }
            }
        }
        linkKeys.addPending(fresh);
        linkKeys.markPending(known);
        // mail stored, a copy kept or a message filed under one more list; a batch of duplicates leaves
        // every answer as it was, so their validators stay (a poller's next request is still a 304)
        if (!rows.isEmpty() || !copyRows.isEmpty() || !known.isEmpty()) {
            dataVersion.bump();
            // their details name their lists and the problems of their copies
            Set<Long> changed = new HashSet<>(known);
            if (!copyRows.isEmpty()) {
                changed.addAll(storedBefore);
            }
            documents.forgetMessages(changed);
        }
        return outcomes;
    }

    /** SQL types of the copy row's columns, for NULLs. */
    private static final int[] COPY_TYPES = {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.INTEGER,
        java.sql.Types.BINARY, java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.TIMESTAMP_WITH_TIMEZONE};

    /** The stored problems with more after them; the lines already stored are kept as they are. */
    private static String appendProblems(String problems, List<Problem> more) {
        String added = Problem.encode(more);
        if (problems == null || problems.isEmpty()) {
            return added;
        }
        return added == null ? problems : problems + "\n" + added;
    }

    /**
     * Marks the stored copy of a message deleted (public-inbox's {@code d} blob: the removed mail,
     * byte for byte). The message is kept; it only leaves series and listings. A deletion of bytes kept
     * as a copy of a message removes that copy and leaves the message as it is. Returns how many
     * message rows changed: 0 when it was never stored, is already deleted, or was a copy.
     */
    public int markDeleted(String messageId, byte[] raw) {
        String h = RawCodec.sha256(raw);
        // syntheticId(h): a row an earlier version stored under it for a reused Message-ID
        List<String> ids = List.of(messageId, syntheticId(h));
        em.createNativeQuery("DELETE FROM message_copy WHERE raw_sha256 = ?1 AND message_pk IN"
                        + " (SELECT id FROM message WHERE message_id = ?2)")
                .setParameter(1, h).setParameter(2, messageId).executeUpdate();
        int n = em.createQuery("update MessageEntity m set m.deleted = true where m.rawSha256 = :h"
                        + " and m.messageId in :ids and m.deleted = false")
                .setParameter("h", h).setParameter("ids", ids).executeUpdate();
        if (n > 0) {
            dataVersion.bump();
            documents.forgetMessages(jdbc.listIn("SELECT id FROM message WHERE message_id IN ({in})", ids,
                    rs -> rs.getLong("id")));
        }
        return n;
    }

    /**
     * Files messages under a list; returns those that were not filed there before. Messages in
     * {@code fresh} were stored in this transaction and cannot be filed yet; the others are looked up
     * by message (the primary key's first column: a list's rows can be most of the table).
     */
    private Set<Long> addToList(List<Long> messagePks, Set<Long> fresh, long listId) {
        Set<Long> already = new HashSet<>();
        List<Long> distinct = messagePks.stream().distinct().toList();
        List<Long> known = distinct.stream().filter(pk -> !fresh.contains(pk)).toList();
        jdbc.listIn("SELECT message_pk, list_id FROM message_list WHERE message_pk IN ({in})", known,
                rs -> new Listed(rs.getLong("message_pk"), rs.getLong("list_id"))).forEach(l -> {
                    if (l.listId() == listId) {
                        already.add(l.pk());
                    }
                });
        Set<Long> added = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        for (Long pk : distinct) {
            if (!already.contains(pk)) {
                rows.add(new Object[] {pk, listId});
                added.add(pk);
            }
        }
        jdbc.batch("INSERT INTO message_list (message_pk, list_id) VALUES (?, ?)", rows, null);
        return added;
    }

    /**
     * The id a message with no Message-ID is stored under, derived from its bytes (the mail reader
     * gives the same one). Mail that reuses a stored Message-ID is kept as a copy, never under this id.
     */
    public static String syntheticId(String sha256Hex) {
        return SyntheticId.ofSha256(sha256Hex);
    }

    /** The facts of every readable, not deleted message, with its primary key, in id order. */
    public void forEachFacts(java.util.function.BiConsumer<Long, MailFacts> sink) {
        long after = -1;
        while (true) {
            List<Facts> rows = jdbc.list("SELECT id, facts FROM message WHERE id > ? AND facts IS NOT NULL"
                    + " AND deleted = FALSE ORDER BY id FETCH FIRST 2000 ROWS ONLY", List.of(after), MessageRepository::facts);
            if (rows.isEmpty()) {
                return;
            }
            for (Facts row : rows) {
                sink.accept(row.pk(), FactsCodec.read(row.json()));
                after = row.pk();
            }
            em.clear();
        }
    }

    /** A stored message's identity and raw bytes, for analysing it again. */
    public record Stored(long pk, String messageId, byte[] raw) {
    }

    /** Up to {@code limit} readable, not deleted messages with primary keys above {@code after}, in id order. */
    public List<Stored> readablePage(long after, int limit) {
        List<Stored> out = jdbc.list("SELECT id, message_id, raw, raw_size FROM message WHERE id > ? AND facts IS NOT NULL"
                + " AND deleted = FALSE ORDER BY id FETCH FIRST " + limit + " ROWS ONLY", List.of(after),
                rs -> new Stored(rs.getLong("id"), rs.getString("message_id"), raw(rs)));
        em.clear();
        return out;
    }

    /** Replaces the stored facts of messages analysed again. */
    public void updateFacts(Map<Long, MailFacts> facts) {
        List<Object[]> rows = new ArrayList<>(facts.size());
        facts.forEach((pk, f) -> rows.add(new Object[] {FactsCodec.write(f), pk}));
        jdbc.batch("UPDATE message SET facts = ? WHERE id = ?", rows, new int[] {java.sql.Types.VARCHAR, java.sql.Types.BIGINT});
    }

    /** The facts of the given messages that are readable and not deleted, with their primary keys. */
    public void forFacts(Collection<Long> pks, java.util.function.BiConsumer<Long, MailFacts> sink) {
        Bulk.forChunks(pks.stream().distinct().sorted().toList(), chunk -> jdbc.listIn("SELECT id, facts FROM message"
                + " WHERE id IN ({in}) AND facts IS NOT NULL AND deleted = FALSE", chunk, MessageRepository::facts)
                .forEach(f -> sink.accept(f.pk(), FactsCodec.read(f.json()))));
    }

    /** The Message-IDs of these messages. */
    public List<String> idsOf(Collection<Long> pks) {
        return jdbc.listIn("SELECT message_id FROM message WHERE id IN ({in})", pks.stream().distinct().toList(),
                rs -> rs.getString("message_id"));
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
        jdbc.listIn("SELECT id, raw, raw_size FROM message WHERE id IN ({in})",
                pks.stream().filter(java.util.Objects::nonNull).distinct().toList(),
                rs -> Map.entry(rs.getLong("id"), raw(rs))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Names of the lists a message was posted to, sorted. */
    public List<String> listNames(long messagePk) {
        return jdbc.list("SELECT l.name FROM message_list ml JOIN mailing_list l ON l.id = ml.list_id"
                + " WHERE ml.message_pk = ? ORDER BY l.name", List.of(messagePk), rs -> rs.getString("name"));
    }

    /**
     * A message as its detail shows it, without its raw bytes, and with its facts only when it is a pull
     * request (the one kind whose detail reads them): a row made for the reading, not managed.
     */
    public Optional<MessageEntity> shown(String messageId) {
        return jdbc.list("SELECT id, message_id, synthetic_id, kind, subject, from_person_id, sent_at, in_reply_to,"
                + " raw_sha256, raw_size, CASE WHEN kind = ? THEN facts END AS facts, problems, readable, deleted,"
                + " received_at FROM message WHERE message_id = ?", List.of(MessageKind.PULL.wireName(), messageId), rs -> {
                    MessageEntity m = new MessageEntity();
                    m.id = rs.getLong("id");
                    m.messageId = rs.getString("message_id");
                    m.syntheticId = rs.getBoolean("synthetic_id");
                    m.kind = rs.getString("kind");
                    m.subject = rs.getString("subject");
                    m.fromPersonId = Jdbc.nullableLong(rs, "from_person_id");
                    m.sentAt = Jdbc.instant(rs, "sent_at");
                    m.inReplyTo = rs.getString("in_reply_to");
                    m.rawSha256 = rs.getString("raw_sha256");
                    m.rawSize = rs.getInt("raw_size");
                    m.facts = rs.getString("facts");
                    m.problems = rs.getString("problems");
                    m.readable = rs.getBoolean("readable");
                    m.deleted = rs.getBoolean("deleted");
                    m.receivedAt = Jdbc.instant(rs, "received_at");
                    return m;
                }).stream().findFirst();
    }

    private static Facts facts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Facts(rs.getLong("id"), rs.getString("facts"));
    }

    /** The original bytes of a row that selects a message's {@code raw} and {@code raw_size}. */
    private static byte[] raw(java.sql.ResultSet rs) throws java.sql.SQLException {
        return RawCodec.decompress(rs.getBytes("raw"), rs.getInt("raw_size"));
    }

    /** The original bytes of a stored message. */
    public byte[] raw(MessageEntity m) {
        return RawCodec.decompress(m.raw, m.rawSize);
    }

    public long count() {
        return MessageEntity.count();
    }
}
