package dev.patchtrack.store;

import dev.patchtrack.core.review.ReviewState;
import jakarta.persistence.Converter;

/** A review state as the {@code state} columns of series, revisions, patches and overrides hold it: its wire name. */
@Converter
public class ReviewStateColumn extends WireColumn<ReviewState> {

    public ReviewStateColumn() {
        super(ReviewState.class, "review state");
    }
}
