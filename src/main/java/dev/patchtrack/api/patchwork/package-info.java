/**
 * A Patchwork-compatible API under {@code /api/1.3/}, so that Patchwork's clients (git-pw, pwclient's
 * REST calls) work against patchtrack unchanged: projects (one per list), people, patches, series (a
 * Patchwork series is a patchtrack revision), cover letters, comments, checks and events in
 * Patchwork's shapes, its mbox and diff downloads, and the writes its clients make with
 * {@code Authorization: Token ...}: a state (an override) and a check. {@link
 * dev.patchtrack.api.patchwork.PatchworkStates} maps the state names.
 */
package dev.patchtrack.api.patchwork;
