package dev.patchtrack.api.dto;

/**
 * A maintainer or reviewer whom MAINTAINERS lists for a revision's paths or words.
 *
 * @param role    {@code maintainer} (M:) or {@code reviewer} (R:)
 * @param section the MAINTAINERS section that lists them
 * @param status  {@code trailer} (gave Reviewed-by, Acked-by or Tested-by), {@code replied} (wrote in the
 *                revision's threads) or {@code waiting}
 */
public record ReviewerInfo(String name, String address, String role, String section, String status) {
}
