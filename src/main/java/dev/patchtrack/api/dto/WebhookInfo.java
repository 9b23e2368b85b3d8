package dev.patchtrack.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A webhook subscription.
 *
 * @param secret     the HMAC key, only in the answer that made the subscription
 * @param filters    kind, series, list and topic: the values each must match (absent: any)
 * @param cursor     the last event id looked at
 * @param deliveries how many deliveries are pending, delivered and failed
 */
public record WebhookInfo(long id, String url, String description, boolean active, Map<String, List<String>> filters,
                          long cursor, Instant createdAt, Map<String, Long> deliveries,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {
}
