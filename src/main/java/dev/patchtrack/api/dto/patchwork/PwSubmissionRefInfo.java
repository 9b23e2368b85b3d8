package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A patch or cover letter as a series embeds it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwSubmissionRefInfo(long id, String url, String webUrl, String msgid, String listArchiveUrl, String date,
                                  String name, String mbox) {
}
