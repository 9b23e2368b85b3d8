package dev.patchtrack.core.model;

import java.util.List;
import java.util.Optional;

/** What an entry of the event log records; the wire name is what the API, the feeds and the database say. */
public enum EventKind implements WireWord {
    SERIES_CREATED,
    REVISION_POSTED,
    REVISION_COMPARED,
    TRAILER_ADDED,
    STATE_CHANGED,
    OVERRIDE_SET,
    OVERRIDE_CLEARED,
    ARTICLE_PUBLISHED,
    CHECK_CREATED,
    CHECK_CHANGED;

    /** Every wire name, in declaration order. */
    public static List<String> wireNames() {
        return WireNames.all(EventKind.class);
    }

    /** The kind a wire name names, or empty for one that names none. */
    public static Optional<EventKind> find(String wire) {
        return WireNames.find(EventKind.class, wire);
    }

    /** The kind a wire name names; an unknown name is an {@link IllegalArgumentException}. */
    public static EventKind fromWire(String wire) {
        return WireNames.fromWire(EventKind.class, wire, "event kind");
    }

    /** A check was recorded or changed. */
    public boolean isCheck() {
        return this == CHECK_CREATED || this == CHECK_CHANGED;
    }
}
