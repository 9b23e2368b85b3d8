package dev.patchtrack.core.tree;

/**
 * A patch found in a tracked tree.
 *
 * @param commit the commit that carries it
 * @param signal what matched it
 */
public record TreeMatch(TreeCommit commit, Signal signal) {

    /** What matched, strongest first. */
    public enum Signal {
        /** a {@code Link:} trailer names the message */
        LINK("link"),
        /** the stable patch-id of the commit equals the patch's */
        PATCH_ID("patch-id"),
        /** the same normalised subject and the same author address */
        SUBJECT_AUTHOR("subject and author");

        private final String words;

        Signal(String words) {
            this.words = words;
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public String words() {
            return words;
        }

        public static Signal fromWire(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** e.g. {@code in torvalds/linux as 1a2b3c4d5e6f, first in v6.1-rc1 (matched by patch-id)}. */
    public String detail() {
        String sha = commit.sha().length() > 12 ? commit.sha().substring(0, 12) : commit.sha();
        return "in " + commit.tree() + " as " + sha
                + (commit.firstTag() == null ? ", in no release yet" : ", first in " + commit.firstTag())
                + " (matched by " + signal.words() + ")";
    }
}
