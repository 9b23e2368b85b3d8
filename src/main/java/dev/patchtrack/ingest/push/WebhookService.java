package dev.patchtrack.ingest.push;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.ingest.http.HttpFetcher;
import dev.patchtrack.store.EventLog;
import dev.patchtrack.store.WebhookDeliveryEntity;
import dev.patchtrack.store.WebhookEntity;
import dev.patchtrack.store.Webhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribing to events: make, read, change and remove a subscription, and read its deliveries. A
 * subscription belongs to the token that made it; another token neither sees nor changes it. Each
 * method is one transaction.
 */
@ApplicationScoped
public class WebhookService {

    /** What a subscriber asked for, checked by the caller except for what only this service knows. */
    public record Subscription(String url, String secret, String description, Map<String, List<String>> filters,
                               Long after) {
    }

    /** A request this service refuses: which field and why. */
    public static final class Refused extends RuntimeException {
        public final String field;
        public final int status;

        Refused(int status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }

    /** A subscription with its delivery counts. */
    public record View(WebhookEntity webhook, Map<String, Long> counts) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Webhooks webhooks;

    @Inject
    EventLog events;

    @Inject
    HttpFetcher http;

    @Inject
    PatchtrackConfig config;

    /** The owner a token stands for: its SHA-256, never the token. */
    public static String owner(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new subscription. It takes events recorded from now on, or after event {@code after} when
     * given (to replay part of the log). Without a secret one is made; either way it is shown once,
     * in the answer to this call.
     */
    @Transactional
    public View subscribe(String owner, Subscription s) {
        URI uri = allowedUrl(s.url());
        if (webhooks.owned(owner).size() >= config.webhooks().maxPerToken()) {
            throw new Refused(409, "url", "this token has " + config.webhooks().maxPerToken()
                    + " subscriptions already (patchtrack.webhooks.max-per-token); delete one first");
        }
        WebhookEntity w = new WebhookEntity();
        w.owner = owner;
        w.url = uri.toString();
        w.secret = s.secret() == null || s.secret().isBlank() ? newSecret() : s.secret();
        w.description = s.description();
        w.active = true;
        w.createdAt = Instant.now();
        long newest = events.newestId();
        w.cursor = s.after() == null ? newest : Math.min(s.after(), newest);
        s.filters().forEach((name, values) -> values.forEach(v -> w.filters.add(new WebhookEntity.Filter(name, v))));
        webhooks.persist(w);
        return new View(w, webhooks.counts(w.id));
    }

    /** The subscriptions of {@code owner}, oldest first. */
    @Transactional
    public List<View> list(String owner) {
        return webhooks.owned(owner).stream().map(w -> new View(w, webhooks.counts(w.id))).toList();
    }

    /** One of the subscriptions of {@code owner}. */
    @Transactional
    public Optional<View> get(String owner, long id) {
        return mine(owner, id).map(w -> new View(w, webhooks.counts(w.id)));
    }

    /** Pauses or resumes a subscription; a resumed one goes on from where it stopped. */
    @Transactional
    public Optional<View> setActive(String owner, long id, boolean active) {
        return mine(owner, id).map(w -> {
            w.active = active;
            return new View(w, webhooks.counts(w.id));
        });
    }

    /** Removes a subscription and its deliveries; false when {@code owner} has none with that id. */
    @Transactional
    public boolean unsubscribe(String owner, long id) {
        Optional<WebhookEntity> w = mine(owner, id);
        w.ifPresent(webhooks::delete);
        return w.isPresent();
    }

    /** Deliveries of one subscription of {@code owner}, newest first; empty when it is not theirs. */
    @Transactional
    public Optional<List<WebhookDeliveryEntity>> deliveries(String owner, long id, String status, int offset, int limit) {
        return mine(owner, id).map(w -> webhooks.deliveries(w.id, status, offset, limit));
    }

    private Optional<WebhookEntity> mine(String owner, long id) {
        return webhooks.find(id).filter(w -> w.owner.equals(owner));
    }

    private URI allowedUrl(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null
                || !List.of("http", "https").contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
            throw new Refused(400, "url", "url must be an http(s) URL such as https://ci.example.org/patchtrack-hook");
        }
        if (uri.toString().length() > 2000) {
            throw new Refused(400, "url", "url must be at most 2000 characters");
        }
        if (!http.allowed(uri)) {
            throw new Refused(400, "url", "the outbound allowlist does not allow " + uri.getHost()
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + " (patchtrack.http.allowed-hosts, patchtrack.http.allow-private-addresses)");
        }
        return uri;
    }

    private static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
