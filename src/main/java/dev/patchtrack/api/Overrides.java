package dev.patchtrack.api;

import dev.patchtrack.api.dto.OverrideInput;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.ingest.OverrideService;
import dev.patchtrack.service.Reads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * A maintainer's state overrides, for the series and patch resources: the request checked, the
 * {@link OverrideService} called, and the answer, the series as it now stands, read afterwards.
 */
@ApplicationScoped
public class Overrides {

    @Inject
    OverrideService service;

    @Inject
    Reads reads;

    @Inject
    Views views;

    public Response setSeries(String id, OverrideInput in) {
        long sid = Ids.parse("id", id);
        ReviewState state = validState(in);
        return answer(service.setSeries(sid, state, in.by(), in.note()));
    }

    public Response clearSeries(String id, String by) {
        return answer(service.clearSeries(Ids.parse("id", id), who(by)));
    }

    public Response setPatch(String id, OverrideInput in) {
        long pid = Ids.parse("id", id);
        return answer(service.setPatch(pid, validState(in), in.by(), in.note()));
    }

    public Response clearPatch(String id, String by) {
        return answer(service.clearPatch(Ids.parse("id", id), who(by)));
    }

    private Response answer(long sid) {
        return Response.ok(reads.call(() -> views.series(sid))).build();
    }

    private static ReviewState validState(OverrideInput in) {
        if (in == null || in.state() == null || in.state().isBlank()) {
            throw ApiProblem.badParameter("state", "the body must name a state: {\"state\": \"accepted\", \"by\": \"...\"}");
        }
        if (in.by() == null || in.by().isBlank()) {
            throw ApiProblem.badParameter("by", "say who sets the state: {\"by\": \"Your Name\"}");
        }
        try {
            return ReviewState.fromWire(in.state());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("state", "unknown state '" + Params.clip(in.state()) + "'");
        }
    }

    private static String who(String by) {
        return by == null || by.isBlank() ? "a token holder" : by.strip();
    }
}
