package dev.patchtrack.api;

import dev.patchtrack.api.dto.ArticleInfo;
import dev.patchtrack.api.dto.ArticleSummaryInfo;
import dev.patchtrack.api.dto.ParseProblemInfo;
import dev.patchtrack.api.dto.ReferenceInfo;
import dev.patchtrack.api.dto.SeriesSummaryInfo;
import dev.patchtrack.api.dto.TopicInfo;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.store.ArticleEntity;
import dev.patchtrack.store.ArticleRefEntity;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.store.ArticleTopicEntity;
import dev.patchtrack.store.SeriesEntity;
import dev.patchtrack.store.SeriesLookups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps stored articles to the API's records, resolving their references to what is stored now. */
@ApplicationScoped
public class ArticleViews {

    @Inject
    ArticleRepository articles;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    Views views;

    public List<ArticleSummaryInfo> summaries(List<ArticleEntity> list) {
        Map<Long, List<ArticleTopicEntity>> topics = articles.topicsOf(list.stream().map(a -> a.id).toList());
        List<ArticleSummaryInfo> out = new ArrayList<>(list.size());
        for (ArticleEntity a : list) {
            out.add(new ArticleSummaryInfo(a.id, a.title, a.url, a.author, a.publishedAt, a.section, a.subscriberOnly,
                    a.state, topics(topics.get(a.id)), "/api/articles/" + a.id));
        }
        return out;
    }

    public ArticleInfo article(ArticleEntity a) {
        List<ArticleRefEntity> refs = articles.refsOf(a.id);
        Map<String, ArticleRepository.Target> targets = articles.resolve(refs.stream()
                .filter(r -> r.kind.equals("message")).map(r -> r.value).toList());
        List<ReferenceInfo> references = new ArrayList<>(refs.size());
        Set<Long> seriesIds = new LinkedHashSet<>();
        for (ArticleRefEntity r : refs) {
            ArticleRepository.Target t = r.kind.equals("message") ? targets.get(r.value) : null;
            ReferenceInfo.ResolvedInfo resolved = null;
            if (t != null) {
                resolved = new ReferenceInfo.ResolvedInfo(t.messageKind(), t.seriesId(), t.revisionId(), t.version(),
                        "/api/messages/" + t.messageId(), t.seriesId() == null ? null : "/api/series/" + t.seriesId());
                if (t.seriesId() != null) {
                    seriesIds.add(t.seriesId());
                }
            }
            references.add(new ReferenceInfo(r.kind, r.value, r.url, resolved));
        }
        List<SeriesEntity> linked = new ArrayList<>();
        for (Long id : seriesIds) {
            seriesLookups.findSeries(id).ifPresent(linked::add);
        }
        List<SeriesSummaryInfo> seriesInfo = views.summaries(linked);
        List<Problem> problems = Problem.decode(a.problems);
        return new ArticleInfo(a.id, a.title, a.url, a.author, a.publishedAt, a.section, a.indexTerms,
                a.subscriberOnly, a.state, a.freeAt, a.nextFetchAt, a.fetchedAt, a.summary, a.body,
                topics(articles.topicsOf(List.of(a.id)).get(a.id)), references, seriesInfo,
                Problem.details(problems), ParseProblemInfo.of(problems));
    }

    private static List<TopicInfo> topics(List<ArticleTopicEntity> list) {
        return list == null ? List.of() : list.stream().map(t -> new TopicInfo(t.topic, t.reason, t.detail)).toList();
    }
}
