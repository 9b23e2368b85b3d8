package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A person as records embed them: a submitter. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwPersonInfo(long id, String url, String name, String email) {
}
