package dev.patchtrack.api;

import dev.patchtrack.api.dto.AppliedCommitInfo;
import dev.patchtrack.api.dto.AppliedInfo;
import dev.patchtrack.api.dto.CheckInfo;
import dev.patchtrack.api.dto.CoverLetterInfo;
import dev.patchtrack.api.dto.DiffStatInfo;
import dev.patchtrack.api.dto.PatchInfo;
import dev.patchtrack.api.dto.PersonInfo;
import dev.patchtrack.api.dto.ReviewerInfo;
import dev.patchtrack.api.dto.RevisionInfo;
import dev.patchtrack.api.dto.VersionChangesInfo;
import dev.patchtrack.core.derive.AppliedCoverage;
import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.patch.VersionChanges;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.ingest.VersionChangesService;
import dev.patchtrack.api.dto.SeriesInfo;
import dev.patchtrack.api.dto.SeriesSummaryInfo;
import dev.patchtrack.api.dto.StateInfo;
import dev.patchtrack.api.dto.TopicInfo;
import dev.patchtrack.api.dto.TrailerInfo;
import dev.patchtrack.api.text.SubjectTagText;
import dev.patchtrack.core.maintainers.Reviewers.Reviewer;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.ingest.tree.ReviewerService;
import dev.patchtrack.store.AppliedNoticeEntity;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.store.MessageHeads;
import dev.patchtrack.store.MessageHeads.Head;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.Person;
import dev.patchtrack.store.ReviewColumns;
import dev.patchtrack.store.RevisionChangesEntity;
import dev.patchtrack.store.RevisionEntity;
import dev.patchtrack.store.RevisionTopic;
import dev.patchtrack.store.SeriesEntity;
import dev.patchtrack.store.SeriesReads;
import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.store.SeriesTopic;
import dev.patchtrack.store.TrailerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Maps stored rows to the API's records, loading what they refer to in bulk (no N+1). */
@ApplicationScoped
public class Views {

    @Inject
    VersionChangesService versionChanges;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    MessageHeads heads;

    @Inject
    SeriesReads reads;

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleViews articleViews;

    @Inject
    PatchChecks checks;

    @Inject
    ReviewerService reviewerService;

    public List<SeriesSummaryInfo> summaries(List<SeriesEntity> list) {
        Refs refs = new Refs();
        list.forEach(s -> refs.person(s.authorId).person(s.review.personId).message(s.review.messagePk));
        Map<Long, Person> people = heads.people(refs.personIds);
        Map<Long, Head> msgs = heads.byIds(refs.messagePks);
        Map<Long, List<SeriesTopic>> topics = reads.topics(list.stream().map(s -> s.id).toList());
        Map<Long, String> subjects = heads.latestSubjects(list.stream().map(s -> s.id).toList());
        List<SeriesSummaryInfo> out = new ArrayList<>(list.size());
        for (SeriesEntity s : list) {
            out.add(new SeriesSummaryInfo(s.id, s.title, person(people.get(s.authorId)), s.listNames,
                    s.latestVersion, s.revisionCount, s.firstPostedAt, s.lastPostedAt,
                    state(s.review, s.stateOverridden, people, msgs),
                    seriesTopics(topics.get(s.id)), SubjectTagText.kindTags(subjects.get(s.id)), "/api/series/" + s.id));
        }
        return out;
    }

    static StateInfo state(ReviewColumns review, boolean overridden, Map<Long, Person> people,
                           Map<Long, Head> msgs) {
        Head m = review.messagePk == null ? null : msgs.get(review.messagePk);
        return new StateInfo(review.state.wireName(), review.reason, m == null ? null : m.messageId(),
                person(people.get(review.personId)), overridden);
    }

    /** A state with the person and the message it names. */
    public StateInfo state(ReviewColumns review, boolean overridden) {
        Map<Long, Person> people = heads.people(review.personId == null ? List.of() : List.of(review.personId));
        Map<Long, Head> msgs = heads.byIds(review.messagePk == null ? List.of() : List.of(review.messagePk));
        return state(review, overridden, people, msgs);
    }

    static List<TopicInfo> seriesTopics(List<SeriesTopic> topics) {
        return topics == null ? List.of() : topics.stream().map(t -> new TopicInfo(t.topic, t.reason, t.detail)).toList();
    }

    static List<TopicInfo> revisionTopics(List<RevisionTopic> topics) {
        return topics == null ? List.of() : topics.stream().map(t -> new TopicInfo(t.topic, t.reason, t.detail)).toList();
    }

    /** One series by id, as {@link #rendered} maps it; a 404 when there is none. */
    public SeriesInfo series(long sid) {
        return rendered(sid).info();
    }

    /**
     * A series detail with what it shows beyond the series' own rows, for its kept document
     * ({@link dev.patchtrack.store.KeptDocuments}).
     *
     * @param people         the people it names
     * @param dependsOnOthers whether it names revisions of other series (the revisions its own depend on)
     */
    public record RenderedSeries(SeriesInfo info, Set<Long> people, boolean dependsOnOthers) {
    }

    /** One series by id, and what it names; a 404 when there is none. */
    public RenderedSeries rendered(long sid) {
        SeriesEntity s = reads.series(sid).orElseThrow(() -> ApiProblem.notFound("no series " + sid));
        Refs refs = new Refs();
        SeriesInfo info = series(s, refs);
        Set<Long> people = new HashSet<>(refs.personIds);
        people.remove(null);
        return new RenderedSeries(info, people, refs.otherSeries);
    }

    private SeriesInfo series(SeriesEntity s, Refs refs) {
        List<RevisionEntity> revisions = reads.revisions(s.id);
        List<PatchEntity> patches = reads.patches(s.id);
        List<TrailerEntity> trailers = reads.trailers(s.id);
        List<AppliedNoticeEntity> applied = reads.applied(s.id);
        refs.person(s.authorId).person(s.review.personId).message(s.review.messagePk).notices(applied);
        Set<String> dependencyKeys = new HashSet<>();
        revisions.forEach(r -> dependencyKeys.addAll(r.dependsOn));
        refs.otherSeries = !dependencyKeys.isEmpty();
        Map<String, Long> dependencyIds = seriesLookups.revisionIdsByKey(dependencyKeys);
        revisions.forEach(r -> refs.person(r.authorId).person(r.review.personId).message(r.coverMessagePk)
                .message(r.review.messagePk));
        patches.forEach(refs::patch);
        refs.trailers(trailers);
        Map<Long, Person> people = heads.people(refs.personIds);
        Map<Long, Head> msgs = heads.byIds(refs.messagePks);
        Map<Long, String> hashes = heads.patchIds(patches.stream().map(p -> p.messagePk).toList());
        Map<Long, List<TrailerEntity>> trailersByPatch = new LinkedHashMap<>();
        trailers.forEach(t -> trailersByPatch.computeIfAbsent(t.patchId, k -> new ArrayList<>()).add(t));
        Map<Long, List<RevisionTopic>> revTopics = reads.revisionTopics(s.id);
        Map<Long, List<PatchEntity>> patchesByRevision = new LinkedHashMap<>();
        patches.forEach(p -> patchesByRevision.computeIfAbsent(p.revisionId, k -> new ArrayList<>()).add(p));
        Map<Long, List<CheckInfo>> checksOf = checks.ofMessages(patches.stream().map(p -> p.messagePk).toList());

        Map<Long, List<AppliedNoticeEntity>> appliedByRevision = new LinkedHashMap<>();
        applied.forEach(a -> appliedByRevision.computeIfAbsent(a.revisionId, k -> new ArrayList<>()).add(a));

        Map<Long, VersionChanges> changes = changes(s.id, revisions);
        ReviewerService.Result reviewers = reviewerService.reviewers(revisions.stream().map(r -> r.id).toList());
        List<RevisionInfo> revs = new ArrayList<>();
        for (RevisionEntity r : revisions) {
            List<AppliedNoticeEntity> notices = appliedByRevision.getOrDefault(r.id, List.of());
            List<PatchInfo> ps = new ArrayList<>();
            for (PatchEntity p : patchesByRevision.getOrDefault(r.id, List.of())) {
                ps.add(patch(p, hashes.get(p.messagePk), trailersByPatch.getOrDefault(p.id, List.of()), notices, people,
                        msgs, null, null, null, checksOf.getOrDefault(p.messagePk, List.of())));
            }
            List<Long> dependsOn = new ArrayList<>();
            for (String key : r.dependsOn) {
                Long id = dependencyIds.get(key);
                if (id != null) {
                    dependsOn.add(id);
                }
            }
            Head cover = r.coverMessagePk == null ? null : msgs.get(r.coverMessagePk);
            revs.add(new RevisionInfo(r.id, r.version, r.versionMinor, r.total, r.rfc, r.title, r.postedAt,
                    person(people.get(r.authorId)),
                    cover == null ? null : new CoverLetterInfo(cover.messageId(), cover.subject(), cover.sentAt()),
                    r.linkReason == null ? null : r.linkReason.wireName(),
                    r.complete, r.extraPatches, r.changeId, dependsOn,
                    revisionApplied(notices, people, msgs), r.review.state == ReviewState.SUPERSEDED,
                    state(r.review, false, people, msgs),
                    revisionTopics(revTopics.get(r.id)), changes(s.id, changes.get(r.id)), ps,
                    reviewers.byRevision() == null ? null : reviewers(reviewers.byRevision().getOrDefault(r.id, List.of())),
                    reviewers.source().note()));
        }
        return new SeriesInfo(s.id, s.title, person(people.get(s.authorId)), s.listNames, s.latestVersion,
                s.firstPostedAt, s.lastPostedAt,
                state(s.review, s.stateOverridden, people, msgs),
                seriesTopics(reads.topics(s.id)), revs,
                articleViews.summaries(articles.mentioning(s.id)));
    }

    /**
     * What changed in each revision from the one before: as derivation kept it, else (a revision not
     * derived since) as {@link VersionChangesService#ofSeries} works it out.
     */
    private Map<Long, VersionChanges> changes(long seriesId, List<RevisionEntity> revisions) {
        Map<Long, VersionChanges> out = new HashMap<>();
        if (revisions.size() < 2) {
            return out;
        }
        Map<Long, RevisionChangesEntity> kept = reads.changes(seriesId);
        for (int i = 1; i < revisions.size(); i++) {
            RevisionChangesEntity c = kept.get(revisions.get(i).id);
            if (c == null || !c.fromRevisionId.equals(revisions.get(i - 1).id)) {
                return versionChanges.ofSeries(revisions);
            }
            out.put(c.revisionId, c.changes(revisions.get(i).version));
        }
        return out;
    }

    private static VersionChangesInfo changes(long seriesId, VersionChanges c) {
        return c == null ? null : new VersionChangesInfo(c.fromVersion(), c.sentence(), c.unchanged(), c.changed(),
                c.added(), c.dropped(), c.changelog(),
                "/api/series/" + seriesId + "/range-diff?from=" + c.fromVersion() + "&to=" + c.toVersion());
    }

    /** Listed maintainers and reviewers as the API shows them. */
    public static List<ReviewerInfo> reviewers(List<Reviewer> list) {
        return list.stream().map(r -> new ReviewerInfo(r.listed().name(), r.listed().address(), r.listed().role().wireName(),
                r.listed().section(), r.status().wireName())).toList();
    }

    /** The people and messages a view refers to, gathered so that each is loaded once, in bulk. */
    private static final class Refs {
        final Set<Long> personIds = new HashSet<>();
        final Set<Long> messagePks = new HashSet<>();
        /** Whether what is gathered names revisions of other series. */
        boolean otherSeries;

        Refs person(Long id) {
            personIds.add(id);
            return this;
        }

        Refs message(Long pk) {
            messagePks.add(pk);
            return this;
        }

        Refs patch(PatchEntity p) {
            return person(p.authorId).person(p.review.personId).message(p.messagePk).message(p.review.messagePk);
        }

        Refs notices(List<AppliedNoticeEntity> notices) {
            notices.forEach(a -> person(a.personId).message(a.sourceMessagePk));
            return this;
        }

        Refs trailers(List<TrailerEntity> trailers) {
            trailers.forEach(t -> person(t.personId).message(t.sourceMessagePk));
            return this;
        }
    }

    public PatchInfo patch(PatchEntity p) {
        return patches(List.of(p)).get(0);
    }

    /** Patches with their trailers, notices, revisions, people and messages, each kind in one query. */
    public List<PatchInfo> patches(List<PatchEntity> list) {
        List<Long> revisionIds = list.stream().map(p -> p.revisionId).distinct().toList();
        Map<Long, RevisionEntity> revisions = new HashMap<>();
        seriesLookups.revisionsByIds(revisionIds).forEach(r -> revisions.put(r.id, r));
        List<TrailerEntity> trailers = seriesLookups.trailersOf(list.stream().map(p -> p.id).toList());
        List<AppliedNoticeEntity> notices = seriesLookups.appliedOf(revisionIds);
        Refs refs = new Refs().notices(notices).trailers(trailers);
        list.forEach(refs::patch);
        Map<Long, Person> people = heads.people(refs.personIds);
        Map<Long, Head> msgs = heads.byIds(refs.messagePks);
        Map<Long, String> hashes = heads.patchIds(list.stream().map(p -> p.messagePk).toList());
        Map<Long, List<TrailerEntity>> trailersByPatch = new HashMap<>();
        trailers.forEach(t -> trailersByPatch.computeIfAbsent(t.patchId, k -> new ArrayList<>()).add(t));
        Map<Long, List<AppliedNoticeEntity>> noticesByRevision = new HashMap<>();
        notices.forEach(a -> noticesByRevision.computeIfAbsent(a.revisionId, k -> new ArrayList<>()).add(a));
        Map<Long, List<CheckInfo>> checksOf = checks.ofMessages(list.stream().map(p -> p.messagePk).toList());
        List<PatchInfo> out = new ArrayList<>(list.size());
        for (PatchEntity p : list) {
            RevisionEntity r = revisions.get(p.revisionId);
            out.add(patch(p, hashes.get(p.messagePk), trailersByPatch.getOrDefault(p.id, List.of()),
                    noticesByRevision.getOrDefault(p.revisionId, List.of()), people, msgs, r == null ? null : r.seriesId,
                    p.revisionId, r == null ? null : r.version, checksOf.getOrDefault(p.messagePk, List.of())));
        }
        return out;
    }

    private static PatchInfo patch(PatchEntity p, String hash, List<TrailerEntity> trailers,
                                   List<AppliedNoticeEntity> notices,
                                   Map<Long, Person> people, Map<Long, Head> msgs, Long seriesId,
                                   Long revisionId, Integer version, List<CheckInfo> checks) {
        List<TrailerInfo> ts = new ArrayList<>();
        List<TrailerInfo> nacks = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, List<PersonInfo>> reviewers = new TreeMap<>();
        Map<String, Set<Long>> seen = new HashMap<>();
        Trailer.REVIEW_NAMES.forEach(n -> {
            counts.put(n, 0);
            reviewers.put(n, new ArrayList<>());
            seen.put(n, new HashSet<>());
        });
        for (TrailerEntity t : trailers) {
            Head src = msgs.get(t.sourceMessagePk);
            TrailerInfo info = new TrailerInfo(t.name, t.value, person(people.get(t.personId)),
                    src == null ? null : src.messageId());
            ts.add(info);
            counts.computeIfPresent(t.name, (k, v) -> v + 1);
            if (t.personId != null && seen.containsKey(t.name) && seen.get(t.name).add(t.personId)) {
                reviewers.get(t.name).add(info.person());
            }
            if (t.name.equals("Nacked-by")) {
                nacks.add(info);
            }
        }
        Head m = msgs.get(p.messagePk);
        return new PatchInfo(p.id, p.number, m == null ? null : m.messageId(), p.subject, person(people.get(p.authorId)),
                p.postedAt, new DiffStatInfo(p.filesChanged, p.insertions, p.deletions), hash,
                state(p.review, p.stateOverridden, people, msgs),
                ts, counts, reviewers, nacks,
                patchApplied(notices, p, people, msgs), seriesId, revisionId, version, PatchChecks.combined(checks),
                checks);
    }

    /** The notices that answer the whole revision, with all their commits. */
    private static List<AppliedInfo> revisionApplied(List<AppliedNoticeEntity> notices, Map<Long, Person> people,
                                                     Map<Long, Head> msgs) {
        List<AppliedInfo> out = new ArrayList<>();
        for (AppliedNoticeEntity a : notices) {
            if (a.patchNumber == 0) {
                out.add(appliedInfo(a, a.commits, people, msgs));
            }
        }
        return out;
    }

    /**
     * The notices that cover the patch, as its derivation found ({@link AppliedCoverage}), each with the
     * commits that concern it.
     */
    private static List<AppliedInfo> patchApplied(List<AppliedNoticeEntity> notices, PatchEntity p,
                                                  Map<Long, Person> people, Map<Long, Head> msgs) {
        List<AppliedInfo> out = new ArrayList<>();
        String title = null;
        for (AppliedNoticeEntity a : notices) {
            if (a.covers.contains(p.number)) {
                title = title == null ? AppliedCoverage.titleOf(p.subject) : title;
                out.add(appliedInfo(a, AppliedCoverage.commitsFor(a.commits, p.number, title), people, msgs));
            }
        }
        return out;
    }

    private static AppliedInfo appliedInfo(AppliedNoticeEntity a, List<AppliedNotice.Commit> commits,
                                           Map<Long, Person> people, Map<Long, Head> msgs) {
        Head src = msgs.get(a.sourceMessagePk);
        return new AppliedInfo(src == null ? null : src.messageId(), person(people.get(a.personId)), a.tree, a.branch,
                a.patchNumber == 0 ? null : a.patchNumber,
                commits.stream().map(c -> new AppliedCommitInfo(c.number(), c.title(), c.commit())).toList());
    }

    static PersonInfo person(Person p) {
        return p == null ? null : new PersonInfo(p.name, p.email);
    }
}
