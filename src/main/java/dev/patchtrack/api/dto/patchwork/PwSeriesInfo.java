package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A Patchwork series: one patchtrack revision, with its cover letter and patches. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwSeriesInfo(long id, String url, String webUrl, PwProjectInfo project, String name, String date,
                           PwPersonInfo submitter, int version, int total, int receivedTotal, boolean receivedAll,
                           String mbox, PwSubmissionRefInfo coverLetter, List<PwSubmissionRefInfo> patches) {
}
