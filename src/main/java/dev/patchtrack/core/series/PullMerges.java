package dev.patchtrack.core.series;

import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.PullRequest;
import dev.patchtrack.core.series.SeriesModel.AppliedDraft;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import dev.patchtrack.core.model.MailFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Series merged through a pull request that does not reply to them: a {@code [GIT PULL]} whose shortlog
 * lists, by title, every patch of a revision marks the latest such revision of the series posted before it
 * as applied (the notice names the pull request, its repository and branch, and the patches by title).
 * The pull request need not be among the messages built: it can be read as context (see {@link
 * LinkKeys#CONTEXT}).
 */
final class PullMerges {

    private record Pull(Msg msg, PullRequest request, Map<String, String> titles) {
    }

    private final Map<String, Msg> byId;
    private final List<Pull> pulls = new ArrayList<>();

    PullMerges(MailThreads threads, Collection<MailFacts> context) {
        this.byId = threads.byId;
        List<Msg> candidates = new ArrayList<>(threads.messages);
        Set<String> seen = new HashSet<>(threads.byId.keySet());
        for (MailFacts f : context) {
            String id = f == null ? null : Msg.cleanId(f.messageId());
            if (id != null && f.pull() != null && seen.add(id)) {
                candidates.add(new Msg(id, f));
            }
        }
        for (Msg m : candidates) {
            PullRequest p = m.facts.pull();
            if (p != null && !p.commits().isEmpty()) {
                Map<String, String> titles = new HashMap<>();
                for (String c : p.commits()) {
                    titles.putIfAbsent(normalize(c), c);
                }
                pulls.add(new Pull(m, p, titles));
            }
        }
        pulls.sort((a, b) -> Msg.BY_DATE.compare(a.msg, b.msg));
    }

    List<SeriesDraft> apply(List<SeriesDraft> series) {
        if (pulls.isEmpty()) {
            return series;
        }
        List<SeriesDraft> out = new ArrayList<>(series.size());
        for (SeriesDraft s : series) {
            List<RevisionDraft> revisions = new ArrayList<>(s.revisions());
            boolean changed = false;
            for (Pull pull : pulls) {
                for (int i = revisions.size() - 1; i >= 0; i--) {
                    RevisionDraft r = revisions.get(i);
                    List<AppliedNotice.Commit> commits = listed(r, pull);
                    if (commits != null) {
                        List<AppliedDraft> applied = new ArrayList<>(r.applied());
                        applied.add(new AppliedDraft(pull.msg.id, pull.msg.facts.from(), 0,
                                new AppliedNotice(pull.request.repository(), pull.request.branch(), null, commits)));
                        revisions.set(i, r.withApplied(applied));
                        changed = true;
                        break;
                    }
                }
            }
            out.add(changed ? new SeriesDraft(s.key(), s.title(), s.author(), revisions, s.links()) : s);
        }
        return out;
    }

    /** The revision's patches as the pull lists them, or null unless it lists all of them and came later. */
    private List<AppliedNotice.Commit> listed(RevisionDraft r, Pull pull) {
        Instant posted = r.date();
        if (r.patches().isEmpty() || posted == null || pull.msg.date == null || !pull.msg.date.isAfter(posted)) {
            return null;
        }
        List<AppliedNotice.Commit> commits = new ArrayList<>(r.patches().size());
        for (PatchSlot slot : r.patches()) {
            Msg patch = byId.get(slot.messageId());
            String title = patch == null ? null : pull.titles.get(normalize(patch.title()));
            if (title == null) {
                return null;
            }
            commits.add(new AppliedNotice.Commit(slot.number(), title, null));
        }
        return commits;
    }

    static String normalize(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
