package dev.patchtrack.api.patchwork;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters and order that patches, series and cover letters share. */
public class PatchworkQuery extends PatchworkScope {

    @QueryParam("submitter")
    @Parameter(description = "submitters (person ids or addresses), repeated", example = "aliceryhl@google.com")
    public List<String> submitter;

    @QueryParam("q")
    @Parameter(description = "words that must all be part of the name", example = "crate name")
    public String q;

    @QueryParam("order")
    @Parameter(description = "a sort key ('-' first for descending): id, name, date, and for patches state, for series"
            + " and cover letters submitter", example = "-date")
    public String order;
}
