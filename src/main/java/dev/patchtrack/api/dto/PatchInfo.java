package dev.patchtrack.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A patch with the trailers given to it.
 *
 * @param hash          the stable patch-id of its diff ({@code git patch-id --stable}), the same hash the
 *                      Patchwork API gives and {@code ?hash=} finds; null for a patch without a diff (a pull
 *                      request)
 * @param trailerCounts Acked-by, Reviewed-by and Tested-by counts
 * @param reviewers     who gave them: Acked-by, Reviewed-by and Tested-by, each person once
 * @param nacks         the Nacked-by trailers given to it (who, in which message); non-empty means rejected
 * @param applied       "applied" notices that cover it (for the whole revision or this patch), with this
 *                      patch's commit only
 * @param seriesId      set on {@code GET /api/patches/{id}}
 * @param revisionId    set on {@code GET /api/patches/{id}}
 * @param version       set on {@code GET /api/patches/{id}}
 * @param inTree        set on {@code GET /api/patches/{id}} when a tracked git tree carries the patch
 * @param check         Patchwork's combined check: pending with none, else the worst of the latest of each context
 * @param checks        its CI checks, oldest first: derived from bots' replies or posted by CI systems
 * @param content       set on {@code GET /api/patches/{id}}: the commit message, the text before {@code ---}
 * @param diff          set on {@code GET /api/patches/{id}}: the unified diff, up to the signature
 */
public record PatchInfo(long id, int number, String messageId, String subject, PersonInfo author, Instant date,
                        DiffStatInfo diffstat, String hash, StateInfo state, List<TrailerInfo> trailers,
                        Map<String, Integer> trailerCounts,
                        Map<String, List<PersonInfo>> reviewers, List<TrailerInfo> nacks, List<AppliedInfo> applied,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long seriesId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long revisionId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer version,
                        @JsonInclude(JsonInclude.Include.NON_NULL) TreeCommitInfo inTree,
                        String check, List<CheckInfo> checks,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String content,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String diff) {

    public PatchInfo(long id, int number, String messageId, String subject, PersonInfo author, Instant date,
                     DiffStatInfo diffstat, String hash, StateInfo state, List<TrailerInfo> trailers,
                     Map<String, Integer> trailerCounts, Map<String, List<PersonInfo>> reviewers,
                     List<TrailerInfo> nacks, List<AppliedInfo> applied, Long seriesId, Long revisionId,
                     Integer version, String check, List<CheckInfo> checks) {
        this(id, number, messageId, subject, author, date, diffstat, hash, state, trailers, trailerCounts, reviewers,
                nacks, applied, seriesId, revisionId, version, null, check, checks, null, null);
    }

    public PatchInfo withInTree(TreeCommitInfo tree) {
        return new PatchInfo(id, number, messageId, subject, author, date, diffstat, hash, state, trailers,
                trailerCounts, reviewers, nacks, applied, seriesId, revisionId, version, tree, check, checks, content, diff);
    }

    /** The same patch with its commit message and diff, as one patch's page shows it. */
    public PatchInfo withText(String content, String diff) {
        return new PatchInfo(id, number, messageId, subject, author, date, diffstat, hash, state, trailers,
                trailerCounts, reviewers, nacks, applied, seriesId, revisionId, version, inTree, check, checks, content, diff);
    }
}
