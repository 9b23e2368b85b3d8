package dev.patchtrack.ingest;

import dev.patchtrack.core.model.SourceMode;
import dev.patchtrack.ingest.http.HttpFetcher;
import dev.patchtrack.ingest.lore.History;
import dev.patchtrack.ingest.lore.SourceHealth;
import dev.patchtrack.store.SourceEntity;
import dev.patchtrack.store.SourceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Managing the lists followed from lore: add, change and remove a source, each in one transaction,
 * with its fields checked here (a base URL on an allowed host, a mode, a query for query mode, the
 * durations, the history); and how a source is doing. A source changed here is the API's from then on:
 * application.properties no longer overrides it.
 */
@ApplicationScoped
public class SourceService {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    /** The fields a client gives; null ones are left as they are (or take their default on creation). */
    public record Change(String baseUrl, String mode, String inbox, String query, String schedule, String staleAfter,
                         Boolean enabled, String history) {
    }

    /** A request this service refuses: the status, which field and why. */
    public static final class Refused extends RuntimeException {
        public final int status;
        public final String field;

        Refused(int status, String field, String message) {
            super(message, null, false, false);
            this.status = status;
            this.field = field;
        }
    }

    @Inject
    SourceRepository sources;

    @Inject
    HttpFetcher http;

    /** A new source; 409 when one has the name already. */
    @Transactional
    public SourceEntity create(String name, Change in) {
        if (!ImportService.validListName(name)) {
            throw bad("name", "name must be a list name such as rust-for-linux");
        }
        if (sources.findByName(name).isPresent()) {
            throw new Refused(409, "name", "source " + name + " exists; PUT /api/sources/" + name + " changes it");
        }
        SourceEntity s = SyncService.newSource(name);
        apply(s, in, true);
        sources.persist(s);
        return s;
    }

    /** The source changed as {@code in} says, made when there is none. */
    @Transactional
    public SourceEntity update(String name, Change in) {
        if (!ImportService.validListName(name)) {
            throw bad("name", "name must be a list name such as rust-for-linux");
        }
        SourceEntity s = sources.findByName(name).orElse(null);
        boolean created = s == null;
        if (created) {
            s = SyncService.newSource(name);
        }
        apply(s, in, created);
        s.origin = "api"; // from now on application.properties no longer overrides it
        if (created) {
            sources.persist(s);
        }
        return s;
    }

    @Transactional
    public void delete(String name) {
        sources.delete(sources.findByName(name).orElseThrow(() -> new NotFound("no source named " + name)));
    }

    /** How the source is doing: what the API shows and readiness reads. */
    public static SourceHealth health(SourceEntity s, Instant now) {
        return SourceHealth.of(record(s), now);
    }

    /** Whether the source has not synced for longer than its stale-after limit. */
    public static boolean stale(SourceEntity s, Instant now) {
        return SourceHealth.stale(record(s), now);
    }

    private static SourceHealth.Record record(SourceEntity s) {
        return new SourceHealth.Record(s.enabled, s.createdAt, s.lastStartedAt, s.lastFinishedAt, s.lastSuccessAt,
                s.lastError, s.lastErrorAt, s.failures, s.staleAfterSeconds);
    }

    private void apply(SourceEntity s, Change in, boolean creating) {
        if (in.baseUrl() != null || creating) {
            String url = in.baseUrl() == null ? "" : in.baseUrl().strip();
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw bad("baseUrl", "baseUrl must be a URL such as https://lore.kernel.org/");
            }
            if (!http.allowed(uri)) {
                throw bad("baseUrl",
                        "baseUrl must be http(s) on an allowed host (patchtrack.http.allowed-hosts), not '" + url + "'");
            }
            s.baseUrl = url;
        }
        if (in.mode() != null || creating) {
            s.mode = in.mode() == null ? SourceMode.GIT : SourceMode.find(in.mode().strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> bad("mode", "mode must be one of " + String.join(", ", SourceMode.wireNames())));
        }
        if (in.inbox() != null || creating) {
            String inbox = in.inbox() == null || in.inbox().isBlank() ? s.name : in.inbox().strip();
            if (!ImportService.validListName(inbox)) {
                throw bad("inbox", "inbox must be lore's inbox name, such as lkml");
            }
            s.inbox = inbox;
        }
        if (in.query() != null) {
            s.query = in.query().isBlank() ? null : in.query().strip();
        }
        if (s.mode == SourceMode.QUERY && (s.query == null || s.query.length() > 2000)) {
            throw bad("query", "query mode needs a query, such as 'dfn:rust/ OR s:rust'");
        }
        if (in.schedule() != null || creating) {
            s.scheduleSeconds = duration("schedule", in.schedule(), Duration.ofMinutes(5)).toSeconds();
        }
        if (in.staleAfter() != null || creating) {
            s.staleAfterSeconds = duration("staleAfter", in.staleAfter(), Duration.ofHours(1)).toSeconds();
        }
        if (in.enabled() != null) {
            s.enabled = in.enabled();
        }
        if (in.history() != null) {
            String h = in.history().strip();
            try {
                History.parse(h.isEmpty() ? "full" : h);
            } catch (IllegalArgumentException e) {
                throw bad("history", e.getMessage());
            }
            s.history = h.isEmpty() ? null : h;
        }
    }

    static Duration duration(String param, String value, Duration dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        Matcher m = DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException ignored) {
                // reported below
            }
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw bad(param, param + " must be a duration such as 30s, 5m, 2h, 1d or PT5M, not '" + value + "'");
        }
        return d;
    }

    private static Refused bad(String field, String message) {
        return new Refused(400, field, message);
    }
}
