package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * One LWN article: what it says, what it refers to and the series it discusses.
 *
 * @param link        the article on LWN
 * @param state       pending, fetched, paywalled or unreadable
 * @param freeAt      behind the paywall: the day LWN says it becomes free
 * @param nextFetchAt when the page is fetched again; null when it will not be
 * @param summary     what the feed said
 * @param text        the article text; null until the page could be read
 * @param references  what the text refers to, in order, each resolved to what is stored now
 * @param series      the series those references reach
 * @param problems    what was wrong with the page or its fetch, one sentence each
 * @param problemDetails the same problems with their code, severity and offset
 */
public record ArticleInfo(long id, String title, String link, String author, Instant published, String section,
                          List<String> indexTerms, boolean subscriberOnly, String state, Instant freeAt,
                          Instant nextFetchAt, Instant fetchedAt, String summary, String text, List<TopicInfo> topics,
                          List<ReferenceInfo> references, List<SeriesSummaryInfo> series, List<String> problems,
                          List<ParseProblemInfo> problemDetails) {
}
