package dev.patchtrack.api.dto;

import java.time.Instant;

/**
 * One event on its way to a webhook.
 *
 * @param status      pending, delivered or failed
 * @param attempts    attempts made
 * @param nextAttempt when a pending one is tried (again)
 * @param lastStatus  the receiver's HTTP status at the last attempt, null when there was no answer
 * @param lastError   why the last attempt failed
 * @param deliveredBy the instance whose attempt the receiver accepted
 */
public record WebhookDeliveryInfo(long id, long eventId, String status, int attempts, Instant nextAttempt,
                                  Integer lastStatus, String lastError, String deliveredBy, Instant createdAt,
                                  Instant finishedAt) {
}
