package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** A reply to a patch or cover letter. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwCommentInfo(long id, String webUrl, String msgid, String listArchiveUrl, String date, String subject,
                            PwPersonInfo submitter, String content, Map<String, Object> headers) {
}
