package dev.patchtrack.api.dto;

import java.util.List;

/**
 * One page of the open revisions that wait on a person: listed by MAINTAINERS for their paths, and no
 * trailer or reply from them yet; newest activity first.
 *
 * @param who           the address asked about
 * @param reviewersNote where the lists come from (tree, branch, commit), or why there are none
 * @param items         the page; null when no tracked tree's MAINTAINERS can be read
 */
public record TodoInfo(String who, long total, int page, int perPage, String reviewersNote, List<TodoItemInfo> items) {
}
