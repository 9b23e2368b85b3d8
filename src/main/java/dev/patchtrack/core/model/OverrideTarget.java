package dev.patchtrack.core.model;

import java.util.List;
import java.util.Optional;

/** What a maintainer's state override applies to; the wire name is what events and the database say. */
public enum OverrideTarget implements WireWord {
    /** a whole series, every revision of it */
    SERIES,
    /** one patch */
    PATCH;

    /** Every wire name, in declaration order. */
    public static List<String> wireNames() {
        return WireNames.all(OverrideTarget.class);
    }

    /** The target a wire name names, or empty for one that names none. */
    public static Optional<OverrideTarget> find(String wire) {
        return WireNames.find(OverrideTarget.class, wire);
    }

    /** The target a wire name names; an unknown name is an {@link IllegalArgumentException}. */
    public static OverrideTarget fromWire(String wire) {
        return WireNames.fromWire(OverrideTarget.class, wire, "override target");
    }
}
