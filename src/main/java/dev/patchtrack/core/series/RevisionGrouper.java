package dev.patchtrack.core.series;

import dev.patchtrack.core.model.ReplyScope;
import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.series.SeriesModel.AppliedDraft;
import dev.patchtrack.core.series.SeriesModel.AttributedTrailer;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups the patches and cover letters of a thread forest into revisions, attaches replies, and
 * attributes trailers to patches.
 *
 * <p>Internal group keys: {@code c:<cover>} for a cover letter's revision, {@code p:<patch>} for a revision
 * started by a first patch, {@code l:<first member>} for patches grouped without a cover letter or first
 * patch above them, {@code d:<anchor group>...} for patches posted in reply to a revision they do not fit.
 */
final class RevisionGrouper {

    /** How far apart messages without a thread to join may be and still form one posting. */
    static final Duration LOOSE_WINDOW = Duration.ofHours(12);

    private record Info(int version, int total) {
    }

    private static final class Group {
        final String key;
        final Info info;
        Msg cover;
        final List<Msg> patches = new ArrayList<>();
        // filled when built
        final TreeMap<Integer, Msg> slots = new TreeMap<>();
        final List<Msg> replaced = new ArrayList<>();
        final List<Msg> replies = new ArrayList<>();

        Group(String key, Info info) {
            this.key = key;
            this.info = info;
        }
    }

    private final MailThreads threads;
    private final Map<String, Group> groups = new HashMap<>();
    private final Map<Msg, Group> groupOf = new HashMap<>();
    private final Map<Msg, Integer> numberOf = new HashMap<>();

    RevisionGrouper(MailThreads threads) {
        this.threads = threads;
    }

    List<Revision> group() {
        for (Msg m : threads.messages) {
            if (m.isCover()) {
                Group g = new Group("c:" + m.id, new Info(m.version(), Math.max(0, m.tags.total())));
                g.cover = m;
                groups.put(g.key, g);
                groupOf.put(m, g);
            }
        }
        assignLoose();
        assignThreaded();
        return build();
    }

    // ---------------------------------------------------------------- assignment

    /**
     * Counted patches with no cover letter or first patch above them, and cover letters no patch replies
     * to, grouped by thread label, sender, version and total; within a group, split into postings by a
     * time window, a second cover letter, or a number seen twice.
     */
    private void assignLoose() {
        Set<Msg> anchoredCovers = new HashSet<>();
        for (Msg m : threads.messages) {
            if (m.isPatch() && m.anchor != null && m.anchor.isCover()) {
                anchoredCovers.add(m.anchor);
            }
        }
        Map<String, List<Msg>> pools = new HashMap<>();
        for (Msg m : threads.messages) {
            boolean loosePatch = m.isPatch() && m.counted() && m.anchor == null;
            boolean looseCover = m.isCover() && !anchoredCovers.contains(m);
            if (!loosePatch && !looseCover) {
                continue;
            }
            String label = MailThreads.rootLabel(m);
            String key = (label == null ? "" : label) + '\u0000' + m.fromKey + '\u0000' + m.version()
                    + '\u0000' + m.tags.total();
            pools.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        Comparator<Msg> poolOrder = Comparator
                .comparing((Msg m) -> m.date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(m -> m.isCover() ? -1 : m.tags.number())
                .thenComparing(m -> m.id);
        for (List<Msg> pool : pools.values()) {
            pool.sort(poolOrder);
            List<Msg> cluster = new ArrayList<>();
            Set<Integer> numbers = new HashSet<>();
            Msg cover = null;
            Instant start = null;
            for (Msg m : pool) {
                boolean fresh = cluster.isEmpty()
                        || (m.isCover() ? cover != null : numbers.contains(m.tags.number()))
                        || (m.date != null && start != null
                            && Duration.between(start, m.date).compareTo(LOOSE_WINDOW) > 0);
                if (fresh) {
                    flushLoose(cluster, cover);
                    cluster = new ArrayList<>();
                    numbers.clear();
                    cover = null;
                    start = null;
                }
                cluster.add(m);
                if (start == null) {
                    start = m.date;
                }
                if (m.isCover()) {
                    cover = m;
                } else {
                    numbers.add(m.tags.number());
                }
            }
            flushLoose(cluster, cover);
        }
    }

    private void flushLoose(List<Msg> cluster, Msg cover) {
        if (cluster.isEmpty()) {
            return;
        }
        Group g;
        if (cover != null) {
            g = groupOf.get(cover);
        } else {
            Msg first = cluster.get(0);
            g = new Group("l:" + first.id, new Info(first.version(), first.tags.total()));
            groups.put(g.key, g);
        }
        for (Msg m : cluster) {
            if (m.isPatch()) {
                join(g, m, m.tags.number());
            }
        }
    }

    /** Every other patch, ancestors first, so the group of the anchor above a patch is always known. */
    private void assignThreaded() {
        for (Msg m : threads.topological) {
            if (!m.isPatch() || groupOf.containsKey(m)) {
                continue;
            }
            if (!m.counted()) {
                assignUncounted(m);
                continue;
            }
            Msg a = m.anchor;
            Group ga = a == null ? null : groupOf.get(a);
            if (ga == null) { // cannot happen: a counted patch without anchor went loose
                join(seed("p:" + m.id, new Info(m.version(), m.tags.total())), m, m.tags.number());
                continue;
            }
            boolean fits = versionFits(m, ga.info) && m.tags.total() == ga.info.total;
            boolean repost = a.isPatch() && m.isFirstPatch() && m.tags.versionMinor() == 0;
            if (fits && !repost) {
                join(ga, m, m.tags.number());
            } else if (fits) {
                // a first patch replying to another first patch of the same shape: a new posting
                join(seed("p:" + m.id, new Info(ga.info.version, m.tags.total())), m, m.tags.number());
            } else {
                String key = "d:" + ga.key + '\u0000' + m.version() + '\u0000' + m.tags.total() + '\u0000'
                        + m.fromKey;
                join(seed(key, new Info(m.version(), m.tags.total())), m, m.tags.number());
            }
        }
    }

    /**
     * An uncounted patch is a revision of its own, except a respin ({@code [PATCH v5.1]}) replying to a
     * counted patch of the same version: it takes that patch's place.
     */
    private void assignUncounted(Msg m) {
        Msg q = m.nearestPatchOrCover;
        if (m.tags.versionMinor() > 0 && q != null && q.isPatch() && q.counted() && q.tags.number() > 0) {
            Group g = groupOf.get(q);
            if (g != null && versionFits(m, g.info)) {
                join(g, m, q.tags.number());
                return;
            }
        }
        join(seed("p:" + m.id, new Info(m.version(), 1)), m, 1);
    }

    private static boolean versionFits(Msg m, Info info) {
        return m.tags.version() <= 0 || m.tags.version() == info.version;
    }

    private Group seed(String key, Info info) {
        return groups.computeIfAbsent(key, k -> new Group(k, info));
    }

    private void join(Group g, Msg m, int number) {
        g.patches.add(m);
        groupOf.put(m, g);
        numberOf.put(m, number);
    }

    // ---------------------------------------------------------------- building

    /** Later date wins (unknown counts as oldest), then the higher respin minor, then the higher id. */
    private static final Comparator<Msg> KEEP_FIRST = Comparator
            .comparing((Msg m) -> m.date, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()).reversed())
            .thenComparing(Comparator.comparingInt((Msg m) -> m.tags.versionMinor()).reversed())
            .thenComparing(Comparator.comparing((Msg m) -> m.id).reversed());

    private List<Revision> build() {
        List<Group> all = new ArrayList<>(groups.values());
        all.sort(Comparator.comparing(g -> g.key));
        for (Group g : all) {
            Map<Integer, List<Msg>> byNumber = new TreeMap<>();
            for (Msg p : g.patches) {
                byNumber.computeIfAbsent(numberOf.get(p), k -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<Integer, List<Msg>> e : byNumber.entrySet()) {
                List<Msg> same = e.getValue();
                same.sort(KEEP_FIRST);
                g.slots.put(e.getKey(), same.get(0));
                g.replaced.addAll(same.subList(1, same.size()));
            }
        }
        for (Msg m : threads.messages) {
            if (m.isPatch() || m.isCover() || m.nearestPatchOrCover == null) {
                continue;
            }
            Group g = groupOf.get(m.nearestPatchOrCover);
            if (g != null) {
                g.replies.add(m);
            }
        }
        List<Revision> out = new ArrayList<>(all.size());
        for (Group g : all) {
            if (g.cover == null && g.slots.isEmpty()) {
                continue;
            }
            out.add(toRevision(g));
        }
        return out;
    }

    private Revision toRevision(Group g) {
        Msg firstPatch = g.slots.isEmpty() ? null : g.slots.firstEntry().getValue();
        Msg head = g.cover != null ? g.cover : firstPatch;

        List<Msg> own = new ArrayList<>(g.slots.values());
        if (g.cover != null) {
            own.add(0, g.cover);
        }
        int minor = 0;
        int rfcPatches = 0;
        Instant earliest = null;
        for (Msg m : own) {
            minor = Math.max(minor, m.tags.versionMinor());
            if (m != g.cover && m.tags.rfc()) {
                rfcPatches++;
            }
            if (m.date != null && (earliest == null || m.date.isBefore(earliest))) {
                earliest = m.date;
            }
        }
        // the cover letter says what the posting is; without one, most of its patches do: one
        // "[RFC PATCH 18/19]" among plain patches asks for comments on that patch, not on the revision
        boolean rfc = g.cover != null ? g.cover.tags.rfc() : rfcPatches * 2 > g.slots.size();
        String changeId = null;
        for (Msg m : own) {
            if (changeId == null) {
                changeId = m.changeId();
            }
        }
        int total = g.info.total;
        if (total <= 0) {
            total = g.slots.isEmpty() ? 0 : Math.max(0, g.slots.lastKey());
        }
        boolean complete = total > 0;
        for (int i = 1; i <= total && complete; i++) {
            complete = g.slots.containsKey(i);
        }
        int counted = 0;
        boolean beyond = false;
        for (int n : g.slots.keySet()) {
            if (n >= 1) {
                counted++;
            }
            beyond |= n > total;
        }
        boolean extra = beyond || counted > total;

        List<PatchSlot> slots = new ArrayList<>(g.slots.size());
        g.slots.forEach((n, m) -> slots.add(new PatchSlot(n, m.id)));

        List<Msg> replies = new ArrayList<>(g.replies);
        replies.addAll(g.replaced);
        replies.sort(Msg.BY_DATE);
        List<String> replyIds = new ArrayList<>(replies.size());
        for (Msg r : replies) {
            replyIds.add(r.id);
        }
        Map<String, List<String>> replyPatches = new HashMap<>();
        for (Msg r : g.replies) {
            List<String> ids = new ArrayList<>();
            for (int n : concerns(r, g)) {
                ids.add(g.slots.get(n).id);
            }
            replyPatches.put(r.id, ids);
        }

        RevisionDraft draft = new RevisionDraft(
                head.id,
                g.info.version,
                minor,
                total,
                rfc,
                g.cover != null ? g.cover.title() : head.title(),
                // a posting of several patches is its sender's (a first patch carried from another author
                // does not make it theirs); a single patch is its author's, whoever sent it, under the
                // address they send from now when they sent it themselves
                g.cover != null || g.info.total > 1 || head.author.samePerson(head.sender) ? head.sender : head.author,
                head.date != null ? head.date : earliest,
                g.cover == null ? null : g.cover.id,
                slots,
                replyIds,
                replyPatches,
                trailers(g),
                complete,
                extra,
                changeId,
                applied(g, head),
                List.of());
        List<Msg> members = new ArrayList<>(own);
        members.addAll(g.replaced);
        return new Revision(draft, head, firstPatch, members);
    }

    // ---------------------------------------------------------------- applied notices

    private List<AppliedDraft> applied(Group g, Msg head) {
        List<Msg> notices = new ArrayList<>();
        for (Msg r : g.replies) {
            if (r.facts.applied() != null) {
                notices.add(r);
            }
        }
        notices.sort(Msg.BY_DATE);
        List<AppliedDraft> out = new ArrayList<>(notices.size());
        for (Msg r : notices) {
            Msg q = r.nearestPatchOrCover;
            Integer n = q == null || q.isCover() || q == head ? null : numberOf.get(q);
            out.add(new AppliedDraft(r.id, r.facts.from(), n == null ? 0 : n, r.facts.applied()));
        }
        return out;
    }

    // ---------------------------------------------------------------- trailers

    private record Attr(int number, int sourceRank, Msg source, int index, Msg patch, Trailer trailer) {
    }

    private static final Comparator<Attr> ATTR_ORDER = Comparator
            .comparingInt(Attr::number)
            .thenComparingInt(Attr::sourceRank)
            .thenComparing(Attr::source, Msg.BY_DATE)
            .thenComparingInt(Attr::index);

    private List<AttributedTrailer> trailers(Group g) {
        List<Attr> attrs = new ArrayList<>();
        g.slots.forEach((n, p) -> addAll(attrs, n, 0, p, p, true));
        if (g.cover != null) {
            g.slots.forEach((n, p) -> addAll(attrs, n, 1, g.cover, p, false));
        }
        for (Msg r : g.replies) {
            for (int n : concerns(r, g)) {
                addAll(attrs, n, 2, r, g.slots.get(n), false);
            }
        }
        attrs.sort(ATTR_ORDER);
        Set<String> seen = new HashSet<>();
        List<AttributedTrailer> out = new ArrayList<>(attrs.size());
        for (Attr a : attrs) {
            Trailer t = a.trailer;
            String who = t.person() != null && !t.person().email().isEmpty()
                    ? t.person().key() : String.valueOf(t.value());
            String dedupe = a.patch.id + '\u0000' + t.name() + '\u0000' + who + '\u0000' + a.source.id;
            if (seen.add(dedupe)) {
                out.add(new AttributedTrailer(a.patch.id, t, a.source.id));
            }
        }
        return out;
    }

    /**
     * The patches (by number) a reply concerns, the one rule for its trailers and for review: the patch it
     * answers, or every patch when it answers the cover letter, narrowed to the patches it names. Its own
     * words widen or narrow that ({@link ReplyScope}): "for the whole series" means every patch wherever the
     * reply sits, "same for patch 1/2" adds that patch, "with the exception of patch 2" takes it away. A
     * reply to the cover letter that names patches only by title, none of which reached this list, concerns
     * none of the patches here.
     */
    private Set<Integer> concerns(Msg r, Group g) {
        ReplyScope scope = r.facts.scope();
        Msg q = r.nearestPatchOrCover;
        Set<Integer> out = new TreeSet<>();
        if (scope != null && scope.wholeSeries()) {
            out.addAll(g.slots.keySet());
        } else if (q.isCover()) {
            Named named = named(r, g);
            if (!named.present.isEmpty()) {
                out.addAll(named.present);
            } else if (!named.titledAbsent) {
                out.addAll(g.slots.keySet());
            }
        } else {
            Integer n = numberOf.get(q);
            if (n != null && g.slots.containsKey(n)) {
                out.add(n);
            }
            if (scope != null) {
                for (int also : scope.alsoPatches()) {
                    if (g.slots.containsKey(also)) {
                        out.add(also);
                    }
                }
            }
        }
        if (scope != null) {
            out.removeAll(scope.exceptPatches());
        }
        return out;
    }

    /** The named patches present here; whether the reply named patches by title and none of them is here. */
    private record Named(Set<Integer> present, boolean titledAbsent) {
    }

    /** The patches of this revision that a reply to its cover letter names (by number or quoted title). */
    private static Named named(Msg reply, Group g) {
        List<Integer> numbers = reply.facts.namedPatches();
        List<String> titles = new ArrayList<>(reply.facts.namedTitles());
        if (reply.facts.scope() != null) {
            titles.addAll(reply.facts.scope().quotedTitles());
        }
        if (numbers.isEmpty() && titles.isEmpty()) {
            return new Named(Set.of(), false);
        }
        Set<Integer> out = new HashSet<>();
        for (Integer n : numbers) {
            if (n != null && g.slots.containsKey(n)) {
                out.add(n);
            }
        }
        boolean titled = false;
        for (Map.Entry<Integer, Msg> e : g.slots.entrySet()) {
            String have = e.getValue().normalizedTitle();
            for (String t : titles) {
                if (have.equals(t) || t.length() >= 20 && have.startsWith(t)) {
                    out.add(e.getKey()); // a long title wraps in the cover's list: its first line is enough
                    titled = true;
                }
            }
        }
        return new Named(out, !titles.isEmpty() && !titled && numbers.isEmpty());
    }

    private static void addAll(List<Attr> out, int number, int rank, Msg source, Msg patch, boolean keepCc) {
        List<Trailer> ts = source.facts.trailers();
        for (int i = 0; i < ts.size(); i++) {
            Trailer t = ts.get(i);
            if (t == null || t.name() == null || (!keepCc && t.name().equalsIgnoreCase("Cc"))) {
                continue;
            }
            out.add(new Attr(number, rank, source, i, patch, t));
        }
    }
}
