package dev.patchtrack.api.dto;

/**
 * A source to create or change. Durations are {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO
 * 8601 ({@code PT5M}).
 */
public record SourceInput(String name, String baseUrl, String inbox, String mode, String query, String schedule,
                          String staleAfter, Boolean enabled) {
}
