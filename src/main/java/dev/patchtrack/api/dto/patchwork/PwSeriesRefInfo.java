package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A series (a patchtrack revision) as a patch or cover letter embeds it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwSeriesRefInfo(long id, String url, String webUrl, String date, String name, int version, String mbox) {
}
