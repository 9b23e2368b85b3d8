package dev.patchtrack.api.patchwork;

import dev.patchtrack.core.review.ReviewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Patchwork's state names and patchtrack's review states, both ways. A patch shows under the nearest
 * Patchwork name: {@code reviewed} (a Reviewed-by or Acked-by, no verdict yet) shows as
 * {@code under-review}; the others have the same name. Filtering by {@code under-review} finds both,
 * {@code reviewed} only the reviewed ones. {@code rfc} is a flag in patchtrack, not a state: it
 * finds the patches of RFC postings. Patchwork's {@code not-applicable}, {@code awaiting-upstream} and
 * {@code deferred} never hold here: as a filter they find nothing, and they cannot be set.
 */
public final class PatchworkStates {

    /** Patchwork's default states, in its order, then patchtrack's own {@code reviewed}. */
    public static final List<String> NAMES = List.of("new", "under-review", "accepted", "rejected", "rfc",
            "not-applicable", "changes-requested", "awaiting-upstream", "superseded", "deferred", "reviewed");

    /** What each Patchwork name finds among patchtrack's states; {@code rfc} is the RFC flag instead. */
    private static final Map<String, List<ReviewState>> FINDS = new LinkedHashMap<>();

    static {
        for (ReviewState s : ReviewState.values()) {
            FINDS.put(s.wireName(), List.of(s));
        }
        FINDS.put(ReviewState.UNDER_REVIEW.wireName(), List.of(ReviewState.UNDER_REVIEW, ReviewState.REVIEWED));
        FINDS.put("not-applicable", List.of());
        FINDS.put("awaiting-upstream", List.of());
        FINDS.put("deferred", List.of());
    }

    private PatchworkStates() {
    }

    /** The Patchwork name a patch in this patchtrack state shows. */
    public static String name(ReviewState state) {
        return (state == ReviewState.REVIEWED ? ReviewState.UNDER_REVIEW : state).wireName();
    }

    /** A Patchwork state as clients spell it: {@code Under Review}, {@code under-review}, {@code under_review}. */
    public static String slug(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
    }

    /** Whether the name is one of {@link #NAMES} (as a {@link #slug}). */
    public static boolean known(String value) {
        return NAMES.contains(slug(value));
    }

    /** patchtrack states the Patchwork names find (rfc finds none: it is the RFC flag). */
    public static List<ReviewState> states(List<String> names) {
        List<ReviewState> out = new ArrayList<>();
        for (String n : names) {
            for (ReviewState s : FINDS.getOrDefault(slug(n), List.of())) {
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The patchtrack state a client may set under this Patchwork name, or null when there is none. */
    public static ReviewState settable(String value) {
        String s = slug(value);
        if (s.equals("rfc") || FINDS.getOrDefault(s, List.of()).isEmpty()) {
            return null;
        }
        return ReviewState.fromWire(s);
    }

    /** The names that can be set, as a problem lists them. */
    public static List<String> settableNames() {
        return NAMES.stream().filter(n -> settable(n) != null).toList();
    }
}
