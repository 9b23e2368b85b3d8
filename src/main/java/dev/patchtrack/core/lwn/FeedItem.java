package dev.patchtrack.core.lwn;

import java.time.Instant;

/**
 * One item of LWN's headlines feed.
 *
 * @param url            the article, canonical (see {@link LwnText#canonicalUrl})
 * @param title          without the {@code [$]} mark
 * @param subscriberOnly the title carried the {@code [$]} mark
 * @param published      the item's date; null when it had none or it could not be read
 * @param author         dc:creator, author or null
 * @param summary        the description as plain text; may be empty
 */
public record FeedItem(String url, String title, boolean subscriberOnly, Instant published, String author,
                       String summary) {
}
