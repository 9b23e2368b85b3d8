package dev.patchtrack.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * One revision.
 *
 * @param linkedBy how it was linked to the revision before it ({@code change-id}, {@code explicit-link},
 *                 {@code cover-reply}, {@code heuristic}); null for the first revision
 * @param dependsOn the ids of the revisions its {@code Depends-on:} lines name
 * @param applied   "applied" notices given in its threads
 * @param superseded a later revision of the series exists and this one was not applied
 * @param changes   what changed from the revision before; null for the first
 * @param reviewers  the maintainers and reviewers MAINTAINERS lists for its patches, and whether they answered;
 *                   null when no tracked tree's MAINTAINERS can be read
 * @param reviewersNote where {@code reviewers} come from (tree, branch, commit), or why there are none
 */
public record RevisionInfo(long id, int version, int versionMinor, int total, boolean rfc, String title, Instant date,
                           PersonInfo author, CoverLetterInfo coverLetter, String linkedBy, boolean complete,
                           boolean extraPatches, String changeId, List<Long> dependsOn, List<AppliedInfo> applied,
                           boolean superseded, StateInfo state, List<TopicInfo> topics,
                           VersionChangesInfo changes, List<PatchInfo> patches, List<ReviewerInfo> reviewers,
                           String reviewersNote) {
}
