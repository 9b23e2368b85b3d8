package dev.patchtrack.api.dto.patchwork;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A Patchwork patch. The list gives the fields up to {@code related}; one patch adds its
 * {@code headers}, {@code content} (the commit message), {@code diff} and subject {@code prefixes}.
 *
 * @param state Patchwork's name of the patch's state (patchtrack's {@code reviewed} is {@code under-review})
 * @param hash  the stable patch-id of the diff ({@code git patch-id --stable})
 * @param check the combined state of its checks: pending when none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PwPatchInfo(long id, String url, String webUrl, PwProjectInfo project, String msgid, String listArchiveUrl,
                          String date, String name, String commitRef, String pullUrl, String state, boolean archived,
                          String hash, PwPersonInfo submitter, Object delegate, String mbox, List<PwSeriesRefInfo> series,
                          String comments, String check, String checks, Map<String, Object> tags, List<Object> related,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> headers,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String content,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String diff,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> prefixes) {

    /** The same patch with the fields of one patch's page. */
    public PwPatchInfo withDetail(Map<String, Object> headers, String content, String diff, List<String> prefixes) {
        return new PwPatchInfo(id, url, webUrl, project, msgid, listArchiveUrl, date, name, commitRef, pullUrl, state,
                archived, hash, submitter, delegate, mbox, series, comments, check, checks, tags, related, headers, content,
                diff, prefixes);
    }
}
