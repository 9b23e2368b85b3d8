package dev.patchtrack.ingest.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.core.push.Backoff;
import dev.patchtrack.core.push.LogCursor;
import dev.patchtrack.core.push.Signature;
import dev.patchtrack.ingest.Meters;
import dev.patchtrack.ingest.SyncService;
import dev.patchtrack.ingest.http.HttpFetcher;
import dev.patchtrack.store.DatabaseDown;
import dev.patchtrack.store.EventEntity;
import dev.patchtrack.store.EventLog;
import dev.patchtrack.store.WebhookDeliveryEntity;
import dev.patchtrack.store.WebhookEntity;
import dev.patchtrack.store.Webhooks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends webhook deliveries. Every poll interval, on one thread of this instance:
 * <ol>
 * <li>for each active subscription, under its row lock, the events after its cursor that pass its
 * filters become pending deliveries (once: the lock and the unique key see to that), and the cursor
 * moves as far as the log is complete ({@link LogCursor});</li>
 * <li>each due delivery is claimed (one conditional UPDATE: one instance wins it for the lease), sent
 * as a signed POST, and its outcome recorded: delivered on a 2xx, else tried again after the backoff
 * or, after the last attempt, failed.</li>
 * </ol>
 * So with several instances on one database each event reaches each subscriber once, sent by one of
 * them. A receiver that answers 2xx and then times out, or an instance killed between sending and
 * recording, can see an attempt twice; {@code X-Patchtrack-Delivery} names the delivery so that it
 * can tell.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** Events looked at per subscription and round, and deliveries sent per round. */
    static final int BATCH = 200;

    @Inject
    Webhooks webhooks;

    @Inject
    EventLog events;

    @Inject
    HttpFetcher http;

    @Inject
    PatchtrackConfig config;

    @Inject
    SyncService sync;

    @Inject
    Meters meters;

    @Inject
    ObjectMapper json;

    private ScheduledExecutorService ticker;

    void onStart(@Observes StartupEvent e) {
        if (!config.webhooks().enabled()) {
            LOG.info("webhooks: this instance sends no deliveries (patchtrack.webhooks.enabled=false)");
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "patchtrack-webhooks");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, config.webhooks().pollInterval().toMillis());
        ticker.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent e) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /**
     * One round; nothing it meets stops the worker. A database that cannot be reached skips the round
     * with one line in the log, and an embedded store found closed is noted for liveness, as in every
     * worker.
     */
    void round() {
        try {
            DatabaseDown.orSkipTick("webhooks", this::work);
        } catch (RuntimeException ex) {
            LOG.warnf("webhooks: round failed, next one in %s: %s", config.webhooks().pollInterval(), ex.toString());
        }
    }

    private void work() {
        List<Long> active = webhooks.activeIds();
        if (active.isEmpty()) {
            return; // nothing to queue nor send: no transaction at all
        }
        for (long id : active) {
            try {
                QuarkusTransaction.requiringNew().run(() -> enqueue(id));
            } catch (RuntimeException ex) {
                if (DatabaseDown.is(ex)) {
                    throw ex;
                }
                LOG.warnf("webhook %d: new events not queued this round: %s", id, ex.toString());
            }
        }
        Instant now = Instant.now();
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> webhooks.due(now, BATCH));
        for (long d : due) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            send(d);
        }
    }

    /** Turns the events after a subscription's cursor into deliveries; in the caller's transaction. */
    void enqueue(long webhookId) {
        Optional<WebhookEntity> locked = webhooks.lock(webhookId);
        if (locked.isEmpty() || !locked.get().active) {
            return; // deleted or paused meanwhile
        }
        WebhookEntity w = locked.get();
        List<LogCursor.Seen> seen = webhooks.eventsAfter(w.cursor, BATCH);
        if (seen.isEmpty()) {
            return;
        }
        long last = seen.get(seen.size() - 1).id();
        List<Long> series = new ArrayList<>();
        w.values("series").forEach(v -> series.add(Long.parseLong(v)));
        List<Long> passing = events.find(EventLog.Query.following(w.cursor,
                        w.values("kind").stream().map(EventKind::fromWire).toList(), series, w.values("list"),
                        w.values("topic"), null, null, BATCH)).stream()
                .map(e -> e.id).filter(id -> id <= last).toList();
        Instant now = Instant.now();
        int added = webhooks.enqueue(w.id, passing, now);
        long moved = LogCursor.advance(w.cursor, seen, now, config.webhooks().settle());
        if (added > 0) {
            LOG.debugf("webhook %d: %d deliveries queued, cursor %d -> %d", w.id, added, w.cursor, moved);
        }
        w.cursor = moved;
    }

    /** Claims, sends and records one delivery. */
    void send(long deliveryId) {
        String me = sync.instance();
        Instant now = Instant.now();
        Optional<Attempt> attempt = QuarkusTransaction.requiringNew().call(() -> {
            if (!webhooks.claim(deliveryId, me, now, now.plus(config.webhooks().lease()))) {
                return Optional.<Attempt>empty(); // another instance has it, or it is no longer due
            }
            WebhookDeliveryEntity d = webhooks.delivery(deliveryId).orElseThrow();
            WebhookEntity w = webhooks.find(d.webhookId).orElseThrow();
            EventEntity e = webhooks.event(d.eventId).orElse(null);
            return Optional.of(new Attempt(d.id, d.attempts + 1, w.id, w.url, w.secret, e == null ? "unknown" : e.kind.wireName(),
                    body(d, w, e)));
        });
        if (attempt.isEmpty()) {
            return;
        }
        Attempt a = attempt.get();
        Integer status = null;
        String error = null;
        try {
            HttpFetcher.Response r = http.deliver(URI.create(a.url), headers(a, me), a.body, config.webhooks().timeout());
            status = r.status();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (IOException | RuntimeException ex) {
            error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        }
        record(a, me, status, error);
    }

    private void record(Attempt a, String me, Integer status, String error) {
        Backoff backoff = new Backoff(config.webhooks().backoff(), config.webhooks().maxBackoff(),
                config.webhooks().maxAttempts());
        Instant now = Instant.now();
        String outcome;
        Instant next = now;
        if (error == null) {
            outcome = WebhookDeliveryEntity.DELIVERED;
        } else if (backoff.retries(a.attempt)) {
            outcome = WebhookDeliveryEntity.PENDING;
            next = now.plus(backoff.after(a.attempt));
        } else {
            outcome = WebhookDeliveryEntity.FAILED;
        }
        String result = outcome;
        Instant when = next;
        Integer code = status;
        String why = error;
        boolean held = QuarkusTransaction.requiringNew().call(() -> webhooks.record(a.delivery, me, result, code, why, now, when));
        if (!held) {
            LOG.warnf("webhook %d delivery %d: the claim ran out while sending; another instance owns it now", a.webhook,
                    a.delivery);
            return;
        }
        meters.webhookAttempt(outcome.equals(WebhookDeliveryEntity.PENDING) ? "retry" : outcome);
        if (!outcome.equals(WebhookDeliveryEntity.DELIVERED)) {
            LOG.infof("webhook %d delivery %d attempt %d to %s: %s%s", a.webhook, a.delivery, a.attempt, a.url, error,
                    outcome.equals(WebhookDeliveryEntity.FAILED) ? "; given up" : "; next attempt at " + when);
        }
    }

    private static Map<String, String> headers(Attempt a, String me) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("X-Patchtrack-Event", a.kind);
        h.put("X-Patchtrack-Delivery", String.valueOf(a.delivery));
        h.put("X-Patchtrack-Attempt", String.valueOf(a.attempt));
        h.put("X-Patchtrack-Instance", me.replaceAll("[^\\x21-\\x7e]", "?"));
        h.put(Signature.HEADER, Signature.sign(a.secret, a.body));
        return h;
    }

    /** The body: the delivery and the event as {@code /api/events} gives it. The same bytes on every attempt. */
    private byte[] body(WebhookDeliveryEntity d, WebhookEntity w, EventEntity e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", d.eventId);
        if (e != null) {
            event.put("kind", e.kind.wireName());
            event.put("at", e.createdAt);
            event.put("seriesId", e.seriesId);
            event.put("revisionId", e.revisionId);
            event.put("patchId", e.patchId);
            event.put("messageId", e.messageId);
            event.put("summary", e.summary);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivery", d.id);
        body.put("webhook", w.id);
        body.put("event", event);
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** One attempt, read in the claiming transaction and sent outside it. */
    private record Attempt(long delivery, int attempt, long webhook, String url, String secret, String kind, byte[] body) {
    }
}
