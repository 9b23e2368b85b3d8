package dev.patchtrack.web;

import dev.patchtrack.api.ApiProblem;
import dev.patchtrack.api.ArticleResource;
import dev.patchtrack.api.FilterParams;
import dev.patchtrack.api.KnownValues;
import dev.patchtrack.api.MessageResource;
import dev.patchtrack.api.Params;
import dev.patchtrack.api.SeriesResource;
import dev.patchtrack.api.SourceResource;
import dev.patchtrack.api.StatsParams;
import dev.patchtrack.api.StatsResource;
import dev.patchtrack.api.dto.ArticleSummaryInfo;
import dev.patchtrack.api.dto.LatencyInfo;
import dev.patchtrack.api.dto.MessageInfo;
import dev.patchtrack.api.dto.PageInfo;
import dev.patchtrack.api.dto.ReviewerActivityInfo;
import dev.patchtrack.api.dto.SeriesInfo;
import dev.patchtrack.api.dto.SeriesSummaryInfo;
import dev.patchtrack.api.dto.SourceInfo;
import dev.patchtrack.api.dto.TopicLatencyInfo;
import dev.patchtrack.api.dto.TopicWeeksInfo;
import dev.patchtrack.core.review.ReviewState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The web pages: the same records the JSON resources give, rendered by the Qute templates under
 * {@code templates/Pages/}. Each page parses its parameters with the API's names and rules, calls the
 * resource or service that answers the JSON, and maps nothing itself; an error is an HTML page with
 * the problem's status and text.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(SeriesList list, List<String> topics, List<String> states,
                                             List<String> lists);

        static native TemplateInstance series(SeriesInfo s);

        static native TemplateInstance message(MessageInfo m);

        static native TemplateInstance articles(PageInfo<ArticleSummaryInfo> page, String topic, PageLinks links);

        static native TemplateInstance sources(List<SourceInfo> sources);

        static native TemplateInstance stats(Stats stats);

        static native TemplateInstance error(int status, String title, String detail);
    }

    static final List<String> STATES = Arrays.stream(ReviewState.values()).map(ReviewState::wireName).toList();

    @Inject
    SeriesResource series;

    @Inject
    MessageResource messages;

    @Inject
    ArticleResource articles;

    @Inject
    SourceResource sources;

    @Inject
    StatsResource stats;

    @Inject
    KnownValues known;

    @GET
    public TemplateInstance index(@BeanParam FilterParams params) {
        PageInfo<SeriesSummaryInfo> page = series.page(params);
        return Templates.index(SeriesList.of(params, page), List.copyOf(known.topics()), STATES,
                List.copyOf(known.lists()));
    }

    /** Digits only: other paths under /series/ are Patchwork's downloads ({@code /series/{id}/mbox/}) or unknown. */
    @GET
    @Path("series/{id: [0-9]+}")
    public TemplateInstance series(@PathParam("id") String id) {
        return Templates.series(series.detail(id));
    }

    /** The target of the Message-ID form: on to the message's page. */
    @GET
    @Path("messages")
    public Response pasted(@QueryParam("id") String id) {
        String mid = Params.messageId(id);
        if (mid.isEmpty()) {
            throw ApiProblem.badParameter("id", "a Message-ID is needed");
        }
        return Response.seeOther(Links.messageUri(mid)).build();
    }

    @GET
    @Path("messages/{id: .+}")
    public TemplateInstance message(@PathParam("id") String id) {
        return Templates.message(messages.message(id));
    }

    @GET
    @Path("articles")
    public TemplateInstance articles(@QueryParam("topic") String topic, @QueryParam("page") String page,
                                     @QueryParam("per_page") String perPage) {
        PageInfo<ArticleSummaryInfo> found = articles.page(topic, null, null, page, perPage);
        UriBuilder base = UriBuilder.fromPath("/articles");
        if (topic != null && !topic.isBlank()) {
            base.queryParam("topic", topic.strip());
        }
        return Templates.articles(found, topic, PageLinks.of(base, found.page(), found.perPage(), found.total()));
    }

    @GET
    @Path("sources")
    public TemplateInstance sources() {
        return Templates.sources(sources.list());
    }

    @GET
    @Path("stats")
    public TemplateInstance stats(@BeanParam StatsParams params) {
        List<TopicWeeksInfo> weeks = stats.weeks(params);
        LatencyInfo latency = stats.latency(params);
        List<ReviewerActivityInfo> reviewers = stats.reviewers(params);
        return Templates.stats(new Stats(params.since == null ? "" : params.since,
                params.before == null ? "" : params.before, params.topic == null ? "" : String.join(",", params.topic),
                List.copyOf(known.topics()), weeks, latency, reviewers, Plots.weekly(weeks),
                Plots.boxes(latency.topics(), TopicLatencyInfo::v1ToAccepted, "hours from v1 to accepted, per topic"),
                Plots.boxes(latency.topics(), TopicLatencyInfo::firstReview, "hours from posting to the first review, per topic"),
                Plots.reviewers(reviewers, REVIEWERS_PLOTTED)));
    }

    /** The stats page's model: the filters, the API's records, and the plots drawn from them. */
    public record Stats(String since, String before, String topic, List<String> topics, List<TopicWeeksInfo> weeks,
                        LatencyInfo latency, List<ReviewerActivityInfo> reviewers, String weeklyPlot,
                        String acceptedPlot, String reviewPlot, String reviewersPlot) {
    }

    static final int REVIEWERS_PLOTTED = 25;

    /** A problem as a page: the API's status and detail, in HTML for a browser. */
    @ServerExceptionMapper
    public Response problem(ApiProblem e) {
        return Response.status(e.status()).type(PageHeaders.HTML)
                .entity(Templates.error(e.status(), e.title(), e.getMessage()).render()).build();
    }
}
