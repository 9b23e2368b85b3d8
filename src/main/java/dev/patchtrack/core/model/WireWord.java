package dev.patchtrack.core.model;

/**
 * An enum of shared words: its constants are spelled outside Java by {@link WireNames}, the one rule
 * ({@code CHECK_CREATED} is {@code check-created}). Implemented by the enums whose words the API, the feeds,
 * the settings and the database say.
 */
public interface WireWord {

    /** This constant's wire name. */
    default String wireName() {
        return WireNames.of((Enum<?>) this);
    }
}
