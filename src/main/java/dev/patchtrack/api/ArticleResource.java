package dev.patchtrack.api;

import dev.patchtrack.api.dto.ArticleInfo;
import dev.patchtrack.api.dto.ArticleSummaryInfo;
import dev.patchtrack.api.dto.PageInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.ArticleRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** LWN articles, their topics, and the series they discuss. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @Inject
    KnownValues known;

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleViews views;

    @Inject
    PatchtrackConfig config;

    @Inject
    Reads reads;

    @GET
    @Operation(summary = "List LWN articles, newest first",
            description = "Paginated with page/per_page like /api/series; Link and X-Total-Count headers.")
    public Response list(@Parameter(description = "topic, e.g. rust-nvme") @QueryParam("topic") String topic,
                         @Parameter(description = "published at or after (ISO date or date-time, yesterday, 2.weeks.ago, 3d)")
                         @QueryParam("since") String since,
                         @Parameter(description = "published before (ISO date or date-time, yesterday, 2.weeks.ago, 3d)")
                         @QueryParam("before") String before,
                         @Parameter(description = "1-based page") @QueryParam("page") String page,
                         @Parameter(description = "items per page") @QueryParam("per_page") String perPage,
                         @Context UriInfo uri) {
        return Paging.response(page(topic, since, before, page, perPage), uri);
    }

    /** One page of articles as {@link #list} finds them: the listing, and the web page of articles. */
    public PageInfo<ArticleSummaryInfo> page(String topic, String since, String before, String page, String perPage) {
        Paging paging = Paging.of(page, perPage, config.api());
        String t = topic == null || topic.isBlank() ? null : topic.strip();
        if (t != null && !TOPIC.matcher(t).matches()) {
            throw ApiProblem.badParameter("topic", "topic must be a topic name such as rust-nvme, not '" + Params.clip(topic) + "'");
        }
        return reads.call(() -> {
            if (t != null) {
                known.checkTopics(List.of(t));
            }
            return paging.page(articles.page(new ArticleRepository.ArticleQuery(t, Params.instant("since", since),
                    Params.instant("before", before), paging.page(), paging.perPage())), views::summaries);
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One article: its text, topics, references (resolved now) and the series they reach")
    public ArticleInfo get(@Parameter(description = "the article id", example = "3") @PathParam("id") String id) {
        long aid = Ids.parse("id", id);
        return reads.call(() -> views.article(articles.find(aid).orElseThrow(() -> ApiProblem.notFound("no article " + aid))));
    }
}
