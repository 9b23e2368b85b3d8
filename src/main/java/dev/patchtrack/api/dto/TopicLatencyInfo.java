package dev.patchtrack.api.dto;

/**
 * How long one topic's work waited, in hours; null where nothing was measured.
 *
 * @param v1ToAccepted from a series' first posting to the first acceptance of one of its revisions
 * @param firstReview  from a revision's posting to the first Reviewed-by, Acked-by or Tested-by that
 *                     someone other than its author gave in a reply
 */
public record TopicLatencyInfo(String topic, QuartilesInfo v1ToAccepted, QuartilesInfo firstReview) {
}
