package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * An LWN article as listed.
 *
 * @param link           the article on LWN
 * @param subscriberOnly LWN marked it {@code [$]}
 * @param state          pending, fetched, paywalled (only what the feed gave is known) or unreadable
 * @param url            this article in the API
 */
public record ArticleSummaryInfo(long id, String title, String link, String author, Instant published, String section,
                                 boolean subscriberOnly, String state, List<TopicInfo> topics, String url) {
}
