package dev.patchtrack.core.series;

/**
 * Disjoint sets over {@code 0..n-1} in a plain array ({@code root[i] == i} for a set's root): the
 * grouping behind series linking and behind the groups of messages that can affect each other.
 * The smaller index becomes the root, so a group's root is its first member.
 */
public final class UnionFind {

    private UnionFind() {
    }

    /** A fresh array of n singleton sets. */
    public static int[] singletons(int n) {
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            root[i] = i;
        }
        return root;
    }

    /** The root of i's set, halving the path on the way. */
    public static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    /** Joins the sets of a and b. */
    public static void union(int[] root, int a, int b) {
        int ra = find(root, a);
        int rb = find(root, b);
        if (ra != rb) {
            root[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
