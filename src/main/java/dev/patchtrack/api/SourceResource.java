package dev.patchtrack.api;

import dev.patchtrack.api.dto.SourceInfo;
import dev.patchtrack.api.dto.SourceInput;
import dev.patchtrack.ingest.ImportService;
import dev.patchtrack.ingest.SyncService;
import dev.patchtrack.ingest.http.HttpFetcher;
import dev.patchtrack.store.SourceEntity;
import dev.patchtrack.store.SourceRepository;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import dev.patchtrack.ingest.lore.History;
import dev.patchtrack.ingest.lore.SourceHealth;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The lists followed from lore: read them publicly, change them with a token. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SourceResource {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    @Inject
    SourceRepository sources;

    @Inject
    HttpFetcher http;

    @Inject
    SyncService sync;

    @GET
    @Transactional
    @Operation(summary = "Every source: cursor, last run, last error, lag and message counts")
    public List<SourceInfo> list() {
        return sources.all().stream().map(this::info).toList();
    }

    @GET
    @Path("{name}")
    @Transactional
    @Operation(summary = "One source")
    public SourceInfo get(@Parameter(description = "the source (list) name", example = "rust-for-linux")
                          @PathParam("name") String name) {
        return info(find(name));
    }

    @GET
    @Path("{name}/runs")
    @Transactional
    @Operation(summary = "The source's sync runs, oldest first: which instance ran each, when, and what it did")
    public List<dev.patchtrack.api.dto.SyncRunInfo> runs(@Parameter(description = "the source (list) name", example = "rust-for-linux")
                                                         @PathParam("name") String name) {
        find(name);
        return sources.runs(name).stream().map(r -> new dev.patchtrack.api.dto.SyncRunInfo(r.instance, r.startedAt,
                r.finishedAt, r.messagesRead, r.messagesStored, r.error)).toList();
    }

    @POST
    @RequiresToken
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Follow a list")
    @SecurityRequirement(name = "bearer")
    public Response create(SourceInput in) {
        if (in == null) {
            throw ApiProblem.badParameter("body", "the body must be a source: {name, baseUrl, mode, ...}");
        }
        String name = in.name() == null ? null : in.name().strip();
        if (!ImportService.validListName(name)) {
            throw ApiProblem.badParameter("name", "name must be a list name such as rust-for-linux");
        }
        if (sources.findByName(name).isPresent()) {
            throw new ApiProblem(409, "Conflict", "source " + name + " exists; PUT /api/sources/" + name + " changes it", "name");
        }
        SourceEntity s = SyncService.newSource(name);
        apply(s, in, true);
        sources.persist(s);
        return Response.created(UriBuilder.fromPath("/api/sources/{name}").build(name)).entity(info(s)).build();
    }

    @PUT
    @Path("{name}")
    @RequiresToken
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Change a source (or create it); unset fields keep their value")
    @SecurityRequirement(name = "bearer")
    public SourceInfo update(@Parameter(description = "the source (list) name", example = "rust-for-linux")
                             @PathParam("name") String name, SourceInput in) {
        if (in == null) {
            throw ApiProblem.badParameter("body", "the body must be a source: {baseUrl, mode, ...}");
        }
        if (!ImportService.validListName(name)) {
            throw ApiProblem.badParameter("name", "name must be a list name such as rust-for-linux");
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
        return info(s);
    }

    @DELETE
    @Path("{name}")
    @RequiresToken
    @Transactional
    @Operation(summary = "Stop following a list (its mail stays)")
    @SecurityRequirement(name = "bearer")
    public Response delete(@Parameter(description = "the source (list) name", example = "rust-for-linux")
                           @PathParam("name") String name) {
        sources.delete(find(name));
        return Response.noContent().build();
    }

    private SourceEntity find(String name) {
        return sources.findByName(name).orElseThrow(() -> ApiProblem.notFound("no source named " + name));
    }

    private void apply(SourceEntity s, SourceInput in, boolean creating) {
        if (in.baseUrl() != null || creating) {
            String url = in.baseUrl() == null ? "" : in.baseUrl().strip();
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badParameter("baseUrl", "baseUrl must be a URL such as https://lore.kernel.org/");
            }
            if (!http.allowed(uri)) {
                throw ApiProblem.badParameter("baseUrl",
                        "baseUrl must be http(s) on an allowed host (patchtrack.http.allowed-hosts), not '" + url + "'");
            }
            s.baseUrl = url;
        }
        if (in.mode() != null || creating) {
            String mode = in.mode() == null ? "git" : in.mode().strip().toLowerCase(Locale.ROOT);
            if (!SyncService.MODES.contains(mode)) {
                throw ApiProblem.badParameter("mode", "mode must be one of git, atom, query");
            }
            s.mode = mode;
        }
        if (in.inbox() != null || creating) {
            String inbox = in.inbox() == null || in.inbox().isBlank() ? s.name : in.inbox().strip();
            if (!ImportService.validListName(inbox)) {
                throw ApiProblem.badParameter("inbox", "inbox must be lore's inbox name, such as lkml");
            }
            s.inbox = inbox;
        }
        if (in.query() != null) {
            s.query = in.query().isBlank() ? null : in.query().strip();
        }
        if ("query".equals(s.mode) && (s.query == null || s.query.length() > 2000)) {
            throw ApiProblem.badParameter("query", "query mode needs a query, such as 'dfn:rust/ OR s:rust'");
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
                throw ApiProblem.badParameter("history", e.getMessage());
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
            throw ApiProblem.badParameter(param, param + " must be a duration such as 30s, 5m, 2h, 1d or PT5M, not '" + value + "'");
        }
        return d;
    }

    SourceInfo info(SourceEntity s) {
        Instant now = Instant.now();
        Long lag = s.lastSuccessAt == null ? null : Duration.between(s.lastSuccessAt, now).toSeconds();
        boolean running = s.lastStartedAt != null && (s.lastFinishedAt == null || s.lastFinishedAt.isBefore(s.lastStartedAt));
        SourceHealth health = health(s, now);
        return new SourceInfo(s.name, health.word(), health.detail(), s.baseUrl, s.inbox, s.mode, s.query,
                sync.history(s).describe(), s.scheduleSeconds, s.staleAfterSeconds,
                s.enabled, s.origin, new TreeMap<>(sources.cursors(s.id)),
                s.lastStartedAt == null ? null : new SourceInfo.LastRun(s.lastStartedAt, s.lastFinishedAt, s.lastInstance, running),
                s.lastSuccessAt, s.lastError, s.lastErrorAt, lag, SourceHealth.stale(record(s), now), s.newestMailAt, s.runs, s.failures,
                s.messagesRead, s.messagesStored, s.messagesDeleted, sources.messagesOnList(s.name));
    }

    /** How the source is doing: what this resource shows and readiness reads. */
    static SourceHealth health(SourceEntity s, Instant now) {
        return SourceHealth.of(record(s), now);
    }

    private static SourceHealth.Record record(SourceEntity s) {
        return new SourceHealth.Record(s.enabled, s.createdAt, s.lastStartedAt, s.lastFinishedAt, s.lastSuccessAt,
                s.lastError, s.lastErrorAt, s.failures, s.staleAfterSeconds);
    }
}
