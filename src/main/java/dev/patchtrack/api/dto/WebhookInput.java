package dev.patchtrack.api.dto;

import java.util.List;

/**
 * A webhook subscription to make.
 *
 * @param url         where deliveries are POSTed; its host must be on the outbound allowlist
 * @param secret      the HMAC key of the signatures; one is made (and shown once) when absent
 * @param description a note for the subscriber, optional
 * @param kind        event kinds to send, all when absent
 * @param series      series ids, all when absent
 * @param list        lists the event's series has mail on, all when absent
 * @param topic       topics of the event's series, all when absent
 * @param after       replay the log after this event id; from now on when absent
 */
public record WebhookInput(String url, String secret, String description, List<String> kind, List<String> series,
                           List<String> list, List<String> topic, Long after) {
}
