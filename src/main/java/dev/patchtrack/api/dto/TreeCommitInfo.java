package dev.patchtrack.api.dto;

import java.time.Instant;

/**
 * The commit of a tracked tree that carries a patch.
 *
 * @param tree      the tree's name
 * @param commit    the commit id
 * @param subject   its subject
 * @param committed its commit time
 * @param firstTag  the first release tag that contains it, null while none does
 * @param matchedBy {@code link} (a Link: trailer names the message), {@code patch-id} or {@code subject-author}
 */
public record TreeCommitInfo(String tree, String commit, String subject, Instant committed, String firstTag,
                             String matchedBy) {
}
