/**
 * Tracked git trees: {@link dev.patchtrack.ingest.tree.TreeService} scans each configured tree under
 * its lease ({@code TreeWalker} reads commits, patch-ids and release tags with JGit) and has series
 * derived again when what it found changes; {@code TreeMatches} finds the commit that carries each
 * patch (handed to derivation, kept in {@code tree_match} for the views); {@code RustReleaseReader}
 * reads where Rust stands at each release tag; {@code ReviewerService} reads {@code MAINTAINERS} to say
 * who still has to review. May import core, store, config, the rest of ingest ({@code ingest.http} for
 * fetching) and JGit; never api or web, and no JPA.
 */
package dev.patchtrack.ingest.tree;
