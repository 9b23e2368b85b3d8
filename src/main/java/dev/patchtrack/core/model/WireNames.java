package dev.patchtrack.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How an enum of shared words is spelled outside Java: {@code CHECK_CREATED} is {@code check-created}. */
public final class WireNames {

    private WireNames() {
    }

    /** The constant's name in lower case, with hyphens for underscores. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every constant's wire name, in declaration order. */
    public static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).toList();
    }

    /** The constant spelled exactly {@code wire}, or empty. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> of(c).equals(wire)).findFirst();
    }

    /** The constant spelled exactly {@code wire}; any other is an {@link IllegalArgumentException}. */
    public static <E extends Enum<E>> E fromWire(Class<E> type, String wire, String what) {
        return find(type, wire).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + wire + "'"));
    }
}
