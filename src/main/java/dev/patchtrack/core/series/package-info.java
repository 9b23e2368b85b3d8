/**
 * From the facts of many messages to series: {@link dev.patchtrack.core.series.SeriesBuilder} threads
 * them ({@code MailThreads}), groups patches and cover letters into revisions and attributes the
 * trailers of replies to patches ({@code RevisionGrouper}), links revisions into series with the reason
 * that linked them ({@code SeriesLinker}), and credits "applied" notices and pull requests to revisions
 * ({@code AppliedNotices}, {@code PullMerges}); {@code SeriesModel} holds the drafts it returns. A pure
 * function of the set of {@code MailFacts}: the same set in any order gives the same series.
 * {@code LinkKeys} are the keys that relate messages, so the store can re-derive only what new mail
 * can touch. Imports {@code core.model} and the JDK.
 */
package dev.patchtrack.core.series;
