package dev.patchtrack.api.dto;

import java.util.List;

/**
 * A Rust series a release first carried.
 *
 * @param firstTag the first release tag of its earliest commit in the tree (a release counts its cycle's
 *                 pre-releases: {@code v6.13} holds the series first in {@code v6.13-rc1})
 * @param articles LWN articles that mention it
 * @param url      the series in the API
 */
public record RustSeriesInfo(long id, String title, List<String> topics, String firstTag,
                             List<ArticleSummaryInfo> articles, String url) {
}
