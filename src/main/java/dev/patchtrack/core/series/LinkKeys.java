package dev.patchtrack.core.series;

import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.PullRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys by which {@link SeriesBuilder} can relate one message to another, as 64-bit hashes.
 *
 * <p>Two messages that share no key, directly or through a chain of messages that share keys, never
 * influence each other's series: threading goes through Message-IDs (a message's own, those it replies
 * to or references, names as an earlier version or a dependency), revisions link through change-ids
 * and normalized titles, pull requests through the titles of the patches they list, and unthreaded
 * patches through their sender, version and total. So {@link SeriesBuilder#build} over a set of
 * messages closed under shared keys gives exactly the series the whole store would give for them,
 * which is what lets new mail re-derive only what it can touch.
 *
 * <p>The keys are coarser than the builder's tests (an author and a title of a message, whatever the
 * version or patch count): a key too many only makes such a set larger, a key too few would make it
 * wrong. A hash collision is
 * a key too many. {@link #VERSION} changes whenever the keys do, so that stored keys are rebuilt.
 */
public final class LinkKeys {

    /** The version of this key scheme; stored keys of another version are rebuilt. */
    public static final int VERSION = 5;

    /**
     * Marks a passive key: messages that share only a passive key are not related, but every message
     * with a passive key is related to every message with the active key of the same name. A patch's
     * title is passive and a pull request's listed titles active: patches of one title relate through a
     * pull request naming it, never through the title alone. The lowest bit of the hash tells them apart.
     */
    public static final String PASSIVE = "~";

    private LinkKeys() {
    }

    /** The hashed keys of one message; empty for null facts or a message without an id. */
    public static Set<Long> of(MailFacts facts) {
        Set<Long> out = new LinkedHashSet<>();
        for (String k : labels(facts)) {
            out.add(k.startsWith(PASSIVE) ? hash(k.substring(1)) | 1L : hash(k) & ~1L);
        }
        return out;
    }

    /** True for the hash of a passive key. */
    public static boolean passive(long key) {
        return (key & 1L) != 0;
    }

    /** The key of a Message-ID that the message itself and every message replying to or referencing it hold. */
    public static long messageIdKey(String messageId) {
        String id = Msg.cleanId(messageId);
        return id == null ? 0 : hash("i:" + id) & ~1L;
    }

    /** The key a hash stands for, active and passive alike. */
    public static long group(long key) {
        return key & ~1L;
    }

    /** The keys of one message as text ({@code kind:value}), before hashing. */
    public static Set<String> labels(MailFacts facts) {
        Set<String> out = new LinkedHashSet<>();
        if (facts == null) {
            return out;
        }
        String id = Msg.cleanId(facts.messageId());
        if (id == null) {
            return out;
        }
        Msg m = new Msg(id, facts);
        add(out, "i", id);
        m.inReplyTo.forEach(r -> add(out, "i", r));
        m.references.forEach(r -> add(out, "i", r));
        for (String raw : facts.earlierVersionIds()) {
            add(out, "i", Msg.cleanId(raw));
        }
        for (String raw : facts.dependsOn()) {
            add(out, "i", Msg.cleanId(raw));
        }
        add(out, "c", m.changeId());
        if (m.isCover() || m.isPatch()) {
            // Author and title relate postings within SeriesLinker.HEURISTIC_WINDOW of each other: dated
            // ones by the window they fall in and the next (two within the window share one), undated
            // ones (near all) by the pair alone, which every dated posting of the pair holds passive.
            for (String pair : Revision.authorTitleKeys(m)) {
                windowed(out, "a", "t", pair, m);
            }
            // the same person's patches under another revision: SeriesLinker's patch-title candidates
            for (String pair : Revision.patchKeys(m)) {
                windowed(out, "q", "r", pair, m);
            }
            add(out, PASSIVE + "p", PullMerges.normalize(m.title()));
            if (!m.threaded()) {
                // The builder pools unthreaded postings by sender, version and total and cuts each pool
                // where RevisionGrouper.LOOSE_WINDOW passes between two of them: dated ones relate to
                // those of their window and the next, undated ones (which join the latest) to all.
                String pool = m.fromKey + '\u0000' + m.version() + '\u0000' + m.tags.total();
                if (m.date == null) {
                    add(out, "u", pool);
                } else {
                    add(out, PASSIVE + "u", pool);
                    long window = m.date.getEpochSecond() / RevisionGrouper.LOOSE_WINDOW.toSeconds();
                    add(out, "w", pool + '\u0000' + window);
                    add(out, "w", pool + '\u0000' + (window + 1));
                }
            }
        }
        PullRequest pull = facts.pull();
        if (pull != null) {
            for (String c : pull.commits()) {
                add(out, "p", PullMerges.normalize(c));
            }
        }
        return out;
    }

    /**
     * The groups these messages (by their hashed keys, one set per message) are closed into: lists of
     * message indexes, each group's in input order, the groups by their first message. The store does
     * the same over its key index (LinkKeyRepository#components); this is that rule over a list in memory.
     */
    public static List<List<Integer>> components(List<? extends Collection<Long>> keysOfMessages) {
        int n = keysOfMessages.size();
        Map<Long, List<Integer>> holders = new HashMap<>();
        Set<Long> active = new HashSet<>();
        for (int i = 0; i < n; i++) {
            for (long k : keysOfMessages.get(i)) {
                holders.computeIfAbsent(group(k), x -> new ArrayList<>()).add(i);
                if (!passive(k)) {
                    active.add(group(k));
                }
            }
        }
        int[] root = UnionFind.singletons(n);
        holders.forEach((k, hs) -> {
            if (active.contains(k)) {
                for (int j = 1; j < hs.size(); j++) {
                    UnionFind.union(root, hs.get(0), hs.get(j));
                }
            }
        });
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(UnionFind.find(root, i), x -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * A pair that relates postings within SeriesLinker.HEURISTIC_WINDOW: an undated message holds it
     * active under {@code kind} (near all); a dated one holds it passive and, under {@code windowKind},
     * with the window its date falls in and the next.
     */
    private static void windowed(Set<String> out, String kind, String windowKind, String pair, Msg m) {
        if (m.date == null) {
            add(out, kind, pair);
            return;
        }
        add(out, PASSIVE + kind, pair);
        long window = Math.floorDiv(m.date.getEpochSecond(), SeriesLinker.HEURISTIC_WINDOW.toSeconds());
        add(out, windowKind, pair + '\u0000' + window);
        add(out, windowKind, pair + '\u0000' + (window + 1));
    }

    private static void add(Set<String> out, String kind, String value) {
        if (value != null && !value.isBlank()) {
            out.add(kind + ':' + value);
        }
    }

    /** 64-bit FNV-1a over the UTF-8 bytes, then a final mix. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
