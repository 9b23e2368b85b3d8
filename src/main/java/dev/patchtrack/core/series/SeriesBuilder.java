package dev.patchtrack.core.series;

import dev.patchtrack.core.model.MailFacts;
import java.util.Collection;
import java.util.List;

/**
 * Threads messages, groups patches and cover letters into revisions, and links revisions into series.
 *
 * <p>A pure function of the set of messages: the same set in any order gives an equal result, and odd
 * input (reference cycles, missing parents, duplicate ids, null dates, null tags) never throws.
 *
 * <ol>
 *   <li>Threading: the parent is the first known id among the first In-Reply-To, the References (newest
 *       first) and the other In-Reply-To values; cycles are broken at their earliest message.</li>
 *   <li>Revisions: a cover letter starts one. A counted patch joins the revision of the nearest cover
 *       letter or first patch above it when its subject version (if any) and total fit; otherwise it
 *       forms a new revision with the other patches of its version and total that replied to the same
 *       revision. A first patch replying to another first patch is a new posting. Patches with nothing
 *       to join are grouped by thread, sender, version and total within {@link
 *       RevisionGrouper#LOOSE_WINDOW}. An uncounted patch is a revision of its own, unless it is a respin
 *       ({@code v5.1}) replying to a numbered patch, whose place it takes. Duplicate numbers: the later
 *       one is kept, the others are listed among the replies.</li>
 *   <li>Replies belong to the revision of the nearest patch or cover letter above them; their trailers
 *       (except Cc) go to that patch, or to every patch when it is the cover letter.</li>
 *   <li>Series: see {@link SeriesLinker}.</li>
 *   <li>A later {@code [GIT PULL]} whose shortlog lists every patch of a revision by title marks it
 *       applied: see {@link PullMerges}.</li>
 *   <li>Withdrawn notices stop counting, a notice written in an older revision's thread credits the
 *       newest one posted before it, and a notice can take its sender's own patches along: see
 *       {@link AppliedNotices}.</li>
 * </ol>
 */
public final class SeriesBuilder {

    public List<SeriesModel.SeriesDraft> build(Collection<MailFacts> all) {
        return build(all, List.of());
    }

    /**
     * The series of {@code all}, with {@code context} read as well: messages outside the set that can
     * change its series without belonging to them, the pull requests listing its titles (see {@link
     * LinkKeys#CONTEXT}). Only their pull requests are read; a context message that is also in
     * {@code all} counts once.
     */
    public List<SeriesModel.SeriesDraft> build(Collection<MailFacts> all, Collection<MailFacts> context) {
        if (all == null || all.isEmpty()) {
            return List.of();
        }
        MailThreads threads = MailThreads.of(all);
        List<Revision> revisions = new RevisionGrouper(threads).group();
        List<SeriesModel.SeriesDraft> series = new PullMerges(threads, context == null ? List.of() : context)
                .apply(new SeriesLinker().link(revisions));
        return new AppliedNotices(threads).apply(series);
    }
}
