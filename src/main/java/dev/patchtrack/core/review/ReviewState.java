package dev.patchtrack.core.review;

import dev.patchtrack.core.model.WireNames;
import dev.patchtrack.core.model.WireWord;
import java.util.Locale;

/** Where a patch, a revision or a series stands. RFC is a flag, not a state. */
public enum ReviewState implements WireWord {
    /** posted, no reply from anyone but the author */
    NEW,
    /** replies from others, no verdict yet */
    UNDER_REVIEW,
    /** at least one Reviewed-by or Acked-by from someone other than the author */
    REVIEWED,
    /** a reviewer asked for changes and no newer revision exists yet */
    CHANGES_REQUESTED,
    /** applied by a maintainer, or found in a tracked tree */
    ACCEPTED,
    /** a newer revision was posted and this one was not accepted */
    SUPERSEDED,
    /** Nacked-by, or an explicit rejection */
    REJECTED;

    /** Still to be decided: not accepted, superseded or rejected. */
    public boolean open() {
        return this != ACCEPTED && this != SUPERSEDED && this != REJECTED;
    }

    /**
     * The state a person typed: its wire name, in any case, with blanks around it or underscores for
     * hyphens ({@code Under_Review}); any other is an {@link IllegalArgumentException}.
     */
    public static ReviewState fromWire(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
