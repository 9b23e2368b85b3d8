package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** A Patchwork cover letter: the cover of a patchtrack revision; one cover adds {@code headers} and {@code content}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwCoverInfo(long id, String url, String webUrl, PwProjectInfo project, String msgid, String listArchiveUrl,
                          String date, String name, PwPersonInfo submitter, String mbox, List<PwSeriesRefInfo> series,
                          String comments,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> headers,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String content) {

    public PwCoverInfo withDetail(Map<String, Object> headers, String content) {
        return new PwCoverInfo(id, url, webUrl, project, msgid, listArchiveUrl, date, name, submitter, mbox, series,
                comments, headers, content);
    }
}
