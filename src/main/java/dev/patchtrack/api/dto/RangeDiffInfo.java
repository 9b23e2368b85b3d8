package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * Two revisions of a series compared as {@code git range-diff} compares them.
 *
 * @param pairs in the newer revision's order, a dropped patch where the older one had it
 */
public record RangeDiffInfo(long series, String title, Revision from, Revision to, int unchanged, int changed,
                            int added, int dropped, List<Pair> pairs) {

    /** One side: the revision and its patches' Message-IDs in order. */
    public record Revision(int version, long revisionId, Instant postedAt, List<String> patches) {
    }

    /**
     * A pair, or a patch of one side only.
     *
     * @param from      1-based position in the older revision (null: added)
     * @param to        1-based position in the newer revision (null: dropped)
     * @param marker    {@code =} the same patch, {@code !} changed, {@code <} dropped, {@code >} added
     * @param fromId    the older patch's stable patch-id, as range-diff shows a commit id
     * @param interdiff for {@code !}: the diff between the two patches as range-diff writes them, each line
     *                  with its marker ({@code @@ section} heads each hunk)
     */
    public record Pair(Integer from, Integer to, String marker, String subject, String fromId, String toId,
                       String fromMessageId, String toMessageId, List<String> interdiff) {
    }
}
