package dev.patchtrack.store;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.derive.SeriesEvents;
import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.core.model.OverrideTarget;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.core.review.StateReason;
import dev.patchtrack.core.series.SeriesModel.LinkReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The writer of series, revisions, patches and trailers, the derived side of the store.
 * {@link #reconcile} makes the stored rows equal to a desired state while keeping the ids of everything
 * that still exists, so that API clients can hold on to them and a repeated import writes nothing.
 * Reading them is {@link SeriesLookups}' (by id, for derivation and the views) and {@link SeriesReads}'
 * (a series view in plain SQL); maintainers' overrides are {@link OverrideRepository}'s.
 */
@ApplicationScoped
public class SeriesRepository {

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    @Inject
    PersonRepository persons;

    @Inject
    SeriesLookups lookups;

    @Inject
    OverrideRepository overrides;

    /** A series as it should be stored. */
    public record SeriesRow(String key, String title, Address author, Instant firstPostedAt, Instant lastPostedAt,
                            int latestVersion, Set<Long> listIds, List<String> listNames, List<RevisionRow> revisions,
                            StateRow state, List<TopicRow> topics) {
    }

    /**
     * A derived review state as stored: the state, the reason a person reads, and what caused it.
     *
     * @param messagePk the message that caused it, null when none
     * @param person    who caused it, null when nobody did
     */
    public record StateRow(ReviewState state, String reason, Long messagePk, Address person) {
    }

    /**
     * A topic with the rule that gave it.
     *
     * @param detail what the rule's named group matched (a {@code rust-arch} label's architectures), or null
     */
    public record TopicRow(String topic, String reason, String detail) {
    }

    /** A revision as it should be stored. */
    public record RevisionRow(String key, int version, int versionMinor, int total, boolean rfc, String title,
                              Address author, Instant postedAt, Long coverMessagePk, LinkReason linkReason,
                              boolean complete, boolean extraPatches, String changeId, List<PatchRow> patches,
                              List<String> dependsOn, List<AppliedRow> applied,
                              StateRow state, List<TopicRow> topics) {
    }

    /**
     * An "applied" notice as it should be stored.
     *
     * @param commits one {@code number<TAB>commit<TAB>title} per line, null when none
     * @param covers  the numbers of the patches it covers ({@code core.derive.AppliedCoverage})
     */
    public record AppliedRow(int patchNumber, long sourceMessagePk, Address person, String tree, String branch,
                             List<AppliedNotice.Commit> commits, List<Integer> covers) {
    }

    private record AppliedKey(int patchNumber, Long sourcePk, Long personId, String tree, String branch,
                              List<AppliedNotice.Commit> commits, List<Integer> covers) {
    }

    /** A patch as it should be stored. */
    public record PatchRow(long messagePk, int number, String subject, Address author, Instant postedAt,
                           int filesChanged, int insertions, int deletions, List<TrailerRow> trailers,
                           StateRow state) {
    }

    /** A trailer as it should be stored. */
    public record TrailerRow(String name, String value, Address person, long sourceMessagePk) {
    }

    /** What a reconcile changed. */
    /** What a reconcile wrote; {@code posted}: the ids of the revisions it created. */
    public record ReconcileStats(int seriesWritten, int revisionsWritten, int patchesWritten, int trailersWritten,
                                 int deleted, int events, List<Long> posted) {
    }

    private record TrailerKey(String name, String value, Long personId, Long sourcePk) {
    }

    /**
     * Makes the stored series equal to {@code desired}.
     *
     * @param patchOverridden message primary keys of patches whose state in {@code desired} is a maintainer's override
     */
    public ReconcileStats reconcile(List<SeriesRow> desired, Set<Long> patchOverridden) {
        return reconcile(desired, patchOverridden, null);
    }

    /**
     * Makes the stored series among {@code scope} equal to {@code desired}; series outside it are not
     * read nor touched. The caller makes sure that {@code desired} is everything the messages of those
     * series (and of the desired ones) give: see {@link #seriesTouching}.
     *
     * @param scope ids of the stored series that {@code desired} replaces; null for all of them
     */
    public ReconcileStats reconcile(List<SeriesRow> desired, Set<Long> patchOverridden, Collection<Long> scope) {
        List<Address> addresses = new ArrayList<>();
        for (SeriesRow s : desired) {
            addresses.add(s.author());
            addresses.add(s.state().person());
            for (RevisionRow r : s.revisions()) {
                addresses.add(r.author());
                addresses.add(r.state().person());
                r.applied().forEach(a -> addresses.add(a.person()));
                for (PatchRow p : r.patches()) {
                    addresses.add(p.author());
                    addresses.add(p.state().person());
                    for (TrailerRow t : p.trailers()) {
                        addresses.add(t.person());
                    }
                }
            }
        }
        Map<String, Long> people = persons.resolve(addresses.stream().filter(Objects::nonNull).toList());

        Map<Long, SeriesEntity> seriesById = new HashMap<>();
        Map<String, SeriesEntity> seriesByKey = new HashMap<>();
        for (SeriesEntity s : lookups.inScope("from SeriesEntity e", "e.id", scope, SeriesEntity.class)) {
            seriesById.put(s.id, s);
            seriesByKey.put(s.seriesKey, s);
        }
        Map<String, RevisionEntity> revByKey = new HashMap<>();
        for (RevisionEntity r : lookups.inScope("from RevisionEntity e", "e.seriesId", scope, RevisionEntity.class)) {
            revByKey.put(r.revisionKey, r);
        }
        List<Long> revisionIds = revByKey.values().stream().map(r -> r.id).toList();
        Collection<Long> revisionScope = scope == null ? null : revisionIds;
        Map<Long, PatchEntity> patchByMessage = new HashMap<>();
        for (PatchEntity p : lookups.inScope("from PatchEntity e", "e.revisionId", revisionScope, PatchEntity.class)) {
            patchByMessage.put(p.messagePk, p);
        }
        Collection<Long> patchScope = scope == null ? null : patchByMessage.values().stream().map(p -> p.id).toList();
        Map<Long, List<TrailerEntity>> trailersByPatch = new HashMap<>();
        for (TrailerEntity t : lookups.inScope("from TrailerEntity e", "e.patchId", patchScope, TrailerEntity.class)) {
            trailersByPatch.computeIfAbsent(t.patchId, k -> new ArrayList<>()).add(t);
        }
        // in the order they were written, as compared with what is wanted (databases return rows in any order)
        trailersByPatch.values().forEach(l -> l.sort(Comparator.comparing((TrailerEntity t) -> t.id)));
        // Read as values, not entities: syncTopics replaces them with bulk deletes.
        Map<Long, Map<String, TopicRow>> seriesTopics = storedTopics("SeriesTopic", "seriesId", scope);
        Map<Long, Map<String, TopicRow>> revisionTopics = storedTopics("RevisionTopic", "revisionId", revisionScope);
        Map<Long, StateOverride> seriesOverrides = new HashMap<>();
        for (StateOverride o : overrides.activeOverrides(OverrideTarget.SERIES)) {
            seriesOverrides.put(o.targetId, o);
        }
        Map<Long, List<AppliedNoticeEntity>> appliedByRevision = new HashMap<>();
        for (AppliedNoticeEntity a : lookups.inScope("from AppliedNoticeEntity e", "e.revisionId", revisionScope, AppliedNoticeEntity.class)) {
            appliedByRevision.computeIfAbsent(a.revisionId, k -> new ArrayList<>()).add(a);
        }
        appliedByRevision.values().forEach(l -> l.sort(Comparator.comparing((AppliedNoticeEntity a) -> a.id)));
        Map<Long, Set<Long>> listsBySeries = new HashMap<>();
        for (SeriesList sl : lookups.inScope("from SeriesList e", "e.seriesId", scope, SeriesList.class)) {
            listsBySeries.computeIfAbsent(sl.seriesId, k -> new HashSet<>()).add(sl.listId);
        }

        // Match: which stored series each desired one continues.
        Set<Long> claimed = new HashSet<>();
        List<SeriesEntity> matched = new ArrayList<>();
        for (SeriesRow s : desired) {
            SeriesEntity pick = s.revisions().stream()
                    .map(r -> revByKey.get(r.key()))
                    .filter(Objects::nonNull)
                    .map(r -> seriesById.get(r.seriesId))
                    .filter(e -> e != null && !claimed.contains(e.id))
                    .min(Comparator.comparing(e -> e.id))
                    .orElse(null);
            if (pick == null) {
                SeriesEntity byKey = seriesByKey.get(s.key());
                if (byKey != null && !claimed.contains(byKey.id)) {
                    pick = byKey;
                }
            }
            if (pick != null) {
                claimed.add(pick.id);
            }
            matched.add(pick);
        }
        Set<String> wantedRevisions = new HashSet<>();
        Set<Long> wantedPatches = new HashSet<>();
        for (SeriesRow s : desired) {
            for (RevisionRow r : s.revisions()) {
                wantedRevisions.add(r.key());
                for (PatchRow p : r.patches()) {
                    wantedPatches.add(p.messagePk());
                }
            }
        }

        // What no longer exists first gives up its keys, so nothing that takes them over collides.
        List<PatchEntity> dropPatches = patchByMessage.values().stream()
                .filter(p -> !wantedPatches.contains(p.messagePk)).toList();
        List<RevisionEntity> dropRevisions = revByKey.values().stream()
                .filter(r -> !wantedRevisions.contains(r.revisionKey)).toList();
        List<SeriesEntity> dropSeries = seriesById.values().stream()
                .filter(e -> !claimed.contains(e.id)).toList();
        for (RevisionEntity r : dropRevisions) {
            revByKey.remove(r.revisionKey);
            r.revisionKey = "#gone-" + r.id;
        }
        for (SeriesEntity e : dropSeries) {
            e.seriesKey = "#gone-" + e.id;
        }
        for (PatchEntity p : dropPatches) {
            patchByMessage.remove(p.messagePk);
        }
        em.flush();

        List<EventEntity> events = new ArrayList<>();
        List<Long> posted = new ArrayList<>();
        int seriesWritten = 0;
        int revisionsWritten = 0;
        int patchesWritten = 0;
        int trailersWritten = 0;
        // topics, lists and applied notices rewritten: not counted apart, but they change what is shown
        int otherWrites = 0;
        for (int i = 0; i < desired.size(); i++) {
            SeriesRow s = desired.get(i);
            SeriesEntity se = matched.get(i);
            boolean fresh = se == null;
            if (fresh) {
                se = new SeriesEntity();
            }
            boolean changed = fresh | set(se, s, people);
            ReviewState before = fresh ? null : se.review.state;
            StateOverride override = fresh ? null : seriesOverrides.get(se.id);
            changed |= setState(se.review, override == null ? s.state() : overridden(override), people)
                    | se.stateOverridden != (override != null);
            se.stateOverridden = override != null;
            if (fresh) {
                em.persist(se);
                events.add(EventEntity.of(EventKind.SERIES_CREATED, se.id, null, null, s.key(),
                        SeriesEvents.seriesCreated(se.title, se.review.state)));
            } else if (se.review.state != before) {
                events.add(EventEntity.of(EventKind.STATE_CHANGED, se.id, null, null, null,
                        SeriesEvents.seriesStateChanged(se.title, before, se.review.state, se.review.reason)));
            }
            if (changed) {
                seriesWritten++;
            }
            if (syncTopics(se.id, s.topics(), seriesTopics.getOrDefault(se.id, Map.of()), true)) {
                otherWrites++;
            }
            Set<Long> haveLists = listsBySeries.getOrDefault(se.id, Set.of());
            for (Long listId : s.listIds()) {
                if (!haveLists.contains(listId)) {
                    em.persist(SeriesList.of(se.id, listId));
                    otherWrites++;
                }
            }
            for (Long listId : haveLists) {
                if (!s.listIds().contains(listId)) {
                    em.createQuery("delete from SeriesList sl where sl.seriesId = :s and sl.listId = :l")
                            .setParameter("s", se.id).setParameter("l", listId).executeUpdate();
                    otherWrites++;
                }
            }
            for (int pos = 0; pos < s.revisions().size(); pos++) {
                RevisionRow r = s.revisions().get(pos);
                RevisionEntity re = revByKey.get(r.key());
                boolean freshRev = re == null;
                if (freshRev) {
                    re = new RevisionEntity();
                    re.revisionKey = r.key();
                }
                ReviewState revBefore = freshRev ? null : re.review.state;
                if (freshRev | set(re, r, se.id, pos, people) | setState(re.review, r.state(), people)) {
                    revisionsWritten++;
                }
                if (freshRev) {
                    em.persist(re);
                    revByKey.put(r.key(), re);
                    posted.add(re.id);
                    events.add(EventEntity.of(EventKind.REVISION_POSTED, se.id, re.id, null, r.key(),
                            SeriesEvents.revisionPosted(re.version, re.rfc, re.title, r.patches().size(), re.total)));
                } else if (re.review.state != revBefore) {
                    events.add(EventEntity.of(EventKind.STATE_CHANGED, se.id, re.id, null, null,
                            SeriesEvents.revisionStateChanged(re.version, re.title, revBefore, re.review.state,
                                    re.review.reason)));
                }
                if (syncTopics(re.id, r.topics(), revisionTopics.getOrDefault(re.id, Map.of()), false)
                        | syncApplied(re.id, r.applied(), appliedByRevision.getOrDefault(re.id, List.of()), people)) {
                    otherWrites++;
                }
                for (PatchRow p : r.patches()) {
                    PatchEntity pe = patchByMessage.get(p.messagePk());
                    boolean freshPatch = pe == null;
                    if (freshPatch) {
                        pe = new PatchEntity();
                        pe.messagePk = p.messagePk();
                    }
                    boolean patchOverride = patchOverridden.contains(p.messagePk());
                    if (freshPatch | set(pe, p, re.id, people) | setState(pe.review, p.state(), people)
                            | pe.stateOverridden != patchOverride) {
                        pe.stateOverridden = patchOverride;
                        patchesWritten++;
                    }
                    if (freshPatch) {
                        em.persist(pe);
                        patchByMessage.put(p.messagePk(), pe);
                    }
                    trailersWritten += syncTrailers(pe, se.id, re.id, p.trailers(),
                            trailersByPatch.getOrDefault(pe.id, List.of()), people, freshRev ? null : events);
                }
            }
        }
        for (EventEntity e : events) {
            em.persist(e);
        }
        em.flush();

        // Then it goes, children first.
        int deleted = 0;
        for (PatchEntity p : dropPatches) {
            for (TrailerEntity t : trailersByPatch.getOrDefault(p.id, List.of())) {
                em.remove(t);
            }
        }
        em.flush();
        for (PatchEntity p : dropPatches) {
            em.remove(p);
            deleted++;
        }
        em.flush();
        for (RevisionEntity r : dropRevisions) {
            for (AppliedNoticeEntity a : appliedByRevision.getOrDefault(r.id, List.of())) {
                em.remove(a);
            }
        }
        em.flush();
        for (RevisionEntity r : dropRevisions) {
            em.createQuery("delete from RevisionTopic t where t.revisionId = :r").setParameter("r", r.id).executeUpdate();
            em.remove(r);
            deleted++;
        }
        em.flush();
        for (SeriesEntity e : dropSeries) {
            em.createQuery("delete from SeriesList sl where sl.seriesId = :s").setParameter("s", e.id).executeUpdate();
            em.createQuery("delete from SeriesTopic t where t.seriesId = :s").setParameter("s", e.id).executeUpdate();
            em.remove(e);
            deleted++;
        }
        em.flush();
        // a derivation that finds everything as stored (a full pass, a tree scan matching nothing new)
        // leaves every answer as it was, so their validators stay
        if (seriesWritten + revisionsWritten + patchesWritten + trailersWritten + deleted + events.size() + otherWrites > 0) {
            dataVersion.bump();
        }
        return new ReconcileStats(seriesWritten, revisionsWritten, patchesWritten, trailersWritten, deleted, events.size(),
                posted);
    }

    private int syncTrailers(PatchEntity patch, Long seriesId, Long revisionId, List<TrailerRow> want,
                             List<TrailerEntity> have, Map<String, Long> people, List<EventEntity> events) {
        Long patchId = patch.id;
        List<TrailerKey> wantKeys = want.stream()
                .map(t -> new TrailerKey(t.name(), clip(t.value(), 2000), personId(people, t.person()), t.sourceMessagePk()))
                .toList();
        List<TrailerKey> haveKeys = have.stream()
                .map(t -> new TrailerKey(t.name, t.value, t.personId, t.sourceMessagePk))
                .toList();
        if (wantKeys.equals(haveKeys)) {
            return 0;
        }
        if (events != null) {
            Set<TrailerKey> had = new HashSet<>(haveKeys);
            for (int i = 0; i < wantKeys.size(); i++) {
                TrailerKey k = wantKeys.get(i);
                if (!had.contains(k) && SeriesEvents.announcesTrailer(k.name())) {
                    events.add(EventEntity.of(EventKind.TRAILER_ADDED, seriesId, revisionId, patchId, null,
                            SeriesEvents.trailerAdded(k.name(), k.value(), patch.subject)));
                }
            }
        }
        for (TrailerEntity t : have) {
            em.remove(t);
        }
        for (TrailerKey k : wantKeys) {
            TrailerEntity t = new TrailerEntity();
            t.patchId = patchId;
            t.name = clip(k.name(), 100);
            t.value = k.value();
            t.personId = k.personId();
            t.sourceMessagePk = k.sourcePk();
            em.persist(t);
        }
        return wantKeys.size();
    }

    private static StateRow overridden(StateOverride o) {
        return new StateRow(o.state, StateReason.setBy(o.setBy, o.note), null, null);
    }

    /** Sets a stored review state; true when anything changed. */
    private static boolean setState(ReviewColumns c, StateRow s, Map<String, Long> people) {
        String reason = clip(s.reason(), 2000);
        Long person = personId(people, s.person());
        boolean changed = c.state != s.state() || !Objects.equals(c.reason, reason)
                || !Objects.equals(c.messagePk, s.messagePk()) || !Objects.equals(c.personId, person);
        c.state = s.state();
        c.reason = reason;
        c.messagePk = s.messagePk();
        c.personId = person;
        return changed;
    }

    /** Writes a series' or revision's topics when they differ from what is stored. */
    /** Makes the stored topics of a series or revision those wanted; true when it wrote. */
    private boolean syncTopics(Long ownerId, List<TopicRow> want, Map<String, TopicRow> have, boolean series) {
        Map<String, TopicRow> wanted = new java.util.TreeMap<>();
        for (TopicRow t : want) {
            String topic = clip(t.topic(), 64);
            wanted.putIfAbsent(topic, new TopicRow(topic, clip(t.reason(), 2000), clip(t.detail(), 200)));
        }
        if (wanted.equals(have)) {
            return false;
        }
        if (!have.isEmpty()) {
            // A bulk delete flushes the whole session first: only when there is something to delete.
            String owner = series ? "seriesId" : "revisionId";
            em.createQuery("delete from " + (series ? "SeriesTopic" : "RevisionTopic") + " t where t." + owner + " = :o")
                    .setParameter("o", ownerId).executeUpdate();
        }
        for (TopicRow t : wanted.values()) {
            if (series) {
                SeriesTopic st = new SeriesTopic();
                st.seriesId = ownerId;
                st.topic = t.topic();
                st.reason = t.reason();
                st.detail = t.detail();
                em.persist(st);
            } else {
                RevisionTopic rt = new RevisionTopic();
                rt.revisionId = ownerId;
                rt.topic = t.topic();
                rt.reason = t.reason();
                rt.detail = t.detail();
                em.persist(rt);
            }
        }
        if (series) {
            SeriesEntity se = em.find(SeriesEntity.class, ownerId);
            List<String> topics = List.copyOf(wanted.keySet());
            if (!PackedList.SERIES_TOPICS.sameStored(se.topics, topics)) {
                se.topics = topics;
            }
        }
        return true;
    }

    /** A topic row of a series or of a revision ({@code owner}), read as a value. */
    public record OwnedTopic(Long owner, String topic, String reason, String detail) {
    }

    /**
     * The stored topics of {@code entity} (SeriesTopic or RevisionTopic), of all owners or of those in
     * {@code owners}, by owner id and then by topic.
     */
    private Map<Long, Map<String, TopicRow>> storedTopics(String entity, String owner, Collection<Long> owners) {
        Map<Long, Map<String, TopicRow>> out = new HashMap<>();
        for (OwnedTopic t : lookups.inScope("select new " + OwnedTopic.class.getName() + "(e." + owner
                + ", e.topic, e.reason, e.detail) from " + entity + " e", "e." + owner, owners, OwnedTopic.class)) {
            out.computeIfAbsent(t.owner(), k -> new java.util.TreeMap<>())
                    .put(t.topic(), new TopicRow(t.topic(), t.reason(), t.detail()));
        }
        return out;
    }

    /** Makes the stored applied notices of a revision those wanted; true when it wrote. */
    private boolean syncApplied(Long revisionId, List<AppliedRow> want, List<AppliedNoticeEntity> have,
                             Map<String, Long> people) {
        List<AppliedKey> wantKeys = want.stream()
                .map(a -> new AppliedKey(a.patchNumber(), a.sourceMessagePk(), personId(people, a.person()),
                        clip(a.tree(), 1000), clip(a.branch(), 200), AppliedCommits.asStored(a.commits()),
                        List.copyOf(a.covers())))
                .toList();
        List<AppliedKey> haveKeys = have.stream()
                .map(a -> new AppliedKey(a.patchNumber, a.sourceMessagePk, a.personId, a.tree, a.branch, a.commits,
                        a.covers))
                .toList();
        if (wantKeys.equals(haveKeys)) {
            return false;
        }
        for (AppliedNoticeEntity a : have) {
            em.remove(a);
        }
        for (AppliedKey k : wantKeys) {
            AppliedNoticeEntity a = new AppliedNoticeEntity();
            a.revisionId = revisionId;
            a.patchNumber = k.patchNumber();
            a.sourceMessagePk = k.sourcePk();
            a.personId = k.personId();
            a.tree = k.tree();
            a.branch = k.branch();
            a.commits = k.commits();
            a.covers = k.covers();
            em.persist(a);
        }
        return true;
    }

    private static boolean set(SeriesEntity e, SeriesRow s, Map<String, Long> people) {
        boolean c = false;
        c |= !Objects.equals(e.seriesKey, s.key());
        e.seriesKey = s.key();
        String title = clip(s.title(), 2000);
        c |= !Objects.equals(e.title, title);
        e.title = title;
        Long author = personId(people, s.author());
        c |= !Objects.equals(e.authorId, author);
        e.authorId = author;
        c |= !sameInstant(e.firstPostedAt, s.firstPostedAt());
        if (!sameInstant(e.firstPostedAt, s.firstPostedAt())) {
            e.firstPostedAt = s.firstPostedAt();
        }
        c |= !sameInstant(e.lastPostedAt, s.lastPostedAt());
        if (!sameInstant(e.lastPostedAt, s.lastPostedAt())) {
            e.lastPostedAt = s.lastPostedAt();
        }
        c |= e.latestVersion != s.latestVersion();
        e.latestVersion = s.latestVersion();
        c |= e.revisionCount != s.revisions().size();
        e.revisionCount = s.revisions().size();
        if (!PackedList.SERIES_LISTS.sameStored(e.listNames, s.listNames())) {
            e.listNames = s.listNames();
            c = true;
        }
        return c;
    }

    private static boolean set(RevisionEntity e, RevisionRow r, Long seriesId, int position, Map<String, Long> people) {
        boolean c = false;
        c |= !Objects.equals(e.seriesId, seriesId);
        e.seriesId = seriesId;
        c |= e.position != position;
        e.position = position;
        c |= e.version != r.version() || e.versionMinor != r.versionMinor() || e.total != r.total() || e.rfc != r.rfc();
        e.version = r.version();
        e.versionMinor = r.versionMinor();
        e.total = r.total();
        e.rfc = r.rfc();
        String title = clip(r.title(), 2000);
        c |= !Objects.equals(e.title, title);
        e.title = title;
        Long author = personId(people, r.author());
        c |= !Objects.equals(e.authorId, author);
        e.authorId = author;
        if (!sameInstant(e.postedAt, r.postedAt())) {
            e.postedAt = r.postedAt();
            c = true;
        }
        c |= !Objects.equals(e.coverMessagePk, r.coverMessagePk());
        e.coverMessagePk = r.coverMessagePk();
        c |= e.linkReason != r.linkReason();
        e.linkReason = r.linkReason();
        c |= e.patchCount != r.patches().size() || e.complete != r.complete() || e.extraPatches != r.extraPatches();
        e.patchCount = r.patches().size();
        e.complete = r.complete();
        e.extraPatches = r.extraPatches();
        String changeId = clip(r.changeId(), 200);
        c |= !Objects.equals(e.changeId, changeId);
        e.changeId = changeId;
        if (!PackedList.DEPENDS_ON.sameStored(e.dependsOn, r.dependsOn())) {
            e.dependsOn = r.dependsOn();
            c = true;
        }
        return c;
    }

    private static boolean set(PatchEntity e, PatchRow p, Long revisionId, Map<String, Long> people) {
        boolean c = false;
        c |= !Objects.equals(e.revisionId, revisionId);
        e.revisionId = revisionId;
        c |= e.number != p.number();
        e.number = p.number();
        String subject = clip(p.subject(), 2000);
        c |= !Objects.equals(e.subject, subject);
        e.subject = subject;
        Long author = personId(people, p.author());
        c |= !Objects.equals(e.authorId, author);
        e.authorId = author;
        if (!sameInstant(e.postedAt, p.postedAt())) {
            e.postedAt = p.postedAt();
            c = true;
        }
        c |= e.filesChanged != p.filesChanged() || e.insertions != p.insertions() || e.deletions != p.deletions();
        e.filesChanged = p.filesChanged();
        e.insertions = p.insertions();
        e.deletions = p.deletions();
        return c;
    }

    /** Databases keep microseconds: compare at that precision so a re-read value is not a change. */
    private static boolean sameInstant(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.truncatedTo(java.time.temporal.ChronoUnit.MICROS).equals(b.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    private static Long personId(Map<String, Long> people, Address a) {
        return a == null ? null : people.get(a.key());
    }

    private static String clip(String s, int max) {
        return Bulk.clip(s, max);
    }

    /**
     * Runs {@code work} after one flush, with no flush before each of its queries: for reads that do not
     * depend on what {@code work} itself writes. A derivation's session holds every entity of the group, and
     * flushing it before each of many small reads cost more than the reads.
     */
    public <T> T flushedOnce(Supplier<T> work) {
        em.flush();
        FlushModeType mode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            return work.get();
        } finally {
            em.setFlushMode(mode);
        }
    }

    /** Keeps a revision's changes (a new row; a managed one is written at commit) and the event it implies. */
    public void keepChanges(RevisionChangesEntity c, boolean fresh, EventEntity event) {
        if (fresh) {
            em.persist(c);
        }
        if (event != null) {
            em.persist(event);
        }
        dataVersion.bump();
    }

}
