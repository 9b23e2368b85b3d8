/**
 * Patches found in tracked git trees, decided without I/O: a {@code TreeCommit} as the walker recorded
 * it, {@link dev.patchtrack.core.tree.TreeMatcher} choosing the commit that carries a patch (its
 * {@code Link:}, else its stable patch-id, else subject and author) as a {@code TreeMatch}, and
 * {@code TagOrder} sorting release tags. Imports {@code core.model}, {@code core.patch} and the JDK.
 */
package dev.patchtrack.core.tree;
