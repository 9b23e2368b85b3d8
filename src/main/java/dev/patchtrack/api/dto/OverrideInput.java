package dev.patchtrack.api.dto;

/**
 * A maintainer's state override.
 *
 * @param state the state to set (new, under-review, reviewed, changes-requested, accepted, superseded, rejected)
 * @param by    who sets it, shown with the state
 * @param note  why, optional
 */
public record OverrideInput(String state, String by, String note) {
}
