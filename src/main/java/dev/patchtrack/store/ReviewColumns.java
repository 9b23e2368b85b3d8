package dev.patchtrack.store;

import dev.patchtrack.core.review.ReviewState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/** A derived review state as a series, a revision and a patch each store it. */
@Embeddable
public class ReviewColumns {

    @Column(nullable = false)
    @Convert(converter = ReviewStateColumn.class)
    public ReviewState state = ReviewState.NEW;

    @Column(name = "state_reason")
    public String reason;

    /** The message that caused it, null when none. */
    @Column(name = "state_message_pk")
    public Long messagePk;

    /** Who caused it, null when nobody did. */
    @Column(name = "state_person_id")
    public Long personId;
}
