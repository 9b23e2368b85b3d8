package dev.patchtrack.store;

import dev.patchtrack.core.model.EventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks on patches and cover letters: posted by CI systems, or derived from bots' replies and kept in
 * step with them by {@link #reconcileDerived}; each new or changed one with its event; read per message.
 */
@ApplicationScoped
public class CheckRepository {

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    @Inject
    KeptDocuments documents;

    @Inject
    Jdbc jdbc;

    /** What a check's event says it is on: a patch, or a revision through its cover letter. */
    private record Target(Long patchId, long revisionId, String about) {
    }

    /** Records a check on a patch with its {@code check-created} event, in the caller's transaction. */
    public CheckEntity add(PatchEntity patch, Long seriesId, String state, String context, String targetUrl,
                           String description, String by) {
        CheckEntity c = new CheckEntity();
        c.messagePk = patch.messagePk;
        c.state = state;
        c.context = Bulk.clip(context, 255);
        c.targetUrl = targetUrl == null ? null : Bulk.clip(targetUrl, 2000);
        c.description = description == null ? null : Bulk.clip(description, 2000);
        c.createdBy = Bulk.clip(by, 200);
        c.createdAt = Instant.now();
        EventEntity e = EventEntity.of(EventKind.CHECK_CREATED, seriesId, patch.revisionId, patch.id, null,
                "check " + c.context + ": " + state + " on " + patch.subject);
        em.persist(e);
        c.eventId = e.id;
        em.persist(c);
        dataVersion.bump();
        if (seriesId != null) {
            documents.forget(List.of(seriesId));
        }
        return c;
    }

    /**
     * A check a bot's message gives.
     *
     * @param sourcePk the bot's message
     * @param targetPk the message it reports on: a patch or a cover letter
     */
    public record DerivedRow(long sourcePk, long targetPk, Instant date, String by, String context, String state,
                             String targetUrl, String description, String rule) {
    }

    /**
     * Makes the checks derived from these bot messages match {@code desired}: a new one is added with a
     * {@code check-created} event, one whose state or description changed is updated with a
     * {@code check-changed} event, one its message no longer gives is dropped; the same rows twice change
     * nothing. Returns the events written.
     */
    public int reconcileDerived(Collection<Long> sourcePks, List<DerivedRow> desired) {
        Map<String, CheckEntity> stored = new HashMap<>();
        Bulk.forChunks(List.copyOf(sourcePks), chunk -> em.createQuery(
                        "from CheckEntity c where c.sourceMessagePk in :s", CheckEntity.class)
                .setParameter("s", chunk).getResultList().forEach(c -> stored.put(c.sourceMessagePk + " " + c.context, c)));
        int events = 0;
        for (DerivedRow d : desired) {
            CheckEntity c = stored.remove(d.sourcePk() + " " + d.context());
            String description = d.description() == null ? null : Bulk.clip(d.description(), 2000);
            if (c != null && c.messagePk == d.targetPk() && c.state.equals(d.state())
                    && java.util.Objects.equals(c.description, description)
                    && java.util.Objects.equals(c.targetUrl, d.targetUrl()) && java.util.Objects.equals(c.rule, d.rule())) {
                continue;
            }
            boolean created = c == null;
            if (created) {
                c = new CheckEntity();
                c.sourceMessagePk = d.sourcePk();
                c.context = Bulk.clip(d.context(), 255);
            }
            boolean changed = created || !c.state.equals(d.state()) || !java.util.Objects.equals(c.description, description);
            c.messagePk = d.targetPk();
            c.state = d.state();
            c.targetUrl = d.targetUrl() == null ? null : Bulk.clip(d.targetUrl(), 2000);
            c.description = description;
            c.createdBy = Bulk.clip(d.by(), 200);
            c.createdAt = d.date() == null ? Instant.now() : d.date();
            c.rule = d.rule() == null ? null : Bulk.clip(d.rule(), 500);
            if (changed) {
                EventEntity e = event(created ? EventKind.CHECK_CREATED : EventKind.CHECK_CHANGED, c);
                em.persist(e);
                c.eventId = e.id;
                events++;
            }
            if (created) {
                em.persist(c);
            }
        }
        stored.values().forEach(em::remove);
        if (events > 0 || !stored.isEmpty()) {
            dataVersion.bump();
        }
        return events;
    }

    /**
     * The event of a check on a patch (or on a revision's cover letter), with its series and revision, and
     * for a derived check the bot's message.
     */
    private EventEntity event(EventKind kind, CheckEntity c) {
        Target where = jdbc.list("SELECT id, revision_id, subject FROM patch WHERE message_pk = ?", List.of(c.messagePk),
                rs -> new Target(rs.getLong("id"), rs.getLong("revision_id"), rs.getString("subject"))).stream()
                .findFirst().or(() -> jdbc.list("SELECT id, title FROM revision WHERE cover_message_pk = ?",
                        List.of(c.messagePk), rs -> new Target(null, rs.getLong("id"), rs.getString("title"))).stream()
                        .findFirst()).orElse(null);
        Long patchId = where == null ? null : where.patchId();
        Long revisionId = where == null ? null : where.revisionId();
        String about = where == null ? "message " + c.messagePk : where.about();
        Long seriesId = revisionId == null ? null : em.find(RevisionEntity.class, revisionId).seriesId;
        String source = c.sourceMessagePk == null ? null : em.find(MessageEntity.class, c.sourceMessagePk).messageId;
        return EventEntity.of(kind, seriesId, revisionId, patchId, source,
                "check " + c.context + ": " + c.state + " on " + about);
    }

    /** The checks of a patch's message, oldest first. */
    public List<CheckEntity> of(long messagePk) {
        return em.createQuery("from CheckEntity c where c.messagePk = :m order by c.id", CheckEntity.class)
                .setParameter("m", messagePk).getResultList();
    }

    public Optional<CheckEntity> find(long id) {
        return Optional.ofNullable(em.find(CheckEntity.class, id));
    }

    /** The checks of each of these messages, oldest first. */
    public Map<Long, List<CheckEntity>> ofMessages(Collection<Long> messagePks) {
        Map<Long, List<CheckEntity>> out = new HashMap<>();
        Bulk.forChunks(List.copyOf(messagePks), chunk -> {
            for (CheckEntity c : em.createQuery("from CheckEntity c where c.messagePk in :m order by c.id", CheckEntity.class)
                    .setParameter("m", chunk).getResultList()) {
                out.computeIfAbsent(c.messagePk, k -> new java.util.ArrayList<>()).add(c);
            }
        });
        return out;
    }

    /**
     * {@link #ofMessages} for showing: plain SQL, each row a {@link CheckEntity} made for the reading,
     * not managed (a view asks for the checks of every patch of a series).
     */
    public Map<Long, List<CheckEntity>> shownOn(Collection<Long> messagePks) {
        Map<Long, List<CheckEntity>> out = new HashMap<>();
        jdbc.listIn("SELECT id, message_pk, state, context, target_url, description, created_by, created_at, event_id,"
                + " source_message_pk, rule FROM patch_check WHERE message_pk IN ({in}) ORDER BY id",
                messagePks.stream().distinct().toList(), rs -> {
                    CheckEntity c = new CheckEntity();
                    c.id = rs.getLong("id");
                    c.messagePk = rs.getLong("message_pk");
                    c.state = rs.getString("state");
                    c.context = rs.getString("context");
                    c.targetUrl = rs.getString("target_url");
                    c.description = rs.getString("description");
                    c.createdBy = rs.getString("created_by");
                    c.createdAt = Jdbc.instant(rs, "created_at");
                    c.eventId = Jdbc.nullableLong(rs, "event_id");
                    c.sourceMessagePk = Jdbc.nullableLong(rs, "source_message_pk");
                    c.rule = rs.getString("rule");
                    return c;
                }).forEach(c -> out.computeIfAbsent(c.messagePk, k -> new java.util.ArrayList<>()).add(c));
        return out;
    }

    /** The checks created by these events. */
    public Map<Long, CheckEntity> byEvents(Collection<Long> eventIds) {
        Map<Long, CheckEntity> out = new HashMap<>();
        Bulk.forChunks(List.copyOf(eventIds), chunk -> {
            for (CheckEntity c : em.createQuery("from CheckEntity c where c.eventId in :e", CheckEntity.class)
                    .setParameter("e", chunk).getResultList()) {
                out.put(c.eventId, c);
            }
        });
        return out;
    }
}
