/**
 * The records of the Patchwork-compatible API ({@code /api/1.3/}): Patchwork's REST API 1.3 shapes and
 * field names (snake_case) as its clients, git-pw and pwclient, read them. A Patchwork series is a
 * patchtrack revision; a Patchwork project is one list.
 */
package dev.patchtrack.api.dto.patchwork;
