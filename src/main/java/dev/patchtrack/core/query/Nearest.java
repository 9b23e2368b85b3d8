package dev.patchtrack.core.query;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name nearest to a mistyped one: {@code topc} gives {@code topic}, {@code per-page} gives
 * {@code per_page}, {@code rust-nvm} gives {@code rust-nvme}. Distance is the optimal string alignment
 * distance (insertions, deletions, substitutions and swaps of neighbours), case folded; a name is
 * suggested only when it is close for its length, and among equals the first in iteration order.
 */
public final class Nearest {

    private Nearest() {
    }

    public static Optional<String> to(String given, Collection<String> known) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        String g = given.strip().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            int d = distance(g, kl);
            // "topics" for "topic", "rust-nvme-next" for "rust-nvme": a name inside the other is close
            if (d > 0 && (kl.startsWith(g) || g.startsWith(kl)) && Math.min(g.length(), kl.length()) >= 3) {
                d = Math.min(d, 1 + Math.abs(g.length() - kl.length()) / 3);
            }
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > allowed(Math.max(g.length(), best.length()))) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** How far a name of this length may be from what was typed. */
    static int allowed(int length) {
        return length <= 3 ? 1 : length <= 8 ? 2 : 3;
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
