package dev.patchtrack.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A patch with the trailers given to it.
 *
 * @param trailerCounts Acked-by, Reviewed-by and Tested-by counts
 * @param seriesId      set on {@code GET /api/patches/{id}}
 * @param revisionId    set on {@code GET /api/patches/{id}}
 * @param version       set on {@code GET /api/patches/{id}}
 */
public record PatchInfo(long id, int number, String messageId, String subject, PersonInfo author, Instant date,
                        DiffStatInfo diffstat, StateInfo state, List<TrailerInfo> trailers,
                        Map<String, Integer> trailerCounts,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long seriesId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long revisionId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer version) {
}
