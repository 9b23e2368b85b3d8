package dev.patchtrack.api;

/** A request the API refuses, with the status and, when a parameter is at fault, its name. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String parameter;
    private String retryAfter;

    public ApiProblem(int status, String title, String detail, String parameter) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.parameter = parameter;
    }

    public static ApiProblem badParameter(String parameter, String detail) {
        return new ApiProblem(400, "Bad parameter", detail, parameter);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail, null);
    }

    /** Too much at once: a 503 that says in how many seconds to try again. */
    public static ApiProblem busy(String detail, int retryAfterSeconds) {
        ApiProblem p = new ApiProblem(503, "Service unavailable", detail, null);
        p.retryAfter = String.valueOf(retryAfterSeconds);
        return p;
    }

    /** Seconds for a Retry-After header, or null. */
    public String retryAfter() {
        return retryAfter;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String parameter() {
        return parameter;
    }
}
