package dev.patchtrack.core.model;

import java.util.List;

/**
 * What a reply's own words say about the reach of the trailers it gives, beyond the patch or cover
 * letter it answers: "For the whole series:", "Same for patch 1/2.", "With the exception of patch 2",
 * or a quoted line of the cover letter's patch list. A trailer given on condition ("With that fixed:
 * Reviewed-by: ...") is credited like any other, as b4 and Patchwork do: the next version carries it.
 *
 * @param wholeSeries  the reply says its trailers are for the whole series ("for the entire series",
 *                     "both patches:"), wherever it sits in the thread
 * @param alsoPatches  patch numbers it extends its trailers to ("same for patch 1/2", "also for patch 3")
 * @param exceptPatches patch numbers it excludes ("with the exception of patch 2", "except for 3/5")
 * @param quotedTitles normalized titles of the few patch-list lines of the cover letter quoted just above
 *                     its first trailer: the trailers are for those patches
 */
public record ReplyScope(boolean wholeSeries, List<Integer> alsoPatches, List<Integer> exceptPatches,
                         List<String> quotedTitles) {

    public ReplyScope {
        alsoPatches = alsoPatches == null ? List.of() : List.copyOf(alsoPatches);
        exceptPatches = exceptPatches == null ? List.of() : List.copyOf(exceptPatches);
        quotedTitles = quotedTitles == null ? List.of() : List.copyOf(quotedTitles);
    }

    /** True when the reply said nothing about the reach of its trailers. */
    public boolean saysNothing() {
        return !wholeSeries && alsoPatches.isEmpty() && exceptPatches.isEmpty() && quotedTitles.isEmpty();
    }
}
