package dev.patchtrack.api;

/** A request the API refuses, with the status and, when a parameter is at fault, its name. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String parameter;

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
