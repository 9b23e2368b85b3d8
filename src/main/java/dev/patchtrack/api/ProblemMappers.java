package dev.patchtrack.api;

import dev.patchtrack.api.dto.ProblemInfo;
import dev.patchtrack.ingest.Fatal;
import dev.patchtrack.ingest.NotFound;
import dev.patchtrack.store.DatabaseDown;
import dev.patchtrack.store.StoreFailure;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as {@code application/problem+json}; never a stack trace. */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @Context
    UriInfo uri;

    public static Response problem(int status, String title, String detail, String parameter, String instance) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(new ProblemInfo("about:blank", title, status, detail, parameter, instance))
                .build();
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e) {
        Response r = problem(e.status(), e.title(), e.getMessage(), e.parameter(), path());
        return e.retryAfter() == null ? r : Response.fromResponse(r).header("Retry-After", e.retryAfter()).build();
    }

    /** What a service was asked to act on does not exist. */
    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return problem(404, "Not found", e.getMessage(), null, path());
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        var v = e.getConstraintViolations().stream().findFirst();
        String param = v.map(c -> {
            String p = c.getPropertyPath().toString();
            return p.substring(p.lastIndexOf('.') + 1);
        }).orElse(null);
        return problem(400, "Bad parameter", v.map(c -> param + ": " + c.getMessage()).orElse(e.getMessage()), param, path());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "no such resource" : e.getMessage();
        return problem(status, title, detail, null, path());
    }

    @ServerExceptionMapper
    public Response other(Exception e) {
        Fatal.exitIfOutOfMemory(e);
        StoreFailure.note(e);
        if (StoreFailure.diskFull(e) || StoreFailure.closed(e) && StoreFailure.embeddedDiskFull(
                org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse(null))) {
            LOG.errorf("request %s: the database's disk is full (%s)", path(), e.toString());
            return Response.fromResponse(problem(507, "Insufficient storage",
                    "the database has no room left on its disk: nothing was stored; try again once space is freed", null,
                    path())).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseDown.is(e)) {
            // not the request's fault and not a bug: say when to come back, and keep the log short
            LOG.warnf("request %s: database unavailable (%s)", path(), e.toString());
            return Response.fromResponse(problem(503, "Service unavailable",
                    "the database cannot be reached at the moment; try again shortly", null, path()))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "request %s failed", path());
        return problem(500, "Internal error", "the request could not be completed; the error is logged", null, path());
    }

    /** An error (not an exception): out of memory ends the process; anything else is logged, and a 500. */
    @ServerExceptionMapper
    public Response error(Error e) {
        Fatal.exitIfOutOfMemory(e);
        LOG.errorf(e, "request %s failed", path());
        return problem(500, "Internal error", "the request could not be completed; the error is logged", null, path());
    }

    private String path() {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
