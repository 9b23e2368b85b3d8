package dev.patchtrack.store;

import java.util.List;
import java.util.function.Consumer;

/** Small helpers every repository uses: IN-list chunking and column-length clipping. */
final class Bulk {

    /** Values per {@code IN (...)} list, well under every database's parameter limit. */
    static final int IN_CHUNK = 500;

    private Bulk() {
    }

    static <T> void forChunks(List<T> all, Consumer<List<T>> action) {
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            action.accept(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
    }

    /** Cuts a value to a column's length. */
    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
