package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** A Patchwork event: its {@code category} and a {@code payload} whose fields the category names. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwEventInfo(long id, String category, PwProjectInfo project, String date, Object actor,
                          Map<String, Object> payload) {
}
