package dev.patchtrack.api;

/** Example bodies for the OpenAPI document, taken from a real instance. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String SERIES_PAGE = "{}";
    static final String PATCH_PAGE = "{}";
    static final String BAD_PARAMETER = "{\"type\":\"about:blank\",\"title\":\"Bad parameter\",\"status\":400,"
            + "\"detail\":\"unknown state 'merged'; states are new, under-review, reviewed, changes-requested, accepted,"
            + " superseded, rejected\",\"parameter\":\"state\",\"instance\":\"/api/series\"}";
    static final String STATS = "{}";
    static final String EVENTS = "[]";
    static final String MESSAGE = "{}";
    static final String SERIES = "{}";
    static final String PATCH = "{}";
}
