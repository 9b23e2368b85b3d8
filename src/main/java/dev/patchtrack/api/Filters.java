package dev.patchtrack.api;

import dev.patchtrack.core.review.ReviewState;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Multi-valued filters: {@code ?state=new&state=reviewed} or {@code ?state=new,reviewed}. */
final class Filters {

    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Filters() {
    }

    static List<String> values(List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String r : raw) {
                for (String v : r.split(",")) {
                    if (!v.isBlank()) {
                        out.add(v.strip());
                    }
                }
            }
        }
        return out;
    }

    static List<String> states(List<String> raw) {
        List<String> out = values(raw);
        for (String s : out) {
            try {
                ReviewState.fromWire(s);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badParameter("state", "unknown state '" + Params.clip(s) + "'; states are "
                        + String.join(", ", java.util.Arrays.stream(ReviewState.values()).map(ReviewState::wireName).toList()));
            }
        }
        return out;
    }

    static List<String> topics(List<String> raw) {
        List<String> out = values(raw);
        for (String t : out) {
            if (!TOPIC.matcher(t).matches()) {
                throw ApiProblem.badParameter("topic", "not a topic name: '" + Params.clip(t) + "'");
            }
        }
        return out;
    }
}
