package dev.patchtrack.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a message is: its kind, its lists, and for patches and cover letters where it belongs.
 *
 * @param patchNumber the patch number, 0 for a cover letter, null otherwise
 * @param state       a patch's review state, or a cover letter's revision's; null for other messages
 * @param pull        for kind {@code pull}: the repository, branch or tag, commits and shortlog
 */
public record MessageInfo(String messageId, String kind, String subject, PersonInfo from, Instant date,
                          List<String> lists, String inReplyTo, boolean syntheticId, boolean readable,
                          boolean deleted, List<String> problems, Long seriesId, Long revisionId, Integer version,
                          Integer patchNumber, Long patchId, StateInfo state, Map<String, String> links,
                          @JsonInclude(JsonInclude.Include.NON_NULL) PullRequestInfo pull) {
}
