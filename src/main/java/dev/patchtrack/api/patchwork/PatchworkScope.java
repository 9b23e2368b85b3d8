package dev.patchtrack.api.patchwork;

import dev.patchtrack.api.Params;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The projects and dates that bound a Patchwork list, with its page. */
public class PatchworkScope extends PatchworkPaging {

    @QueryParam("project")
    @Parameter(description = "projects (ids or list names), repeated", example = "linux-kbuild")
    public List<String> project;

    @QueryParam("since")
    @Parameter(description = "at or after: an ISO date or date-time, yesterday, 2.weeks.ago or 3d", example = "2.weeks.ago")
    public String since;

    @QueryParam("before")
    @Parameter(description = "before: a date as since", example = "2024-06-01")
    public String before;

    Instant since() {
        return Params.instant("since", since);
    }

    Instant before() {
        return Params.instant("before", before);
    }
}
