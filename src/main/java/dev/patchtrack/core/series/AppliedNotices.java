package dev.patchtrack.core.series;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.series.SeriesModel.AppliedDraft;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which "applied" notices count, and for which revision, once revisions are linked into series. Each
 * revision starts with the notices in its own threads; then, in this order:
 * <ol>
 *   <li>A withdrawal ("I dropped v1 for now") takes back the earlier notices of the same person in the
 *       same revision; withdrawals themselves are no notices.</li>
 *   <li>A notice for the whole revision (no patch named by number or title) written in an older
 *       revision's thread after a newer revision of the series was posted credits the newest revision
 *       posted before it: maintainers answer the thread they have open ("I think v5 (the latest one) was
 *       applied").</li>
 *   <li>A notice that says it took along patches its sender posted ("I included the additional patch I
 *       just sent") also accepts each revision of that sender posted in the same thread before it.</li>
 * </ol>
 */
final class AppliedNotices {

    private final Map<String, Msg> byId;

    AppliedNotices(MailThreads threads) {
        this.byId = threads.byId;
    }

    List<SeriesDraft> apply(List<SeriesDraft> series) {
        List<List<RevisionDraft>> all = new ArrayList<>(series.size());
        boolean any = false;
        for (SeriesDraft s : series) {
            List<RevisionDraft> revisions = new ArrayList<>(s.revisions());
            for (int i = 0; i < revisions.size(); i++) {
                RevisionDraft r = revisions.get(i);
                if (!r.applied().isEmpty()) {
                    any = true;
                    revisions.set(i, r.withApplied(withoutWithdrawn(r.applied())));
                }
            }
            all.add(revisions);
        }
        if (!any) {
            return series;
        }
        for (List<RevisionDraft> revisions : all) {
            moveToLatestPosted(revisions);
        }
        takeSendersPatchesAlong(all);
        List<SeriesDraft> out = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            SeriesDraft s = series.get(i);
            out.add(new SeriesDraft(s.key(), s.title(), s.author(), all.get(i), s.links()));
        }
        return out;
    }

    /** The notices that still count: a withdrawal removes the same person's earlier ones, and itself. */
    private static List<AppliedDraft> withoutWithdrawn(List<AppliedDraft> notices) {
        List<AppliedDraft> out = new ArrayList<>(notices.size());
        for (AppliedDraft a : notices) {
            if (a.notice().withdrawn()) {
                out.removeIf(earlier -> samePerson(applier(earlier), applier(a)));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private void moveToLatestPosted(List<RevisionDraft> revisions) {
        for (int i = 0; i < revisions.size(); i++) {
            RevisionDraft r = revisions.get(i);
            List<AppliedDraft> stay = new ArrayList<>(r.applied().size());
            boolean moved = false;
            for (AppliedDraft a : r.applied()) {
                int to = wholeRevision(a) ? latestPostedBefore(revisions, r, date(a.messageId())) : -1;
                if (to < 0) {
                    stay.add(a);
                    continue;
                }
                RevisionDraft target = revisions.get(to);
                List<AppliedDraft> more = new ArrayList<>(target.applied());
                more.add(a);
                revisions.set(to, target.withApplied(more));
                moved = true;
            }
            if (moved) {
                revisions.set(i, revisions.get(i).withApplied(stay));
            }
        }
    }

    /** The index of the newest revision posted after {@code r} and before {@code when}; -1 when none. */
    private static int latestPostedBefore(List<RevisionDraft> revisions, RevisionDraft r, Instant when) {
        if (when == null || r.date() == null) {
            return -1;
        }
        int best = -1;
        for (int j = 0; j < revisions.size(); j++) {
            RevisionDraft n = revisions.get(j);
            if (n == r || n.date() == null || !n.date().isAfter(r.date()) || !n.date().isBefore(when)
                    || n.patches().isEmpty() || n.version() < r.version()) {
                continue;
            }
            if (best < 0 || n.date().isAfter(revisions.get(best).date())) {
                best = j;
            }
        }
        return best;
    }

    /** A notice about the whole revision: it sits on the cover (or the only patch) and names no patch. */
    private static boolean wholeRevision(AppliedDraft a) {
        if (a.number() != 0 || a.notice().includesSendersPatches()) {
            return false;
        }
        for (AppliedNotice.Commit c : a.notice().commits()) {
            if (c.title() != null || c.number() > 0) {
                return false;
            }
        }
        return true;
    }

    private void takeSendersPatchesAlong(List<List<RevisionDraft>> all) {
        Map<String, List<int[]>> byThread = new HashMap<>();
        for (int s = 0; s < all.size(); s++) {
            List<RevisionDraft> revisions = all.get(s);
            for (int i = 0; i < revisions.size(); i++) {
                Msg head = byId.get(revisions.get(i).key());
                if (head != null && head.top != null) {
                    byThread.computeIfAbsent(head.top.id, k -> new ArrayList<>()).add(new int[] {s, i});
                }
            }
        }
        for (List<RevisionDraft> revisions : all) {
            for (RevisionDraft r : revisions) {
                for (AppliedDraft a : r.applied()) {
                    Msg notice = byId.get(a.messageId());
                    if (!a.notice().includesSendersPatches() || notice == null || notice.top == null) {
                        continue;
                    }
                    for (int[] at : byThread.getOrDefault(notice.top.id, List.of())) {
                        RevisionDraft other = all.get(at[0]).get(at[1]);
                        if (other.key().equals(r.key()) || !other.applied().isEmpty() || other.date() == null
                                || notice.date == null || !other.date().isBefore(notice.date)
                                || !samePerson(other.author(), a.from())) {
                            continue;
                        }
                        AppliedNotice n = a.notice();
                        all.get(at[0]).set(at[1], other.withApplied(List.of(new AppliedDraft(a.messageId(), a.from(), 0,
                                new AppliedNotice(n.tree(), n.branch(), n.by(), List.of())))));
                    }
                }
            }
        }
    }

    private Instant date(String messageId) {
        Msg m = byId.get(messageId);
        return m == null ? null : m.date;
    }

    private static Address applier(AppliedDraft a) {
        return a.notice().by() != null ? a.notice().by() : a.from();
    }

    private static boolean samePerson(Address a, Address b) {
        return a != null && b != null && a.samePerson(b);
    }
}
