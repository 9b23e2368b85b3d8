package dev.patchtrack.core.model;

import java.util.List;
import java.util.Optional;

/** How a list is read from a public-inbox server; the wire name is what settings, the API and the database say. */
public enum SourceMode implements WireWord {
    /** the v2 git epochs, mirrored */
    GIT,
    /** {@code new.atom}, then each new message's raw form */
    ATOM,
    /** a public-inbox search returning an mbox */
    QUERY;

    /** Every wire name, in declaration order. */
    public static List<String> wireNames() {
        return WireNames.all(SourceMode.class);
    }

    /** The mode a wire name names, or empty for one that names none. */
    public static Optional<SourceMode> find(String wire) {
        return WireNames.find(SourceMode.class, wire);
    }

    /** The mode a wire name names; an unknown name is an {@link IllegalArgumentException}. */
    public static SourceMode fromWire(String wire) {
        return WireNames.fromWire(SourceMode.class, wire, "source mode");
    }
}
