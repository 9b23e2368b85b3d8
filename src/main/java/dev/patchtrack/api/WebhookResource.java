package dev.patchtrack.api;

import dev.patchtrack.api.dto.WebhookDeliveryInfo;
import dev.patchtrack.api.dto.WebhookInfo;
import dev.patchtrack.api.dto.WebhookInput;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.ingest.push.WebhookService;
import dev.patchtrack.store.WebhookDeliveryEntity;
import dev.patchtrack.store.WebhookEntity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Webhook subscriptions: events pushed to a URL as signed POSTs ({@code X-Patchtrack-Signature-256}),
 * tried again with backoff, each delivery recorded. A subscription belongs to the token that made it.
 */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RequiresToken
@SecurityRequirement(name = "bearer")
@Blocking
public class WebhookResource {

    @Inject
    WebhookService service;

    @Inject
    KnownValues known;

    @Inject
    PatchtrackConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to events (the answer shows the signing secret, once)")
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, WebhookInput in) {
        if (in == null) {
            throw ApiProblem.badParameter("body", "the body must be a subscription: {url, kind, series, list, topic, secret}");
        }
        if (in.secret() != null && (in.secret().length() < 16 || in.secret().length() > 200)) {
            throw ApiProblem.badParameter("secret", "secret must be 16 to 200 characters (or absent: one is made)");
        }
        if (in.description() != null && in.description().length() > 200) {
            throw ApiProblem.badParameter("description", "description must be at most 200 characters");
        }
        if (in.after() != null && in.after() < 0) {
            throw ApiProblem.badParameter("after", "after must be an event id (a whole number)");
        }
        EventFilterParams f = new EventFilterParams();
        f.kind = in.kind();
        f.series = in.series();
        f.list = in.list();
        f.topic = in.topic();
        EventFilterParams.Checked c = f.check(known);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("kind", c.kinds().stream().map(EventKind::wireName).toList());
        filters.put("series", c.series().stream().map(String::valueOf).toList());
        filters.put("list", c.lists());
        filters.put("topic", c.topics());
        WebhookService.View v;
        try {
            v = service.subscribe(owner(auth), new WebhookService.Subscription(in.url(), in.secret(), in.description(),
                    filters, in.after()));
        } catch (WebhookService.Refused r) {
            throw new ApiProblem(r.status, r.status == 409 ? "Conflict" : "Bad Request", r.getMessage(), r.field);
        }
        return Response.created(UriBuilder.fromPath("/api/webhooks/{id}").build(v.webhook().id))
                .entity(info(v, true)).build();
    }

    @GET
    @Operation(summary = "The subscriptions of the token that asks")
    public List<WebhookInfo> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        return service.list(owner(auth)).stream().map(v -> info(v, false)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription and its delivery counts")
    public WebhookInfo get(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                           @Parameter(description = "subscription id", example = "1") @PathParam("id") String id) {
        return service.get(owner(auth), Ids.parse("id", id)).map(v -> info(v, false)).orElseThrow(() -> missing(id));
    }

    /** What may change on a subscription. */
    public record Change(Boolean active) {
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pause ({\"active\": false}) or resume ({\"active\": true}) a subscription")
    public WebhookInfo change(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                              @Parameter(description = "subscription id", example = "1") @PathParam("id") String id,
                              Change change) {
        if (change == null || change.active() == null) {
            throw ApiProblem.badParameter("active", "the body must be {\"active\": true} or {\"active\": false}");
        }
        return service.setActive(owner(auth), Ids.parse("id", id), change.active()).map(v -> info(v, false))
                .orElseThrow(() -> missing(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a subscription and its deliveries")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                           @Parameter(description = "subscription id", example = "1") @PathParam("id") String id) {
        if (!service.unsubscribe(owner(auth), Ids.parse("id", id))) {
            throw missing(id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "Deliveries of a subscription, newest first: status, attempts, the receiver's last answer")
    public Response deliveries(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                               @Parameter(description = "subscription id", example = "1") @PathParam("id") String id,
                               @Parameter(description = "pending, delivered or failed") @QueryParam("status") String status,
                               @Parameter(description = "page number, from 1", example = "1") @QueryParam("page") String page,
                               @Parameter(description = "deliveries per page", example = "50") @QueryParam("per_page") String perPage,
                               @Context UriInfo uri) {
        String s = status == null || status.isBlank() ? null : KnownValues.check("status", "status", List.of(status.strip()),
                List.of(WebhookDeliveryEntity.PENDING, WebhookDeliveryEntity.DELIVERED, WebhookDeliveryEntity.FAILED)).get(0);
        Paging p = Paging.of(page, perPage, config.api());
        String owner = owner(auth);
        long hook = Ids.parse("id", id);
        WebhookService.View v = service.get(owner, hook).orElseThrow(() -> missing(id));
        long total = s == null ? v.counts().values().stream().mapToLong(Long::longValue).sum() : v.counts().get(s);
        List<WebhookDeliveryInfo> items = service.deliveries(owner, hook, s, (p.page() - 1) * p.perPage(), p.perPage())
                .orElseThrow(() -> missing(id)).stream().map(WebhookResource::info).toList();
        return p.response(items, total, uri);
    }

    private static String owner(String auth) {
        return WebhookService.owner(TokenFilter.token(auth)); // the filter has checked it
    }

    private static ApiProblem missing(String id) {
        return ApiProblem.notFound("this token has no webhook " + Params.clip(id));
    }

    private static WebhookInfo info(WebhookService.View v, boolean withSecret) {
        WebhookEntity w = v.webhook();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String name : WebhookEntity.FILTERS) {
            List<String> values = new ArrayList<>(w.values(name));
            if (!values.isEmpty()) {
                filters.put(name, values);
            }
        }
        return new WebhookInfo(w.id, w.url, w.description, w.active, filters, w.cursor, w.createdAt, v.counts(),
                withSecret ? w.secret : null);
    }

    private static WebhookDeliveryInfo info(WebhookDeliveryEntity d) {
        return new WebhookDeliveryInfo(d.id, d.eventId, d.status, d.attempts, d.nextAttempt, d.lastStatus, d.lastError,
                d.deliveredBy, d.createdAt, d.finishedAt);
    }
}
