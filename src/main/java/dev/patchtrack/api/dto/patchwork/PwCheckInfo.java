package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A CI result on a patch; patchtrack has no user accounts, so {@code user} is null. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwCheckInfo(long id, String url, Object user, String date, String state, String targetUrl, String context,
                          String description) {
}
