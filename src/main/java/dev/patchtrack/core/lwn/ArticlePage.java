package dev.patchtrack.core.lwn;

import dev.patchtrack.core.model.Problem;
import java.time.Instant;
import java.util.List;

/**
 * What an LWN article page says.
 *
 * @param title       without the {@code [$]} mark; null when the page has none
 * @param author      from the byline; null when there is none
 * @param published   from the byline, midnight UTC; null when there is none
 * @param section     the bracketed section of a brief's byline ({@code Kernel}) or the first index entry's
 * @param indexTerms  the page's "Index entries for this article", e.g. {@code Kernel: Rust}
 * @param text        the article text, comments and page furniture left out; empty behind the paywall
 * @param links       absolute URLs the article text links to, in order, without repeats
 * @param paywalled   the page is LWN's "subscription required" notice, not the article
 * @param freeAt      behind the paywall: the day the notice says the article becomes free, or null
 * @param problems    why the page could not be read as an article, or what was missing; empty when fine
 */
public record ArticlePage(String title, String author, Instant published, String section, List<String> indexTerms,
                          String text, List<String> links, boolean paywalled, Instant freeAt, List<Problem> problems) {

    public ArticlePage {
        indexTerms = List.copyOf(indexTerms);
        links = List.copyOf(links);
        problems = List.copyOf(problems);
    }

    /** True when the page is neither an article nor LWN's paywall notice. */
    public boolean unreadable() {
        return !paywalled && text.isEmpty();
    }
}
