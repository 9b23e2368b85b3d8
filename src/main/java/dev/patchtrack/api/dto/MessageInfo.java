package dev.patchtrack.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a message is: its kind, its lists, and for patches and cover letters where it belongs.
 *
 * @param problems    what could not be read, one sentence each
 * @param problemDetails the same problems with their code, severity and offset
 * @param patchNumber the patch number, 0 for a cover letter, null otherwise
 * @param seriesTitle the title of the series it belongs to, null when none
 * @param state       the review state of its patch (or of its revision, for a cover letter), with the reason
 * @param pull        for kind {@code pull}: the repository, branch or tag, commits and shortlog
 */
public record MessageInfo(String messageId, String kind, String subject, PersonInfo from, Instant date,
                          List<String> lists, String inReplyTo, boolean syntheticId, boolean readable,
                          boolean deleted, List<String> problems, List<ParseProblemInfo> problemDetails,
                          Long seriesId, Long revisionId, Integer version,
                          Integer patchNumber, Long patchId, String seriesTitle, StateInfo state,
                          Map<String, String> links,
                          @JsonInclude(JsonInclude.Include.NON_NULL) PullRequestInfo pull) {
}
