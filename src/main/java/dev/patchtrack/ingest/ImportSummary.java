package dev.patchtrack.ingest;

import dev.patchtrack.core.model.Problem;
import java.util.List;

/**
 * What an import did.
 *
 * @param list         the list the mail was filed under (null: each message's own List-Id)
 * @param read         messages read from the input
 * @param stored       messages stored for the first time
 * @param duplicates   messages already stored (a cross-posted one gains the list), the same Message-ID
 *                     delivered again with other bytes among them (kept as a copy, not as a message)
 * @param unparseable  of the stored ones, how many could not be read as mail (kept with the reason)
 * @param problems     what went wrong, first ones only (see {@code problemCount})
 * @param problemCount how many problems there were in all
 * @param bytes        bytes read from the input
 * @param millis       wall time
 * @param rebuild      what the series rebuild after the import changed
 * @param deleted      messages marked deleted (upstream deletions read from a source)
 * @param newlyListed  known messages newly filed under the list (cross-posting)
 * @param changedIds   Message-IDs of the messages stored, newly listed or deleted: what series derivation
 *                     looks at again; null when there were too many to list (the full pass then)
 */
public record ImportSummary(String list, int read, int stored, int duplicates, int unparseable,
                            List<MessageProblem> problems, int problemCount, long bytes, long millis,
                            SeriesRebuilder.Summary rebuild, int deleted, int newlyListed,
                            java.util.Set<String> changedIds) {

    /**
     * One problem and the message it concerns (null: the input as a whole). The problem's offset is
     * where in the input the message starts, {@link Problem#NO_OFFSET} when the input has no offsets.
     */
    public record MessageProblem(String messageId, Problem problem) {
    }

    public ImportSummary withRebuild(SeriesRebuilder.Summary r) {
        return new ImportSummary(list, read, stored, duplicates, unparseable, problems, problemCount, bytes, millis,
                r, deleted, newlyListed, changedIds);
    }
}
