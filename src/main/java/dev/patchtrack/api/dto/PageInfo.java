package dev.patchtrack.api.dto;

import java.util.List;

/** One page of a list; the {@code Link} header carries first/prev/next/last. */
public record PageInfo<T>(long total, int page, int perPage, List<T> items) {
}
