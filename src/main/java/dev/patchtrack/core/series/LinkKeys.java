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
 * and normalized titles, and unthreaded patches through their sender, version and total. So {@link
 * SeriesBuilder#build} over a set of messages closed under shared keys gives exactly the series the whole
 * store would give for them, which is what lets new mail re-derive only what it can touch.
 *
 * <p>Pull requests are read, not joined: a {@code [GIT PULL]} listing a title holds a {@linkplain #CONTEXT
 * context key} for it, which relates it to the patches of that title without relating them to each other
 * or to the pull's own thread. A group is built with the pull requests that read it ({@link
 * SeriesBuilder#build(Collection, Collection)}), and a new pull request makes the groups it reads change.
 * Were the listed titles keys like the others, one pull request of 270 patches would tie their 270
 * series, and the pull requests of a busy tree would tie years of its mail, into one group.
 *
 * <p>The keys are coarser than the builder's tests (an author and a title of a message, whatever the
 * version or patch count): a key too many only makes such a set larger, a key too few would make it
 * wrong. A hash collision is
 * a key too many. {@link #VERSION} changes whenever the keys do, so that stored keys are rebuilt.
 */
public final class LinkKeys {

    /** The version of this key scheme; stored keys of another version are rebuilt. */
    public static final int VERSION = 6;

    /**
     * Marks a passive key: messages that share only a passive key are not related, but every message
     * with a passive key is related to every message with the active key of the same name. A dated
     * posting's author and title are passive, and the windows its date falls in active. The lowest two
     * bits of the hash tell the kinds apart: 0 active, 1 passive, 2 context.
     */
    public static final String PASSIVE = "~";

    /**
     * Marks a context key: it relates its holder to nothing for grouping, but the holder is read by
     * every group holding the passive key of the same name ({@link #readers}), and a change to the holder
     * reaches those groups ({@link #read}). A pull request's listed titles are context keys; a patch's
     * title is the passive key they read.
     */
    public static final String CONTEXT = "^";

    private static final long FLAGS = 3L;
    private static final long PASSIVE_FLAG = 1L;
    private static final long CONTEXT_FLAG = 2L;

    private LinkKeys() {
    }

    /** The hashed keys of one message; empty for null facts or a message without an id. */
    public static Set<Long> of(MailFacts facts) {
        Set<Long> out = new LinkedHashSet<>();
        for (String k : labels(facts)) {
            out.add(k.startsWith(PASSIVE) ? group(hash(k.substring(1))) | PASSIVE_FLAG
                    : k.startsWith(CONTEXT) ? group(hash(k.substring(1))) | CONTEXT_FLAG : group(hash(k)));
        }
        return out;
    }

    /** True for the hash of an active key: it relates every holder of its name. */
    public static boolean active(long key) {
        return (key & FLAGS) == 0;
    }

    /** True for the hash of a passive key. */
    public static boolean passive(long key) {
        return (key & FLAGS) == PASSIVE_FLAG;
    }

    /** True for the hash of a context key. */
    public static boolean context(long key) {
        return (key & FLAGS) == CONTEXT_FLAG;
    }

    /** For a passive key, the context key of its name: its holders read the holders of that key. */
    public static long readers(long passiveKey) {
        return group(passiveKey) | CONTEXT_FLAG;
    }

    /** For a context key, the passive key of its name: the holders of that key read its holders. */
    public static long read(long contextKey) {
        return group(contextKey) | PASSIVE_FLAG;
    }

    /** The key of a Message-ID that the message itself and every message replying to or referencing it hold. */
    public static long messageIdKey(String messageId) {
        String id = Msg.cleanId(messageId);
        return id == null ? 0 : group(hash("i:" + id));
    }

    /** The key a hash stands for, whatever its kind. */
    public static long group(long key) {
        return key & ~FLAGS;
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
                add(out, CONTEXT + "p", PullMerges.normalize(c));
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
                if (active(k)) {
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
     * The messages that a group reads (see {@link #CONTEXT}): those outside it holding the context key of
     * a passive key held in it, in input order.
     */
    public static List<Integer> context(List<? extends Collection<Long>> keysOfMessages, Collection<Integer> group) {
        Set<Long> wanted = new HashSet<>();
        for (int i : group) {
            for (long k : keysOfMessages.get(i)) {
                if (passive(k)) {
                    wanted.add(readers(k));
                }
            }
        }
        Set<Integer> members = new HashSet<>(group);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < keysOfMessages.size(); i++) {
            if (!members.contains(i) && keysOfMessages.get(i).stream().anyMatch(wanted::contains)) {
                out.add(i);
            }
        }
        return out;
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
