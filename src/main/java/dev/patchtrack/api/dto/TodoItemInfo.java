package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * An open revision that waits on the person asked about.
 *
 * @param lastActivity the newest message of its threads (its posting included)
 * @param role         the person's role for it: {@code maintainer} or {@code reviewer}
 * @param section      the MAINTAINERS section that lists them
 * @param reviewers    everyone listed for it, and whether they answered
 * @param link         the series it belongs to
 */
public record TodoItemInfo(long revisionId, long seriesId, int version, String title, String state, Instant posted,
                           Instant lastActivity, String role, String section, List<ReviewerInfo> reviewers, String link) {
}
