package dev.patchtrack.api.dto;

/** A person: display name (may be null) and address. */
public record PersonInfo(String name, String email) {
}
