package dev.patchtrack.api.dto;

import java.util.List;

/**
 * The answer to an import.
 *
 * @param seriesRebuilt true when the import changed anything, so series were derived again
 */
public record ImportInfo(String list, int read, int stored, int duplicates, int unparseable, int problemCount,
                         List<ImportProblemInfo> problems, long bytes, long millis, boolean seriesRebuilt) {

    /** One problem; offset -1 concerns the input as a whole. */
    public record ImportProblemInfo(long offset, String messageId, String reason) {
    }
}
