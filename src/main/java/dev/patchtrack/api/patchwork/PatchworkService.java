package dev.patchtrack.api.patchwork;

import dev.patchtrack.api.ApiProblem;
import dev.patchtrack.api.KnownValues;
import dev.patchtrack.api.Mboxes;
import dev.patchtrack.api.dto.patchwork.PwCheckInfo;
import dev.patchtrack.api.dto.patchwork.PwCommentInfo;
import dev.patchtrack.api.dto.patchwork.PwCoverInfo;
import dev.patchtrack.api.dto.patchwork.PwEventInfo;
import dev.patchtrack.api.dto.patchwork.PwPatchInfo;
import dev.patchtrack.api.dto.patchwork.PwPersonDetailInfo;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.api.dto.patchwork.PwProjectInfo;
import dev.patchtrack.api.dto.patchwork.PwSeriesInfo;
import dev.patchtrack.api.patchwork.PatchworkViews.Urls;
import dev.patchtrack.core.mail.MboxrdWriter;
import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.ingest.OverrideService;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.CheckEntity;
import dev.patchtrack.store.CheckRepository;
import dev.patchtrack.store.EventEntity;
import dev.patchtrack.store.EventLog;
import dev.patchtrack.store.ItemSearch;
import dev.patchtrack.store.ListRepository;
import dev.patchtrack.store.MailingList;
import dev.patchtrack.store.MessageEntity;
import dev.patchtrack.store.MessageHeads;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.Person;
import dev.patchtrack.store.RevisionEntity;
import dev.patchtrack.store.RevisionSearch;
import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.store.SeriesLookups.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The use cases of the Patchwork-compatible API: listing and showing projects, people, patches, series
 * (revisions), cover letters, comments, checks and events as Patchwork shapes them, each read in
 * {@link Reads#call}, the mbox and diff downloads, and the writes its clients make (a patch's state, a
 * check), which go to the {@link OverrideService} and the check service as patchtrack's overrides and checks.
 */
@ApplicationScoped
public class PatchworkService {

    /** Patchwork's event categories, and the patchtrack kinds each is made of (none for those that never occur). */
    static final Map<String, List<EventKind>> CATEGORIES = new LinkedHashMap<>();

    static {
        for (String c : List.of("cover-created", "patch-created", "patch-completed", "patch-state-changed",
                "patch-relation-changed", "patch-delegated", "check-created", "series-created", "series-completed",
                "cover-comment-created", "patch-comment-created")) {
            CATEGORIES.put(c, List.of());
        }
        CATEGORIES.put("series-created", List.of(EventKind.REVISION_POSTED));
        // a derived check whose bot mail now says otherwise is, to Patchwork's clients, a new result
        CATEGORIES.put("check-created", List.of(EventKind.CHECK_CREATED, EventKind.CHECK_CHANGED));
    }

    @Inject
    PatchworkViews views;

    @Inject
    ItemSearch items;

    @Inject
    RevisionSearch revisions;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    ListRepository lists;

    @Inject
    MessageHeads heads;

    @Inject
    MessageRepository messages;

    @Inject
    CheckRepository checks;

    @Inject
    EventLog events;

    @Inject
    OverrideService overrides;

    @Inject
    Mboxes mboxes;

    @Inject
    Reads reads;

    // ---- projects and people ---------------------------------------------------------------------

    public List<PwProjectInfo> projects(Urls u) {
        return reads.call(() -> List.copyOf(views.projects(u).values()));
    }

    /** A project by id or by name. */
    public PwProjectInfo project(String idOrName, Urls u) {
        return reads.call(() -> views.project(list(idOrName), u));
    }

    /** The list a project parameter names (its id or its name); a 404 names the projects there are. */
    MailingList list(String idOrName) {
        for (MailingList l : lists.all()) {
            if (String.valueOf(l.id).equals(idOrName.strip()) || l.name.equalsIgnoreCase(idOrName.strip())) {
                return l;
            }
        }
        throw ApiProblem.notFound("no project '" + idOrName + "'; projects are "
                + String.join(", ", lists.all().stream().map(l -> l.id + " " + l.name).toList()));
    }

    /** The list names of project parameters (ids or names); an unknown one is a 400 listing them. */
    public List<String> listNames(List<String> values) {
        return reads.call(() -> {
            List<MailingList> all = lists.all();
            List<String> out = new ArrayList<>();
            for (String v : values) {
                MailingList match = all.stream().filter(l -> String.valueOf(l.id).equals(v) || l.name.equalsIgnoreCase(v))
                        .findFirst().orElseThrow(() -> ApiProblem.badParameter("project", KnownValues.unknown("project", v,
                                all.stream().map(l -> l.name).toList())));
                out.add(match.name);
            }
            return out;
        });
    }

    /** Person ids of submitter parameters (ids or addresses); an address nobody has is a 400. */
    public List<Long> people(List<String> values) {
        return reads.call(() -> {
            List<Long> out = new ArrayList<>();
            List<String> emails = new ArrayList<>();
            for (String v : values) {
                if (v.chars().allMatch(Character::isDigit)) {
                    out.add(dev.patchtrack.api.Ids.parse("submitter", v));
                } else {
                    emails.add(v);
                }
            }
            Map<String, Long> found = revisions.peopleByEmail(emails);
            for (String e : emails) {
                Long id = found.get(e);
                if (id == null) {
                    throw ApiProblem.badParameter("submitter", "no submitter has the address '" + e
                            + "'; give an address or a person's id (see /api/1.3/people/?q=...)");
                }
                out.add(id);
            }
            return out;
        });
    }

    public Page<PwPersonDetailInfo> peoplePage(String q, int page, int perPage, Urls u) {
        return reads.call(() -> {
            Page<Person> found = revisions.people(q, page, perPage);
            return new Page<>(found.items().stream().map(p -> detail(p, u)).toList(), found.total());
        });
    }

    public PwPersonDetailInfo person(long id, Urls u) {
        return reads.call(() -> {
            Person p = heads.people(List.of(id)).get(id);
            if (p == null) {
                throw ApiProblem.notFound("no person " + id);
            }
            return detail(p, u);
        });
    }

    private PwPersonDetailInfo detail(Person p, Urls u) {
        return new PwPersonDetailInfo(p.id, u.api("people/" + p.id + "/"), p.name, p.email, null);
    }

    // ---- patches ---------------------------------------------------------------------------------

    public Page<PwPatchInfo> patches(ItemSearch.Filter f, ItemSearch.Order order, int page, int perPage, Urls u) {
        return reads.call(() -> {
            Page<PatchEntity> found = items.patches(f, order, page, perPage);
            return new Page<>(views.patches(found.items(), u), found.total());
        });
    }

    public PwPatchInfo patch(long id, Urls u) {
        return reads.call(() -> views.patch(findPatch(id), u));
    }

    private PatchEntity findPatch(long id) {
        return seriesLookups.findPatch(id).orElseThrow(() -> ApiProblem.notFound("no patch " + id));
    }

    /**
     * A client's update of a patch: its state becomes patchtrack's override (Patchwork's name mapped,
     * {@code commit_ref} kept in the override's note), which re-derives the series; the answer is the
     * patch as it now stands.
     */
    public PwPatchInfo update(long id, ReviewState state, String commitRef, String by, Urls u) {
        String note = commitRef == null || commitRef.isBlank() ? "set through the Patchwork API"
                : PatchworkViews.COMMIT_NOTE + commitRef.strip();
        overrides.setPatch(id, state, by, note);
        return patch(id, u);
    }

    public List<PwCommentInfo> comments(long patchId, Urls u) {
        return reads.call(() -> repliesTo(findPatch(patchId).messagePk, u));
    }

    public List<PwCommentInfo> coverComments(long coverPk, Urls u) {
        return reads.call(() -> repliesTo(findCover(coverPk).coverMessagePk, u));
    }

    private List<PwCommentInfo> repliesTo(long messagePk, Urls u) {
        String mid = messages.idsOf(List.of(messagePk)).get(0);
        List<Long> pks = heads.repliesTo(mid);
        Map<Long, MessageEntity> replies = messages.byIds(pks);
        List<MessageEntity> ordered = pks.stream().map(replies::get).toList();
        return views.comments(ordered, u);
    }

    // ---- checks ----------------------------------------------------------------------------------

    public Page<PwCheckInfo> checks(long patchId, int page, int perPage, Urls u) {
        return reads.call(() -> {
            PatchEntity p = findPatch(patchId);
            List<CheckEntity> all = checks.of(p.messagePk);
            int from = Math.min(all.size(), (page - 1) * perPage);
            return new Page<>(all.subList(from, Math.min(all.size(), from + perPage)).stream()
                    .map(c -> views.check(c, patchId, u)).toList(), all.size());
        });
    }

    public PwCheckInfo check(long patchId, long checkId, Urls u) {
        return reads.call(() -> {
            PatchEntity p = findPatch(patchId);
            CheckEntity c = checks.find(checkId).filter(x -> x.messagePk.equals(p.messagePk))
                    .orElseThrow(() -> ApiProblem.notFound("no check " + checkId + " on patch " + patchId));
            return views.check(c, patchId, u);
        });
    }

    // ---- series and cover letters ----------------------------------------------------------------

    public Page<PwSeriesInfo> series(RevisionSearch.Filter f, String order, boolean descending, int page, int perPage,
                                     Urls u) {
        return reads.call(() -> {
            Page<RevisionEntity> found = revisions.revisions(f, order, descending, page, perPage);
            return new Page<>(views.series(found.items(), u), found.total());
        });
    }

    public PwSeriesInfo oneSeries(long id, Urls u) {
        return reads.call(() -> views.series(List.of(findRevision(id)), u).get(0));
    }

    private RevisionEntity findRevision(long id) {
        return seriesLookups.findRevision(id).orElseThrow(() -> ApiProblem.notFound("no series " + id));
    }

    public Page<PwCoverInfo> covers(RevisionSearch.Filter f, String order, boolean descending, int page, int perPage,
                                    Urls u) {
        return reads.call(() -> {
            Page<RevisionEntity> found = revisions.covers(f, order, descending, page, perPage);
            return new Page<>(views.covers(found.items(), u), found.total());
        });
    }

    public PwCoverInfo cover(long pk, Urls u) {
        return reads.call(() -> views.cover(findCover(pk), u));
    }

    /** The revision whose cover letter is this message. */
    private RevisionEntity findCover(long pk) {
        Page<RevisionEntity> r = revisions.covers(new RevisionSearch.Filter(List.of(), List.of(), List.of(),
                messages.idsOf(List.of(pk)), null, null, List.of()), "id", false, 1, 1);
        if (r.items().isEmpty()) {
            throw ApiProblem.notFound("no cover letter " + pk);
        }
        return r.items().get(0);
    }

    // ---- events ----------------------------------------------------------------------------------

    /** Events as Patchwork's categories, newest first; categories that never occur here find nothing. */
    public Page<PwEventInfo> events(List<String> categories, List<String> listNames, List<Long> revisionIds,
                                    List<Long> patchIds, java.time.Instant since, java.time.Instant before, int page,
                                    int perPage, Urls u) {
        return reads.call(() -> {
            List<EventKind> kinds = new ArrayList<>();
            (categories.isEmpty() ? List.copyOf(CATEGORIES.keySet()) : categories)
                    .forEach(c -> CATEGORIES.get(c).forEach(k -> {
                        if (!kinds.contains(k)) {
                            kinds.add(k);
                        }
                    }));
            if (kinds.isEmpty()) {
                return new Page<>(List.of(), 0);
            }
            EventLog.Query q = new EventLog.Query(0, kinds, List.of(), listNames, List.of(), since, before, revisionIds,
                    patchIds, true, (page - 1) * perPage, perPage);
            List<EventEntity> found = events.find(q);
            return new Page<>(events(found, u), events.count(q));
        });
    }

    private List<PwEventInfo> events(List<EventEntity> found, Urls u) {
        Map<Long, RevisionEntity> revs = new HashMap<>();
        seriesLookups.revisionsByIds(found.stream().map(e -> e.revisionId).filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(r -> revs.put(r.id, r));
        Map<Long, PwSeriesInfo> seriesInfo = new HashMap<>();
        views.series(List.copyOf(revs.values()), u).forEach(s -> seriesInfo.put(s.id(), s));
        Map<Long, CheckEntity> checkOf = checks.byEvents(found.stream().map(e -> e.id).toList());
        List<Long> patchIds = found.stream().map(e -> e.patchId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, PwPatchInfo> patchInfo = new HashMap<>();
        List<PatchEntity> patchRows = patchIds.stream().map(seriesLookups::findPatch).flatMap(java.util.Optional::stream).toList();
        views.patches(patchRows, u).forEach(p -> patchInfo.put(p.id(), p));
        List<PwEventInfo> out = new ArrayList<>();
        for (EventEntity e : found) {
            Map<String, Object> payload = new LinkedHashMap<>();
            String category;
            PwProjectInfo project;
            if (e.kind.isCheck()) {
                category = "check-created";
                PwPatchInfo p = patchInfo.get(e.patchId);
                CheckEntity c = checkOf.get(e.id);
                payload.put("patch", p == null ? null : PatchworkViews.ref(p));
                payload.put("check", c == null || p == null ? null : views.check(c, p.id(), u));
                project = p == null ? null : p.project();
            } else {
                category = "series-created";
                PwSeriesInfo s = seriesInfo.get(e.revisionId);
                payload.put("series", s == null ? null : PatchworkViews.ref(s));
                project = s == null ? null : s.project();
            }
            out.add(new PwEventInfo(e.id, category, project, PatchworkViews.date(e.createdAt), null, payload));
        }
        return out;
    }

    // ---- downloads -------------------------------------------------------------------------------

    /** A revision's patches as an mbox for git am. */
    public byte[] seriesMbox(long id) {
        return reads.call(() -> {
            RevisionEntity r = findRevision(id);
            return mboxes.forGitAm(seriesLookups.patchesOf(List.of(r.id)).stream().filter(p -> p.number > 0).toList(), true);
        });
    }

    /** One patch as an mbox for git am; with its series, the patches of its revision up to it. */
    public byte[] patchMbox(long id, boolean withSeries) {
        return reads.call(() -> {
            PatchEntity p = findPatch(id);
            List<PatchEntity> list = List.of(p);
            if (withSeries && p.number > 0) {
                list = seriesLookups.patchesOf(List.of(p.revisionId)).stream().filter(x -> x.number > 0 && x.number <= p.number)
                        .toList();
            }
            return mboxes.forGitAm(list, true);
        });
    }

    /** The id of the series (revision) a patch belongs to. */
    public long oneSeriesOf(long patchId) {
        return reads.call(() -> findPatch(patchId).revisionId);
    }

    /** A patch's diff alone. */
    public byte[] patchDiff(long id) {
        return reads.call(() -> {
            PwPatchInfo p = views.patch(findPatch(id), new Urls("/"));
            return (p.diff() == null ? "" : p.diff()).getBytes(StandardCharsets.UTF_8);
        });
    }

    /** A cover letter as it was received, in an mbox. */
    public byte[] coverMbox(long pk) {
        return reads.call(() -> {
            RevisionEntity r = findCover(pk);
            return MboxrdWriter.write(List.of(messages.rawByPks(List.of(r.coverMessagePk)).get(r.coverMessagePk)));
        });
    }

    /** The file name a download is offered under: the subject made safe. */
    public String fileName(String kind, long id) {
        return reads.call(() -> {
            String title = switch (kind) {
                case "patch" -> findPatch(id).subject;
                case "series" -> findRevision(id).title;
                default -> findCover(id).title;
            };
            return Mboxes.fileName(title, kind + "-" + id);
        });
    }
}
