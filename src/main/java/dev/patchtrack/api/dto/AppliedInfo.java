package dev.patchtrack.api.dto;

import java.util.List;

/**
 * An "applied" notice: who applied, in which message, to which tree and branch, with the commits per patch.
 *
 * @param messageId   the notice
 * @param by          who applied it (patchwork-bot's "by ..." or the sender)
 * @param tree        the tree, null when the notice names none
 * @param branch      the branch, null when the notice names none
 * @param patchNumber the patch it answers, null when it answers the whole revision
 * @param commits     the commit of each patch, as listed
 */
public record AppliedInfo(String messageId, PersonInfo by, String tree, String branch, Integer patchNumber,
                          List<AppliedCommitInfo> commits) {
}
