/**
 * Reading lore (public-inbox) as a source: git epochs ({@code LoreGit}), the Atom feed and raw messages
 * ({@code LoreAtom}), search downloads ({@code LoreQuery}, read from disk through {@code MboxFile}), each
 * handing mail to the import pipeline as a {@link dev.patchtrack.ingest.lore.SourceReader}.
 */
package dev.patchtrack.ingest.lore;
