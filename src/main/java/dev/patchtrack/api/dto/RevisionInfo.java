package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * One revision.
 *
 * @param linkedBy how it was linked to the revision before it ({@code change-id}, {@code explicit-link},
 *                 {@code cover-reply}, {@code heuristic}); null for the first revision
 */
public record RevisionInfo(long id, int version, int versionMinor, int total, boolean rfc, String title, Instant date,
                           PersonInfo author, CoverLetterInfo coverLetter, String linkedBy, boolean complete,
                           boolean extraPatches, String changeId, StateInfo state, List<TopicInfo> topics,
                           List<PatchInfo> patches) {
}
