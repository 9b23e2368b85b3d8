package dev.patchtrack.api;

import dev.patchtrack.api.dto.LwnStatusInfo;
import dev.patchtrack.api.dto.ParseProblemInfo;
import dev.patchtrack.config.LwnConfig;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.ingest.lwn.LwnPoller;
import dev.patchtrack.ingest.lwn.LwnService;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.ArticleRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** How following LWN goes: the feed and index polls, article states, and pages that could not be read. */
@Path("/api/lwn")
@Produces(MediaType.APPLICATION_JSON)
public class LwnResource {

    private static final int MAX_PROBLEMS = 50;

    @Inject
    Reads reads;

    @Inject
    ArticleRepository articles;

    @Inject
    LwnService lwn;

    @Inject
    LwnConfig config;

    @GET
    @Path("status")
    @Operation(summary = "The LWN poll: feed and index status, articles per state, problems")
    public LwnStatusInfo status() {
        return reads.call(() -> {
            LwnPoller.Summary s = lwn.lastPoll();
            LwnStatusInfo.Run run = s == null ? null : new LwnStatusInfo.Run(s.startedAt(), s.millis(), s.discovered(),
                    s.added(), s.fetched(), s.paywalled(), s.unreadable(), s.failed(), Problem.details(s.problems()),
                    ParseProblemInfo.of(s.problems()));
            return new LwnStatusInfo(config.enabled(),
                    articles.sources().stream().map(x -> {
                        List<Problem> problems = Problem.decode(x.problems);
                        return new LwnStatusInfo.Source(x.url, x.kind, x.polledAt, x.status, x.httpStatus, x.items,
                                Problem.details(problems), ParseProblemInfo.of(problems));
                    }).toList(),
                    articles.countByState(), run,
                    articles.withProblems(MAX_PROBLEMS).stream().map(a -> {
                        List<Problem> problems = Problem.decode(a.problems);
                        return new LwnStatusInfo.ArticleProblem(a.id, a.url, a.state, Problem.details(problems),
                                ParseProblemInfo.of(problems));
                    }).toList());
        });
    }
}
