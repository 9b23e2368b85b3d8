/** Every {@code patchtrack.*} setting, typed ({@code PatchtrackConfig}, {@code LwnConfig}); the README and docs/operations.md list them. */
package dev.patchtrack.config;
