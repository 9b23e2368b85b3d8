package dev.patchtrack.core.derive;

import dev.patchtrack.core.patch.VersionChanges;
import dev.patchtrack.core.review.ReviewState;
import java.util.List;

/**
 * Which change of a stored series is an event, and the words the event log, the feeds and the
 * webhooks carry for it: one place for what derivation announces.
 */
public final class SeriesEvents {

    private SeriesEvents() {
    }

    /** {@code series-created}. */
    public static String seriesCreated(String title, ReviewState state) {
        return "new series: " + title + " (" + state.wireName() + ")";
    }

    /** {@code state-changed} of a series. */
    public static String seriesStateChanged(String title, ReviewState before, ReviewState after, String reason) {
        return "series " + title + ": " + before.wireName() + " -> " + after.wireName() + " (" + reason + ")";
    }

    /** {@code revision-posted}: how many of its patches arrived. */
    public static String revisionPosted(int version, boolean rfc, String title, int patches, int total) {
        return "v" + version + (rfc ? " (RFC)" : "") + " of " + title + " posted, " + patches + " of " + total
                + " patches";
    }

    /** {@code state-changed} of a revision. */
    public static String revisionStateChanged(int version, String title, ReviewState before, ReviewState after,
                                              String reason) {
        return "v" + version + " of " + title + ": " + before.wireName() + " -> " + after.wireName() + " (" + reason
                + ")";
    }

    /**
     * Whether a trailer newly given to a patch of a revision already stored is an event: every one but
     * {@code Signed-off-by}, which comes with the patch (and a new revision's trailers come with its
     * {@code revision-posted}).
     */
    public static boolean announcesTrailer(String name) {
        return !name.equals("Signed-off-by");
    }

    /** {@code trailer-added}. */
    public static String trailerAdded(String name, String value, String patchSubject) {
        return name + ": " + value + " on " + patchSubject;
    }

    /** {@code revision-compared}: one line, then the author's changelog. */
    public static String revisionCompared(int version, String title, VersionChanges c) {
        StringBuilder b = new StringBuilder("v").append(version).append(" of ").append(title).append(' ')
                .append(c.sentence());
        list(b, "changed", c.changed());
        list(b, "added", c.added());
        list(b, "dropped", c.dropped());
        if (c.changelog() != null) {
            b.append("\n\n").append(c.changelog());
        }
        return b.toString();
    }

    private static void list(StringBuilder b, String what, List<String> subjects) {
        if (!subjects.isEmpty()) {
            b.append("; ").append(what).append(": ").append(String.join(", ", subjects));
        }
    }
}
