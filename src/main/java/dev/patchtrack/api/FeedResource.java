package dev.patchtrack.api;

import dev.patchtrack.api.dto.ArticleSummaryInfo;
import dev.patchtrack.api.dto.PersonInfo;
import dev.patchtrack.api.dto.SeriesSummaryInfo;
import dev.patchtrack.api.dto.StateInfo;
import dev.patchtrack.api.dto.TopicInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.feed.Feed;
import dev.patchtrack.core.feed.FeedWriter;
import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.ingest.VersionChangesService;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.ArticleEntity;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.store.EventEntity;
import dev.patchtrack.store.EventLog;
import dev.patchtrack.store.ItemSearch;
import dev.patchtrack.store.MessageHeads;
import dev.patchtrack.store.RevisionEntity;
import dev.patchtrack.store.SeriesEntity;
import dev.patchtrack.store.SeriesLookups;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Atom 1.0 and RSS 2.0 feeds: the series the API lists (same filters), the history of one series (its
 * revisions, state changes and trailers, from the event log) and LWN articles. Entry ids are {@code tag:}
 * URIs built from database ids, so a reader sees each thing once however often it polls. A series entry
 * is updated (same id, later {@code updated}) when a new revision or the mail that changed its state
 * arrives; series entries are ordered by that time, newest first.
 */
@Path("/feeds")
public class FeedResource {

    static final String ATOM = "application/atom+xml; charset=UTF-8";
    static final String RSS = "application/rss+xml; charset=UTF-8";
    static final String TAG = "tag:patchtrack,2024:";

    @Inject
    Reads reads;

    @Inject
    KnownValues known;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    ItemSearch search;

    @Inject
    MessageHeads heads;

    @Inject
    ArticleRepository articles;

    @Inject
    EventLog events;

    @Inject
    Views views;

    @Inject
    ArticleViews articleViews;

    @Inject
    Todos todos;

    @Inject
    PatchtrackConfig config;

    @Context
    UriInfo uri;

    @GET
    @Path("series.{format: atom|rss}")
    @Operation(summary = "Series as Atom or RSS 2.0, with the filters of /api/series (topic, state, list, author, since,"
            + " before, version, rfc, q, order) and limit")
    public Response series(@Parameter(description = FORMAT) @PathParam("format") String format,
                           @BeanParam FilterParams params, @BeanParam FeedParams feed) {
        return reads.call(() -> written(seriesFeed(params, feed.limit), format));
    }

    @GET
    @Path("series/{id: [^/.]+}.{format: atom|rss}")
    @Operation(summary = "One series as Atom or RSS 2.0: each revision posted, state change and trailer, newest first")
    public Response oneSeries(@Parameter(description = "the series id", example = "42") @PathParam("id") String id,
                              @Parameter(description = FORMAT) @PathParam("format") String format,
                              @BeanParam FeedParams feed) {
        return reads.call(() -> written(oneSeries(id, feed.limit), format));
    }

    @GET
    @Path("articles.{format: atom|rss}")
    @Operation(summary = "LWN articles as Atom or RSS 2.0, newest first; topic, since, before and limit filter them")
    public Response articles(@Parameter(description = FORMAT) @PathParam("format") String format,
                             @BeanParam ArticleFeedParams params) {
        return reads.call(() -> written(articleFeed(params), format));
    }

    @GET
    @Path("todo.{format: atom|rss}")
    @Operation(summary = "What waits on a person (as /api/todo) as Atom or RSS 2.0: one entry a revision, updated by its"
            + " newest mail")
    public Response todo(@Parameter(description = FORMAT) @PathParam("format") String format,
                         @Parameter(description = "the person's mail address", example = "aliceryhl@google.com")
                         @QueryParam("who") String who, @BeanParam FeedParams feed) {
        return reads.call(() -> written(todoFeed(who, feed.limit), format));
    }

    private static final String FORMAT = "atom (Atom 1.0) or rss (RSS 2.0)";

    /** Every feed is written one of two ways, named by the path's suffix. */
    private static Response written(Feed feed, String format) {
        return "rss".equals(format) ? Response.ok(FeedWriter.rss(feed), RSS).build()
                : Response.ok(FeedWriter.atom(feed), ATOM).build();
    }

    private Feed todoFeed(String who, String limit) {
        return todos.feed(Params.address("who", who), limit(limit), absolute(""), RequestUris.requestUri(uri).toString());
    }

    private Feed seriesFeed(FilterParams params, String limit) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        List<SeriesEntity> found = search.series(params.filter(known), params.order(ItemSearch.SERIES_ORDER), 1, limit(limit))
                .items();
        List<SeriesSummaryInfo> infos = views.summaries(found);
        Map<Long, MessageHeads.Head> causes = heads.byIds(found.stream().map(s -> s.review.messagePk)
                .filter(Objects::nonNull).toList());
        List<Feed.Entry> entries = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            SeriesEntity s = found.get(i);
            SeriesSummaryInfo info = infos.get(i);
            MessageHeads.Head cause = s.review.messagePk == null ? null : causes.get(s.review.messagePk);
            Instant updated = latest(s.lastPostedAt, cause == null ? null : cause.sentAt());
            List<String> categories = new ArrayList<>(info.topics().stream().map(TopicInfo::topic).toList());
            categories.add(info.state().state());
            entries.add(new Feed.Entry(TAG + "series/" + s.id,
                    info.title() + " (v" + info.latestVersion() + ", " + info.state().state() + ")",
                    absolute("api/series/" + s.id + "?format=text"), updated, s.firstPostedAt, shortName(info.author()),
                    seriesSummary(info), categories));
        }
        entries.sort(java.util.Comparator.comparing(Feed.Entry::updated,
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
        String filters = RequestUris.requestUri(uri).getRawQuery();
        return new Feed(TAG + "series" + (filters == null ? "" : "?" + filters),
                "patchtrack: series" + (filters == null ? "" : " (" + describe(q, filters) + ")"),
                absolute("api/series" + (filters == null ? "" : "?" + filters)), RequestUris.requestUri(uri).toString(),
                newest(entries), entries);
    }

    private static String seriesSummary(SeriesSummaryInfo s) {
        StateInfo st = s.state();
        return "State: " + st.state() + (st.reason() == null ? "" : " (" + st.reason() + ")") + "\n"
                + "Latest: v" + s.latestVersion() + ", " + s.revisionCount() + " revision"
                + (s.revisionCount() == 1 ? "" : "s") + "\n"
                + "Author: " + (s.author() == null ? "unknown" : name(s.author())) + "\n"
                + "Lists: " + String.join(", ", s.lists()) + "\n"
                + "Topics: " + String.join(", ", s.topics().stream().map(TopicInfo::topic).toList());
    }

    private Feed oneSeries(String id, String limit) {
        long sid = Ids.parse("id", id);
        SeriesEntity s = seriesLookups.findSeries(sid).orElseThrow(() -> ApiProblem.notFound("no series " + sid));
        Map<Long, RevisionEntity> revisions = new HashMap<>();
        seriesLookups.revisionsOf(sid).forEach(r -> revisions.put(r.id, r));
        List<Feed.Entry> entries = new ArrayList<>();
        for (EventEntity e : events.ofSeries(sid, limit(limit))) {
            RevisionEntity r = e.revisionId == null ? null : revisions.get(e.revisionId);
            // a revision's posting, and what it changed, are news of the day it was posted
            boolean posting = e.kind == EventKind.REVISION_POSTED || e.kind == EventKind.REVISION_COMPARED;
            Instant published = posting && r != null ? r.postedAt : e.createdAt;
            List<String> categories = new ArrayList<>();
            categories.add(e.kind.wireName());
            if (r != null) {
                categories.add("v" + r.version);
            }
            String link = e.patchId != null ? absolute("api/patches/" + e.patchId + "?format=text")
                    : absolute("api/series/" + sid + "?format=text");
            entries.add(new Feed.Entry(TAG + "event/" + e.id, title(e.summary), link, e.createdAt, published,
                    null, e.kind.wireName() + ": " + e.summary, categories));
        }
        return new Feed(TAG + "series/" + sid, "patchtrack: " + s.title, absolute("api/series/" + sid + "?format=text"),
                RequestUris.requestUri(uri).toString(), newest(entries), entries);
    }

    private Feed articleFeed(ArticleFeedParams p) {
        List<String> topics = known.checkTopics(Filters.topics(p.topic));
        if (topics.size() > 1) {
            throw ApiProblem.badParameter("topic", "the article feed takes one topic");
        }
        List<ArticleEntity> found = articles.page(new ArticleRepository.ArticleQuery(topics.isEmpty() ? null : topics.get(0),
                Params.instant("since", p.since), Params.instant("before", p.before), 1, limit(p.limit)))
                .items();
        List<ArticleSummaryInfo> infos = articleViews.summaries(found);
        List<Feed.Entry> entries = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            ArticleEntity a = found.get(i);
            ArticleSummaryInfo info = infos.get(i);
            Instant when = a.publishedAt != null ? a.publishedAt : a.firstSeenAt;
            entries.add(new Feed.Entry(TAG + "article/" + a.id, a.title, a.url, when, when, a.author,
                    a.summary, info.topics().stream().map(TopicInfo::topic).toList()));
        }
        String filters = RequestUris.requestUri(uri).getRawQuery();
        return new Feed(TAG + "articles" + (filters == null ? "" : "?" + filters), "patchtrack: LWN articles"
                + (topics.isEmpty() ? "" : " on " + topics.get(0)), absolute("api/articles"
                + (filters == null ? "" : "?" + filters)), RequestUris.requestUri(uri).toString(), newest(entries), entries);
    }

    private int limit(String limit) {
        return Params.positiveInt("limit", limit, config.api().defaultPerPage(),
                config.api().maxPerPage());
    }

    private String absolute(String path) {
        return RequestUris.base(uri).resolve(path).toString();
    }

    /** The filters in the order the query names them: {@code topic rust-nvme; state new}. */
    private static String describe(MultivaluedMap<String, String> q, String rawQuery) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        for (String pair : rawQuery.split("&")) {
            String key = java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
            if (!key.equals("limit") && q.containsKey(key)) {
                keys.add(key);
            }
        }
        List<String> parts = new ArrayList<>();
        keys.forEach(k -> parts.add(k + " " + String.join(", ", Filters.values(q.get(k)))));
        return String.join("; ", parts);
    }

    private static String name(PersonInfo p) {
        return p == null ? null : p.name() != null ? p.name() + " <" + p.email() + ">" : p.email();
    }

    /** An event summary as an entry title: its first 200 characters. */
    private static String title(String summary) {
        return summary.length() <= 200 ? summary : summary.substring(0, 199) + "…";
    }

    private static String shortName(PersonInfo p) {
        return p == null ? null : p.name() != null ? p.name() : p.email();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** The newest entry's update time, or now for an empty feed. */
    private static Instant newest(List<Feed.Entry> entries) {
        return entries.stream().map(Feed.Entry::updated).filter(Objects::nonNull).max(Instant::compareTo)
                .orElse(Instant.now());
    }
}
