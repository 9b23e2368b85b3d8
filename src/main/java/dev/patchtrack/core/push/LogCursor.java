package dev.patchtrack.core.push;

import java.time.Instant;
import java.util.List;

/**
 * How far the event log can be taken as complete. Event ids come from a sequence, one at a time, but
 * transactions commit in their own order: id 41 may be visible while 40, taken by a longer
 * transaction, is not yet. A cursor that jumped to 41 would never deliver 40. So the cursor moves
 * only over ids that follow each other; at a gap it stops, unless the event after the gap was
 * recorded more than {@code settle} ago: a transaction that still has not committed by then has
 * rolled back, and its id will never appear.
 */
public final class LogCursor {

    /** An event id and when it was recorded. */
    public record Seen(long id, Instant at) {
    }

    private LogCursor() {
    }

    /**
     * The furthest id the cursor may move to from {@code cursor}, given the ids after it that are
     * visible now, ascending.
     */
    public static long advance(long cursor, List<Seen> visible, Instant now, java.time.Duration settle) {
        long safe = cursor;
        for (Seen s : visible) {
            if (s.id() <= safe) {
                continue;
            }
            if (s.id() != safe + 1 && s.at().isAfter(now.minus(settle))) {
                break; // a gap that may still fill
            }
            safe = s.id();
        }
        return safe;
    }
}
