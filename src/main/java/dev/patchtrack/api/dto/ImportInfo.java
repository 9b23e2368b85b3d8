package dev.patchtrack.api.dto;

import dev.patchtrack.core.model.Problem;
import java.util.List;

/**
 * The answer to an import.
 *
 * @param seriesRebuilt true when the import changed anything, so series were derived again
 */
public record ImportInfo(String list, int read, int stored, int duplicates, int unparseable, int problemCount,
                         List<ImportProblemInfo> problems, long bytes, long millis, boolean seriesRebuilt) {

    /**
     * One problem; offset -1 concerns the input as a whole.
     *
     * @param reason   the problem in a sentence
     * @param code     what kind of problem ({@code date-invalid}, {@code not-a-mail} ...)
     * @param severity {@code error}: the message or input could not be read; {@code warning}: read, with a
     *                 guess, a cut or a part left out
     */
    public record ImportProblemInfo(long offset, String messageId, String reason, String code, String severity) {

        public static ImportProblemInfo of(String messageId, Problem p) {
            return new ImportProblemInfo(p.offset(), messageId, p.detail(), p.code().wireName(),
                    p.severity().wireName());
        }
    }
}
