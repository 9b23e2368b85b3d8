package dev.patchtrack.store;

import dev.patchtrack.core.push.LogCursor;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Webhook subscriptions and their deliveries. Every change that two instances could race on is one
 * conditional statement or runs under the subscription's row lock, so an event gets one delivery row
 * per subscription and a delivery is sent by one instance at a time.
 */
@ApplicationScoped
public class Webhooks {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Jdbc jdbc;

    /** How many deliveries are in a status. */
    private record StatusCount(String status, long count) {
    }

    public void persist(WebhookEntity w) {
        em.persist(w);
    }

    public Optional<WebhookEntity> find(long id) {
        return Optional.ofNullable(em.find(WebhookEntity.class, id));
    }

    /** The subscriptions a token made, oldest first. */
    public List<WebhookEntity> owned(String owner) {
        return em.createQuery("from WebhookEntity w where w.owner = :o order by w.id", WebhookEntity.class)
                .setParameter("o", owner).getResultList();
    }

    /** Removes a subscription with its deliveries. */
    public void delete(WebhookEntity w) {
        em.createQuery("delete from WebhookDeliveryEntity d where d.webhookId = :w").setParameter("w", w.id).executeUpdate();
        em.remove(w);
    }

    /**
     * Ids of the active subscriptions, read on a connection of its own outside any transaction: the
     * worker's first look each round, so that a store closed under the service fails it with the
     * database's own error (a transaction would only say that it could not enlist the connection).
     */
    public List<Long> activeIds() {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM webhook WHERE active = TRUE ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong("id"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the webhook subscriptions: " + e.getMessage(), e);
        }
        return out;
    }

    /** The subscription, locked until the transaction ends: the one instance that moves its cursor now. */
    public Optional<WebhookEntity> lock(long id) {
        return Optional.ofNullable(em.find(WebhookEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The ids (and times) of the first {@code limit} events after {@code cursor}, whatever their kind. */
    public List<LogCursor.Seen> eventsAfter(long cursor, int limit) {
        return jdbc.list("SELECT id, created_at FROM event WHERE id > ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                List.of(cursor), rs -> new LogCursor.Seen(rs.getLong("id"), Jdbc.instant(rs, "created_at")));
    }

    /** Adds a pending delivery of each of {@code eventIds} that the subscription does not have yet; returns how many. */
    public int enqueue(long webhookId, List<Long> eventIds, Instant now) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        Set<Long> have = new HashSet<>(em.createQuery("select d.eventId from WebhookDeliveryEntity d"
                        + " where d.webhookId = :w and d.eventId in :e", Long.class)
                .setParameter("w", webhookId).setParameter("e", eventIds).getResultList());
        int added = 0;
        for (long e : eventIds) {
            if (have.contains(e)) {
                continue;
            }
            WebhookDeliveryEntity d = new WebhookDeliveryEntity();
            d.webhookId = webhookId;
            d.eventId = e;
            d.status = WebhookDeliveryEntity.PENDING;
            d.nextAttempt = now;
            d.createdAt = now;
            em.persist(d);
            added++;
        }
        return added;
    }

    /** Pending deliveries of active subscriptions whose time has come and that no live claim holds, oldest first. */
    public List<Long> due(Instant now, int limit) {
        return em.createQuery("select d.id from WebhookDeliveryEntity d, WebhookEntity w where w.id = d.webhookId"
                        + " and w.active = true and d.status = :p and d.nextAttempt <= :now"
                        + " and (d.claimedUntil is null or d.claimedUntil < :now) order by d.id", Long.class)
                .setParameter("p", WebhookDeliveryEntity.PENDING).setParameter("now", now).setMaxResults(limit)
                .getResultList();
    }

    /**
     * Takes a due delivery for {@code owner} until {@code until}, unless it is no longer pending or another
     * instance's claim has not run out. One UPDATE, so two instances can never both take it.
     */
    public boolean claim(long deliveryId, String owner, Instant now, Instant until) {
        return em.createQuery("update WebhookDeliveryEntity d set d.claimedBy = :o, d.claimedUntil = :u where d.id = :id"
                        + " and d.status = :p and d.nextAttempt <= :now and (d.claimedUntil is null or d.claimedUntil < :now)")
                .setParameter("o", owner).setParameter("u", until).setParameter("id", deliveryId)
                .setParameter("p", WebhookDeliveryEntity.PENDING).setParameter("now", now).executeUpdate() == 1;
    }

    public Optional<WebhookDeliveryEntity> delivery(long id) {
        return Optional.ofNullable(em.find(WebhookDeliveryEntity.class, id));
    }

    public Optional<EventEntity> event(long id) {
        return Optional.ofNullable(em.find(EventEntity.class, id));
    }

    /**
     * Records an attempt of a delivery {@code owner} holds: {@code status} is where it goes ({@code
     * pending} again with its next time, {@code delivered} or {@code failed}). False when the claim was
     * lost meanwhile (another instance then owns the outcome).
     */
    public boolean record(long deliveryId, String owner, String status, Integer httpStatus, String error, Instant now,
                          Instant next) {
        return em.createQuery("update WebhookDeliveryEntity d set d.status = :s, d.attempts = d.attempts + 1,"
                        + " d.lastStatus = :h, d.lastError = :err, d.nextAttempt = :next, d.claimedBy = null,"
                        + " d.claimedUntil = null, d.finishedAt = :fin, d.deliveredBy = :by"
                        + " where d.id = :id and d.claimedBy = :o and d.status = :p")
                .setParameter("s", status).setParameter("h", httpStatus)
                .setParameter("err", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter("next", next).setParameter("fin", status.equals(WebhookDeliveryEntity.PENDING) ? null : now)
                .setParameter("by", status.equals(WebhookDeliveryEntity.DELIVERED) ? owner : null)
                .setParameter("id", deliveryId).setParameter("o", owner).setParameter("p", WebhookDeliveryEntity.PENDING)
                .executeUpdate() == 1;
    }

    /** A subscription's deliveries, newest first, optionally of one status. */
    public List<WebhookDeliveryEntity> deliveries(long webhookId, String status, int offset, int limit) {
        var q = em.createQuery("from WebhookDeliveryEntity d where d.webhookId = :w"
                        + (status == null ? "" : " and d.status = :s") + " order by d.id desc", WebhookDeliveryEntity.class)
                .setParameter("w", webhookId);
        if (status != null) {
            q.setParameter("s", status);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** How many deliveries of a subscription are in each status. */
    public Map<String, Long> counts(long webhookId) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : List.of(WebhookDeliveryEntity.PENDING, WebhookDeliveryEntity.DELIVERED, WebhookDeliveryEntity.FAILED)) {
            out.put(s, 0L);
        }
        jdbc.list("SELECT status, COUNT(*) AS n FROM webhook_delivery WHERE webhook_id = ? GROUP BY status",
                List.of(webhookId), rs -> new StatusCount(rs.getString("status"), rs.getLong("n")))
                .forEach(c -> out.put(c.status(), c.count()));
        return out;
    }
}
