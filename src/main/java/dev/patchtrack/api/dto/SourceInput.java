package dev.patchtrack.api.dto;

/**
 * A source to create or change. Durations are {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO
 * 8601 ({@code PT5M}).
 *
 * @param history how much of the list's past the first sync reads: {@code full}, a window such as
 *                {@code 90d}, or a date such as {@code 2024-01-01}; unset: the service's default
 */
public record SourceInput(String name, String baseUrl, String inbox, String mode, String query, String schedule,
                          String staleAfter, Boolean enabled, String history) {
}
