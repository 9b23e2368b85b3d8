package dev.patchtrack.core.model;

/**
 * One file of a diff.
 *
 * @param oldPath the path before (null for a new file)
 * @param newPath the path after (null for a deleted file)
 * @param change  what happened to the file
 * @param added   lines added
 * @param removed lines removed
 * @param binary  a binary change (no line counts)
 */
public record FileChange(String oldPath, String newPath, Change change, int added, int removed, boolean binary) {

    public enum Change { MODIFY, ADD, DELETE, RENAME, COPY, MODE }

    /** The path this change is best known by: the new one, else the old one. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}
