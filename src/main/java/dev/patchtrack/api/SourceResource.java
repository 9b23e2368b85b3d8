package dev.patchtrack.api;

import dev.patchtrack.api.dto.SourceInfo;
import dev.patchtrack.api.dto.SourceInput;
import dev.patchtrack.ingest.SourceService;
import dev.patchtrack.ingest.SyncService;
import dev.patchtrack.ingest.lore.SourceHealth;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.SourceEntity;
import dev.patchtrack.store.SourceRepository;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The lists followed from lore: read them publicly, change them with a token. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SourceResource {

    @Inject
    SourceRepository sources;

    @Inject
    SourceService service;

    @Inject
    Reads reads;

    @Inject
    SyncService sync;

    @GET
    @Operation(summary = "Every source: cursor, last run, last error, lag and message counts")
    public List<SourceInfo> list() {
        return reads.call(() -> sources.all().stream().map(this::info).toList());
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One source")
    public SourceInfo get(@Parameter(description = "the source (list) name", example = "rust-for-linux")
                          @PathParam("name") String name) {
        return reads.call(() -> info(find(name)));
    }

    @GET
    @Path("{name}/runs")
    @Operation(summary = "The source's sync runs, oldest first: which instance ran each, when, and what it did")
    public List<dev.patchtrack.api.dto.SyncRunInfo> runs(@Parameter(description = "the source (list) name", example = "rust-for-linux")
                                                         @PathParam("name") String name) {
        return reads.call(() -> {
            find(name);
            return sources.runs(name).stream().map(r -> new dev.patchtrack.api.dto.SyncRunInfo(r.instance, r.startedAt,
                    r.finishedAt, r.messagesRead, r.messagesStored, r.error)).toList();
        });
    }

    @POST
    @RequiresToken
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow a list")
    @SecurityRequirement(name = "bearer")
    public Response create(SourceInput in) {
        if (in == null) {
            throw ApiProblem.badParameter("body", "the body must be a source: {name, baseUrl, mode, ...}");
        }
        String name = in.name() == null ? null : in.name().strip();
        SourceEntity s = changed(() -> service.create(name, change(in)));
        return Response.created(UriBuilder.fromPath("/api/sources/{name}").build(name)).entity(reads.call(() -> info(s)))
                .build();
    }

    @PUT
    @Path("{name}")
    @RequiresToken
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a source (or create it); unset fields keep their value")
    @SecurityRequirement(name = "bearer")
    public SourceInfo update(@Parameter(description = "the source (list) name", example = "rust-for-linux")
                             @PathParam("name") String name, SourceInput in) {
        if (in == null) {
            throw ApiProblem.badParameter("body", "the body must be a source: {baseUrl, mode, ...}");
        }
        SourceEntity s = changed(() -> service.update(name, change(in)));
        return reads.call(() -> info(s));
    }

    @DELETE
    @Path("{name}")
    @RequiresToken
    @Operation(summary = "Stop following a list (its mail stays)")
    @SecurityRequirement(name = "bearer")
    public Response delete(@Parameter(description = "the source (list) name", example = "rust-for-linux")
                           @PathParam("name") String name) {
        service.delete(name);
        return Response.noContent().build();
    }

    private SourceEntity find(String name) {
        return sources.findByName(name).orElseThrow(() -> ApiProblem.notFound("no source named " + name));
    }

    /** What a client gives, for the service. */
    private static SourceService.Change change(SourceInput in) {
        return new SourceService.Change(in.baseUrl(), in.mode(), in.inbox(), in.query(), in.schedule(), in.staleAfter(),
                in.enabled(), in.history());
    }

    /** The source as the service changed it; what it refuses is a problem naming the field. */
    private SourceEntity changed(Supplier<SourceEntity> change) {
        try {
            return change.get();
        } catch (SourceService.Refused r) {
            throw new ApiProblem(r.status, r.status == 409 ? "Conflict" : "Bad parameter", r.getMessage(), r.field);
        }
    }

    SourceInfo info(SourceEntity s) {
        Instant now = Instant.now();
        Long lag = s.lastSuccessAt == null ? null : Duration.between(s.lastSuccessAt, now).toSeconds();
        boolean running = s.lastStartedAt != null && (s.lastFinishedAt == null || s.lastFinishedAt.isBefore(s.lastStartedAt));
        SourceHealth health = SourceService.health(s, now);
        return new SourceInfo(s.name, health.word(), health.detail(), s.baseUrl, s.inbox, s.mode.wireName(), s.query,
                sync.history(s).describe(), s.scheduleSeconds, s.staleAfterSeconds,
                s.enabled, s.origin, new TreeMap<>(sources.cursors(s.id)),
                s.lastStartedAt == null ? null : new SourceInfo.LastRun(s.lastStartedAt, s.lastFinishedAt, s.lastInstance, running),
                s.lastSuccessAt, s.lastError, s.lastErrorAt, lag, SourceService.stale(s, now), s.newestMailAt, s.runs, s.failures,
                s.messagesRead, s.messagesStored, s.messagesDeleted, sources.messagesOnList(s.name));
    }
}
