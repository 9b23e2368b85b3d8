package dev.patchtrack.api.dto;

/**
 * What one person gave in review replies: trailers by kind, all of them, and on how many revisions.
 */
public record ReviewerActivityInfo(PersonInfo person, long reviewed, long acked, long tested, long total,
                                   long revisions) {
}
