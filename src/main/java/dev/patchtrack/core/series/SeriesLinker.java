package dev.patchtrack.core.series;

import dev.patchtrack.core.series.SeriesModel.LinkReason;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.RevisionLink;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links revisions into series. Every candidate link goes from an earlier to a later revision in
 * {@link Revision#ORDER}, so the links form a forest; each revision keeps its best candidate as its
 * predecessor, and each tree is one series.
 */
final class SeriesLinker {

    /** How many earlier revisions of one change-id or one author and title are considered. */
    private static final int NEIGHBOURS = 4;
    /**
     * How far apart two postings of one author and title may be to continue each other on that ground
     * alone. A bound in time keeps the heuristic local, as mail is: without it, every posting of a title an
     * author reuses would be related to every other, and new mail could change series years old.
     */
    static final Duration HEURISTIC_WINDOW = Duration.ofDays(180);
    /** How far up the thread a head is followed to find the revision it replies to. */
    private static final int MAX_CLIMB = 64;

    private record Candidate(Revision older, LinkReason reason) {
    }

    /**
     * Same author and title is weak: two postings that share no patch title never link (one cover title
     * over different work); two different change-ids, or the same name at two addresses, link only when
     * the newer is a later version carrying some of the same patches; a posting of the same version
     * continues an earlier one only when it has as many patches (a resend, a repost) or the earlier one was
     * its RFC.
     */
    private static boolean heuristicFits(Revision older, Revision newer, boolean byName) {
        if (older.disjointPatches(newer)) {
            return false;
        }
        String a = older.draft.changeId();
        String b = newer.draft.changeId();
        // the same title under a new change-id, or from the same name at a new address, continues the work
        // only when the newer is a later version carrying some of the same patches
        boolean exact = newer.version() > older.version() && older.sharesPatch(newer);
        if (a != null && b != null && !a.equals(b) && !exact) {
            return false;
        }
        if (byName && !samePerson(older, newer) && !exact) {
            return false;
        }
        if (older.version() == newer.version()) {
            return older.draft.total() == newer.draft.total() || (older.draft.rfc() && !newer.draft.rfc());
        }
        return true;
    }

    /**
     * A later posting (a higher version, or the posting after an RFC) by the same person that carries most
     * of an earlier one's patches, at least two: the same work under a new cover title or a new address.
     */
    private static boolean samePatches(Revision older, Revision newer) {
        boolean later = newer.version() > older.version()
                || (newer.version() == older.version() && older.draft.rfc() && !newer.draft.rfc());
        if (!later || (older.date() != null && newer.date() != null && older.date().isAfter(newer.date()))) {
            return false;
        }
        boolean person = false;
        for (String p : older.people) {
            person |= newer.people.contains(p);
        }
        int shared = older.sharedPatches(newer);
        return person && shared >= 2 && shared * 2 >= Math.min(older.patchTitles.size(), newer.patchTitles.size());
    }

    /** Whether some posting of one is within {@link #HEURISTIC_WINDOW} of some posting of the other; undated ones are near all. */
    static boolean withinWindow(List<Instant> a, List<Instant> b) {
        for (Instant x : a) {
            for (Instant y : b) {
                if (x == null || y == null || Duration.between(x, y).abs().compareTo(HEURISTIC_WINDOW) <= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Strongest signal, then the same number of patches, then the closest lower version, then the latest date, then the closest in order. */
    private static Comparator<Candidate> preference(Revision newer) {
        return Comparator
                .comparingInt((Candidate c) -> c.reason.ordinal())
                .thenComparing(c -> c.older.draft.total() != newer.draft.total())
                .thenComparingInt(c -> newer.version() - c.older.version())
                .thenComparing(c -> c.older.date(), Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.older.rank).reversed());
    }

    List<SeriesDraft> link(List<Revision> input) {
        List<Revision> revs = new ArrayList<>(input);
        revs.sort(Revision.ORDER);
        int n = revs.size();
        for (int i = 0; i < n; i++) {
            revs.get(i).rank = i;
        }
        List<List<Candidate>> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            candidates.add(new ArrayList<>(2));
        }
        Map<Msg, Revision> byMember = new HashMap<>();
        for (Revision r : revs) {
            for (Msg m : r.members) {
                byMember.put(m, r);
            }
        }
        Map<String, Revision> byMemberId = new HashMap<>();
        byMember.forEach((m, r) -> byMemberId.put(m.id, r));

        // (a) change-id and (d) author + title: neighbours in ORDER within each index bucket
        Map<String, List<Revision>> byChangeId = new HashMap<>();
        Map<String, List<Revision>> byAuthorTitle = new HashMap<>();
        for (Revision r : revs) {
            if (r.draft.changeId() != null) {
                byChangeId.computeIfAbsent(r.draft.changeId(), k -> new ArrayList<>()).add(r);
            }
            for (String key : r.authorTitles.keySet()) {
                byAuthorTitle.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        for (List<Revision> bucket : byChangeId.values()) {
            for (int i = 1; i < bucket.size(); i++) {
                for (int j = i - 1; j >= Math.max(0, i - NEIGHBOURS); j--) {
                    candidates.get(bucket.get(i).rank).add(new Candidate(bucket.get(j), LinkReason.CHANGE_ID));
                }
            }
        }
        for (Map.Entry<String, List<Revision>> e : byAuthorTitle.entrySet()) {
            List<Revision> bucket = e.getValue();
            for (int i = 1; i < bucket.size(); i++) {
                Revision newer = bucket.get(i);
                List<Instant> newerDates = newer.authorTitles.get(e.getKey());
                // the nearest in ORDER among those within the window: only they are sure to be in any set
                // of messages closed under LinkKeys, so that a part of the store links as the whole does
                int seen = 0;
                for (int j = i - 1; j >= 0 && seen < NEIGHBOURS; j--) {
                    Revision older = bucket.get(j);
                    if (!withinWindow(older.authorTitles.get(e.getKey()), newerDates)) {
                        continue;
                    }
                    seen++;
                    if ((older.date() == null || newer.date() == null || !older.date().isAfter(newer.date()))
                            && heuristicFits(older, newer, e.getKey().startsWith(Revision.NAME))) {
                        candidates.get(newer.rank).add(new Candidate(older, LinkReason.HEURISTIC));
                    }
                }
            }
        }
        // (e) the same person posting a later version of the same patches under a new cover title
        Map<String, List<Revision>> byPatchPerson = new HashMap<>();
        for (Revision r : revs) {
            for (String key : r.patchPeopleTitles.keySet()) {
                byPatchPerson.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        Map<Long, Boolean> pairs = new HashMap<>();
        for (Map.Entry<String, List<Revision>> e : byPatchPerson.entrySet()) {
            List<Revision> bucket = e.getValue();
            for (int i = 1; i < bucket.size(); i++) {
                Revision newer = bucket.get(i);
                int seen = 0;
                for (int j = i - 1; j >= 0 && seen < NEIGHBOURS; j--) {
                    Revision older = bucket.get(j);
                    if (older == newer || !withinWindow(older.patchPeopleTitles.get(e.getKey()),
                            newer.patchPeopleTitles.get(e.getKey()))) {
                        continue;
                    }
                    seen++;
                    long pair = ((long) older.rank << 32) | newer.rank;
                    if (pairs.putIfAbsent(pair, Boolean.TRUE) == null && samePatches(older, newer)) {
                        candidates.get(newer.rank).add(new Candidate(older, LinkReason.HEURISTIC));
                    }
                }
            }
        }
        // a cover letter that never reached the list, named by the patches that reply to it, stands for their revision
        for (Revision r : revs) {
            if (r.draft.coverMessageId() != null) {
                continue;
            }
            for (Msg m : r.members) {
                if (m.parent == null && !m.inReplyTo.isEmpty()) {
                    byMemberId.putIfAbsent(m.inReplyTo.get(0), r);
                }
            }
        }
        for (Revision newer : revs) {
            List<Candidate> mine = candidates.get(newer.rank);
            // (b) an explicit link from the head to a message of an earlier revision
            for (String raw : newer.earlierVersionIds()) {
                Revision older = byMemberId.get(Msg.cleanId(raw));
                if (older != null && older.rank < newer.rank) {
                    mine.add(new Candidate(older, LinkReason.EXPLICIT_LINK));
                }
            }
            // (c) the head replies into an earlier revision's thread
            Revision replied = repliedTo(newer, byMember);
            if (replied != null && replied.rank < newer.rank
                    && (replied.version() < newer.version()
                        || (samePerson(replied, newer) && !replied.disjointPatches(newer)))) {
                mine.add(new Candidate(replied, LinkReason.COVER_REPLY));
            }
        }

        // choose one predecessor each; union into trees
        Candidate[] chosen = new Candidate[n];
        int[] root = UnionFind.singletons(n);
        for (Revision newer : revs) {
            List<Candidate> mine = candidates.get(newer.rank);
            if (mine.isEmpty()) {
                continue;
            }
            mine.sort(preference(newer));
            chosen[newer.rank] = mine.get(0);
            UnionFind.union(root, newer.rank, mine.get(0).older.rank);
        }

        Map<Integer, List<Revision>> trees = new HashMap<>();
        for (Revision r : revs) { // in ORDER, so each tree's list is oldest first
            trees.computeIfAbsent(UnionFind.find(root, r.rank), k -> new ArrayList<>()).add(r);
        }
        List<SeriesDraft> out = new ArrayList<>(trees.size());
        for (List<Revision> tree : trees.values()) {
            List<RevisionDraft> drafts = new ArrayList<>(tree.size());
            List<RevisionLink> links = new ArrayList<>(Math.max(0, tree.size() - 1));
            for (int i = 0; i < tree.size(); i++) {
                Revision r = tree.get(i);
                drafts.add(withDependencies(r, byMemberId));
                if (i > 0) {
                    Revision prev = tree.get(i - 1);
                    links.add(new RevisionLink(prev.key(), r.key(),
                            chosen[r.rank] != null ? chosen[r.rank].reason : LinkReason.HEURISTIC));
                }
            }
            Revision first = tree.get(0);
            Revision last = tree.get(tree.size() - 1);
            // named as it is now: the latest revision's title and its author (whose address is the current one)
            out.add(new SeriesDraft(first.key(), last.draft.title(), last.draft.author(), drafts, links));
        }
        out.sort(Comparator.comparing(SeriesDraft::key));
        return out;
    }

    /** The draft with the keys of the revisions that its cover letter or patches name in {@code Depends-on:}. */
    private static RevisionDraft withDependencies(Revision r, Map<String, Revision> byMemberId) {
        List<String> keys = new ArrayList<>(1);
        for (Msg m : r.members) {
            for (String raw : m.facts.dependsOn()) {
                Revision dep = byMemberId.get(Msg.cleanId(raw));
                if (dep != null && dep != r && !keys.contains(dep.key())) {
                    keys.add(dep.key());
                }
            }
        }
        return keys.isEmpty() ? r.draft : r.draft.withDependsOn(keys);
    }

    /** The revision that the nearest patch or cover letter above this revision's head belongs to. */
    private static Revision repliedTo(Revision newer, Map<Msg, Revision> byMember) {
        Msg x = newer.head.nearestPatchOrCover;
        for (int i = 0; x != null && i < MAX_CLIMB; i++) {
            Revision r = byMember.get(x);
            if (r != null && r != newer) {
                return r;
            }
            x = x.nearestPatchOrCover;
        }
        return null;
    }

    private static boolean samePerson(Revision a, Revision b) {
        for (String k : a.personKeys) {
            if (b.personKeys.contains(k)) {
                return true;
            }
        }
        return false;
    }

}
