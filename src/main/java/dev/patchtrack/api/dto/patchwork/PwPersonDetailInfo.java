package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A person as {@code /people/} lists them; patchtrack has no user accounts, so {@code user} is null. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwPersonDetailInfo(long id, String url, String name, String email, Object user) {
}
