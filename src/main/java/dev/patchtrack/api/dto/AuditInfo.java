package dev.patchtrack.api.dto;

import java.util.List;
import java.util.Map;

/**
 * The audit: findings per kind (every kind, whatever was asked for), then one page of the findings of
 * the kinds asked for; {@code total} counts those.
 */
public record AuditInfo(Map<String, Integer> counts, long total, int page, int perPage,
                        List<AuditFindingInfo> findings) {
}
