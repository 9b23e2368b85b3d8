/**
 * The audit: derivations a maintainer should doubt. {@link dev.patchtrack.core.audit.Auditor} runs its
 * rules over an {@code AuditInput} the store loaded and returns {@code AuditFinding}s of an
 * {@code AuditKind}, each with the messages to read; {@code AuditText} writes them for a terminal, the
 * same for the {@code audit} command and {@code /api/audit}. Imports {@code core.model},
 * {@code core.patch} (subject parsing) and the JDK.
 */
package dev.patchtrack.core.audit;
