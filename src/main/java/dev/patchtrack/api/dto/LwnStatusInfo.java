package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How following LWN goes.
 *
 * @param sources  the feed and the kernel index: last poll, its outcome and problems
 * @param articles the number of articles per state
 * @param lastRun  the last poll by this instance; null before the first
 * @param problems articles whose page had problems, most recent first
 *
 * Each {@code problems} list of sentences has its {@code problemDetails} beside it: the same problems with
 * their code, severity and offset.
 */
public record LwnStatusInfo(boolean enabled, List<Source> sources, Map<String, Long> articles, Run lastRun,
                            List<ArticleProblem> problems) {

    /** A polled document. status: ok, not-modified, malformed or failed. */
    public record Source(String url, String kind, Instant polledAt, String status, Integer httpStatus, int items,
                         List<String> problems, List<ParseProblemInfo> problemDetails) {
    }

    /** One poll's counts. */
    public record Run(Instant startedAt, long millis, int discovered, int added, int fetched, int paywalled,
                      int unreadable, int failed, List<String> problems, List<ParseProblemInfo> problemDetails) {
    }

    /** An article whose page had problems. */
    public record ArticleProblem(long id, String link, String state, List<String> problems,
                                 List<ParseProblemInfo> problemDetails) {
    }
}
