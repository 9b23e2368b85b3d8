/**
 * Getting mail in and keeping what is derived from it current: the import pipeline and its batches
 * ({@code ImportService}), lore syncs and their scheduler, series derivation ({@code SeriesRebuilder}),
 * the metrics ({@code Meters}), the jar's entry point and commands ({@code PatchtrackMain}), and what
 * the process cannot go on after ({@code Fatal}). Sub-packages: {@code http} (every outbound request),
 * {@code lore}, {@code lwn}, {@code tree}, {@code push} (webhooks). May import core, store and config;
 * never api or web, and no JPA (the store does that).
 */
package dev.patchtrack.ingest;
