package dev.patchtrack.api;

import dev.patchtrack.core.model.WireNames;
import dev.patchtrack.core.query.SearchQuery;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.store.ItemSearch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Multi-valued filters ({@code ?state=new&state=reviewed} or {@code ?state=new,reviewed}) and their
 * validation: a bad value is a 400 problem that names the parameter.
 */
public final class Filters {

    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LIST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final int MAX_TEXT = 200;

    private Filters() {
    }

    /** The filters of a listing; topics and lists must be ones the service knows. */
    static ItemSearch.Filter filter(FilterParams p, KnownValues known) {
        return new ItemSearch.Filter(known.checkLists(lists(p.list)), known.checkTopics(topics(p.topic)),
                states(p.state), authors(p.author),
                Params.instant("since", p.since), Params.instant("before", p.before), versions(p.version),
                bool("rfc", p.rfc), query("q", p.q), List.of(), List.of());
    }

    public static List<String> values(List<String> raw) {
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

    static List<ReviewState> states(List<String> raw) {
        List<ReviewState> out = new ArrayList<>();
        for (String s : values(raw)) {
            try {
                out.add(ReviewState.fromWire(s));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badParameter("state", KnownValues.unknown("state", s, WireNames.all(ReviewState.class)));
            }
        }
        return out;
    }

    static List<String> topics(List<String> raw) {
        return matching("topic", "a topic name", TOPIC, raw);
    }

    static List<String> lists(List<String> raw) {
        return matching("list", "a list name", LIST, raw);
    }

    private static List<String> matching(String name, String what, Pattern pattern, List<String> raw) {
        List<String> out = values(raw);
        for (String v : out) {
            if (!pattern.matcher(v).matches()) {
                throw ApiProblem.badParameter(name, "not " + what + ": '" + Params.clip(v) + "'");
            }
        }
        return out;
    }

    static List<String> authors(List<String> raw) {
        List<String> out = values(raw);
        for (String a : out) {
            text("author", a);
        }
        return out;
    }

    static List<Integer> versions(List<String> raw) {
        List<Integer> out = new ArrayList<>();
        for (String v : values(raw)) {
            String s = v.startsWith("v") || v.startsWith("V") ? v.substring(1) : v;
            out.add(Params.positiveInt("version", s, 1, 1000));
        }
        return out;
    }

    public static Boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw ApiProblem.badParameter(name, name + " must be true or false, not '" + Params.clip(raw) + "'");
        };
    }

    /** lore's search words ({@link SearchQuery}); a query that cannot be read is a 400 saying why. */
    static SearchQuery.Node query(String name, String raw) {
        String v = text(name, raw);
        if (v == null) {
            return null;
        }
        SearchQuery.Parsed parsed = SearchQuery.parse(v, Instant.now());
        if (!parsed.ok()) {
            throw ApiProblem.badParameter(name, name + ": " + parsed.problem());
        }
        return parsed.node();
    }

    static String text(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        if (v.length() > MAX_TEXT) {
            throw ApiProblem.badParameter(name, name + " is longer than " + MAX_TEXT + " characters");
        }
        return v;
    }

    /** {@code order=-updated}: a key among {@code keys}, '-' first for descending; default -updated. */
    static ItemSearch.Order order(String raw, Map<String, String> keys) {
        if (raw == null || raw.isBlank()) {
            return new ItemSearch.Order("updated", true);
        }
        String v = raw.strip();
        boolean desc = v.startsWith("-");
        String key = desc || v.startsWith("+") ? v.substring(1) : v;
        if (!keys.containsKey(key)) {
            throw ApiProblem.badParameter("order", "cannot sort by '" + Params.clip(v) + "'; keys are "
                    + String.join(", ", new TreeSet<>(keys.keySet())) + ", with '-' first for descending");
        }
        return new ItemSearch.Order(key, desc);
    }
}
