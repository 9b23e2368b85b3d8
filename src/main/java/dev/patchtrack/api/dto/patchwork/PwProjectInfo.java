package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A Patchwork project: one list. Embedded in other records without {@code maintainers} and
 * {@code subject_match}, as Patchwork does.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwProjectInfo(long id, String url, String name, String linkName, String listId, String listEmail,
                            String webUrl, String scmUrl, String webscmUrl,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Object> maintainers,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String subjectMatch,
                            String listArchiveUrl, String listArchiveUrlFormat, String commitUrlFormat) {

    /** The same project as other records embed it. */
    public PwProjectInfo embedded() {
        return new PwProjectInfo(id, url, name, linkName, listId, listEmail, webUrl, scmUrl, webscmUrl, null, null,
                listArchiveUrl, listArchiveUrlFormat, commitUrlFormat);
    }
}
