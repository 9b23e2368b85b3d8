package dev.patchtrack.api;

import dev.patchtrack.core.model.EventKind;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What narrows the event log, for {@code /api/events} and its stream alike ({@code @BeanParam}):
 * several values of one are alternatives, given repeated or comma-separated.
 */
public class EventFilterParams {

    static final String KINDS = "series-created, revision-posted, revision-compared, trailer-added, state-changed,"
            + " override-set, override-cleared, article-published, check-created, check-changed";

    @QueryParam("kind")
    @Parameter(description = "kinds, repeated or comma-separated: " + KINDS, example = "revision-posted")
    public List<String> kind;

    @QueryParam("series")
    @Parameter(description = "series ids, repeated or comma-separated", example = "42")
    public List<String> series;

    @QueryParam("list")
    @Parameter(description = "lists the series has mail on, repeated or comma-separated", example = "rust-for-linux")
    public List<String> list;

    @QueryParam("topic")
    @Parameter(description = "topics of the series, repeated or comma-separated", example = "rust-nvme")
    public List<String> topic;

    /** The filters, checked; empty lists mean no filter. */
    public record Checked(List<EventKind> kinds, List<Long> series, List<String> lists, List<String> topics) {
    }

    /** The filters checked: an unknown kind, list or topic, or a series that is not an id, is a 400 naming it. */
    Checked check(KnownValues known) {
        List<Long> ids = new ArrayList<>();
        for (String v : Filters.values(series)) {
            ids.add(Ids.parse("series", v));
        }
        return new Checked(KnownValues.check("kind", "kind", Filters.values(kind), EventKind.wireNames()).stream()
                .map(EventKind::fromWire).toList(),
                ids, known.checkLists(Filters.lists(list)), known.checkTopics(Filters.topics(topic)));
    }
}
