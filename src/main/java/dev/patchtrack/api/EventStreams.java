package dev.patchtrack.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.EventEntity;
import dev.patchtrack.store.EventLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The event streams open on this instance ({@code GET /api/events/stream}). One thread serves them
 * all: every poll interval it reads the newest event id (one cheap query), and only when the log has
 * grown past what a stream has seen does it read that stream's events with its filters, oldest first,
 * and send them. A stream whose client has not taken the last events yet is skipped until it has (a
 * slow client holds no more than one batch), and one that stays stuck or whose connection failed is
 * closed. Quiet streams get a comment line every heartbeat. At most {@code patchtrack.events.max-streams}
 * are open at once ({@code patchtrack_event_streams} at /q/metrics, there from the start).
 */
@ApplicationScoped
@Startup
public class EventStreams {

    private static final Logger LOG = Logger.getLogger(EventStreams.class);
    /** Events read and sent per stream and poll: a stream replaying a long log catches up batch by batch. */
    static final int BATCH = 200;
    /** What a client that reconnects is told to wait first (the SSE retry field), in milliseconds. */
    static final long RECONNECT_MILLIS = 5000;
    /** A client that has not taken a batch in this long is cut off. */
    static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Inject
    EventLog events;

    @Inject
    Reads reads;

    @Inject
    PatchtrackConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger slots = new AtomicInteger();
    private ScheduledExecutorService ticker;

    @PostConstruct
    void metrics() {
        Gauge.builder("patchtrack.event.streams", open, Set::size).description("event streams open on this instance")
                .register(registry);
    }

    /** Takes one of the streams allowed; false when all are taken. */
    boolean reserve() {
        while (true) {
            int n = slots.get();
            if (n >= config.events().maxStreams()) {
                return false;
            }
            if (slots.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        slots.decrementAndGet();
    }

    /** The newest event id: where a stream that names no cursor starts. */
    long newest() {
        return reads.call(events::newestId);
    }

    /**
     * Starts a stream on a reserved slot: events with an id above {@code after} that pass {@code filter},
     * now and as they are recorded, until the client goes away.
     */
    void start(SseEventSink sink, Sse sse, EventFilterParams.Checked filter, long after) {
        Stream s = new Stream(sink, sse, filter, after);
        // the retry field and a first line at once: the client knows the stream is open
        s.send(sse.newEventBuilder().reconnectDelay(RECONNECT_MILLIS).comment("patchtrack events after " + after).build());
        open.add(s);
        ensureTicking();
    }

    private synchronized void ensureTicking() {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "patchtrack-event-streams");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(50, config.events().pollInterval().toMillis());
            ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent e) {
        synchronized (this) {
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
        open.forEach(this::close);
    }

    private void tick() {
        if (open.isEmpty()) {
            return;
        }
        long newest;
        try {
            newest = reads.call(events::newestId);
        } catch (RuntimeException e) {
            LOG.debugf("event streams: the log could not be read: %s", e.toString());
            newest = -1; // heartbeats go on; events wait for the database
        }
        for (Stream s : open) {
            try {
                s.step(newest);
            } catch (RuntimeException e) {
                LOG.debugf("event stream closed: %s", e.toString());
                close(s);
            }
        }
    }

    private void close(Stream s) {
        if (open.remove(s)) {
            release();
            LOG.debugf("event stream after %d closed; %d open", s.cursor, open.size());
        }
        try {
            s.sink.close();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    /** One client's stream: its filters, the last id sent, and the newest id it has looked past. */
    private final class Stream {
        final SseEventSink sink;
        final Sse sse;
        final EventFilterParams.Checked filter;
        long cursor;
        long seen;
        CompletableFuture<?> pending = CompletableFuture.completedFuture(null);
        long pendingSince = System.nanoTime();
        long lastSent = System.nanoTime();

        Stream(SseEventSink sink, Sse sse, EventFilterParams.Checked filter, long after) {
            this.sink = sink;
            this.sse = sse;
            this.filter = filter;
            this.cursor = after;
            this.seen = after;
        }

        void step(long newest) {
            if (sink.isClosed() || pending.isCompletedExceptionally()) {
                close(this);
                return;
            }
            if (!pending.isDone()) {
                if (System.nanoTime() - pendingSince > STUCK_NANOS) {
                    close(this);
                }
                return;
            }
            if (newest > seen) {
                List<EventEntity> found = reads.call(() -> events.find(
                        EventLog.Query.following(cursor, filter.kinds(), filter.series(), filter.lists(), filter.topics(),
                                null, null, BATCH)));
                for (EventEntity e : found) {
                    send(sse.newEventBuilder().id(String.valueOf(e.id)).data(json(e)).build());
                    cursor = e.id;
                }
                if (found.size() < BATCH) {
                    seen = newest; // everything up to newest that passes the filters is sent
                }
            }
            if (System.nanoTime() - lastSent >= config.events().heartbeat().toNanos()) {
                send(sse.newEventBuilder().comment("keep-alive").build());
            }
        }

        void send(OutboundSseEvent event) {
            pending = sink.send(event).toCompletableFuture();
            pendingSince = System.nanoTime();
            lastSent = pendingSince;
        }

        private String json(EventEntity e) {
            try {
                return json.writeValueAsString(EventResource.info(e));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
