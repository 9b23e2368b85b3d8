/**
 * Every {@code patchtrack.*} setting, typed ({@code PatchtrackConfig}, {@code LwnConfig}), and
 * {@code CorsSettings}, which turns {@code patchtrack.cors.origins} into Quarkus's CORS settings; the
 * README and docs/operations.md list them. Imports no other layer of patchtrack: every layer may read
 * the settings.
 */
package dev.patchtrack.config;
