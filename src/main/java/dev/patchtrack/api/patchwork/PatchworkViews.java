package dev.patchtrack.api.patchwork;

import dev.patchtrack.api.dto.patchwork.PwCheckInfo;
import dev.patchtrack.api.dto.patchwork.PwCommentInfo;
import dev.patchtrack.api.dto.patchwork.PwCoverInfo;
import dev.patchtrack.api.dto.patchwork.PwPatchInfo;
import dev.patchtrack.api.dto.patchwork.PwPersonInfo;
import dev.patchtrack.api.dto.patchwork.PwProjectInfo;
import dev.patchtrack.api.dto.patchwork.PwSeriesInfo;
import dev.patchtrack.api.dto.patchwork.PwSeriesRefInfo;
import dev.patchtrack.api.dto.patchwork.PwSubmissionRefInfo;
import dev.patchtrack.api.text.SubjectTagText;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.derive.AppliedCoverage;
import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.patch.PatchParts;
import dev.patchtrack.store.AppliedNoticeEntity;
import dev.patchtrack.core.review.Checks;
import dev.patchtrack.store.CheckEntity;
import dev.patchtrack.store.CheckRepository;
import dev.patchtrack.store.ListRepository;
import dev.patchtrack.store.MailingList;
import dev.patchtrack.store.MessageEntity;
import dev.patchtrack.store.MessageHeads;
import dev.patchtrack.store.MessageHeads.Head;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.Person;
import dev.patchtrack.store.RevisionEntity;
import dev.patchtrack.store.OverrideRepository;
import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.store.TreeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps stored rows to Patchwork's records, loading what they refer to in bulk: each patch's project
 * (the first list its mail reached), submitter, series (its revision), patch-id, commit and checks.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class PatchworkViews {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

    /** How an override's note keeps the commit a client gave with the state. */
    static final String COMMIT_NOTE = "commit ";

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    OverrideRepository overrides;

    @Inject
    MessageHeads heads;

    @Inject
    MessageRepository messages;

    @Inject
    ListRepository lists;

    @Inject
    TreeRepository trees;

    @Inject
    CheckRepository checks;

    @Inject
    PatchtrackConfig config;

    @Inject
    MailLimits limits;

    /** Where this service answers: builds the absolute URLs of the records. */
    public record Urls(String base) {

        public Urls {
            base = base.endsWith("/") ? base : base + "/";
        }

        String api(String path) {
            return base + "api/1.3/" + path;
        }

        String web(String path) {
            return base + path;
        }
    }

    /** Every project (list), by id. */
    public Map<Long, PwProjectInfo> projects(Urls u) {
        Map<Long, PwProjectInfo> out = new LinkedHashMap<>();
        for (MailingList l : lists.all()) {
            out.put(l.id, project(l, u));
        }
        return out;
    }

    PwProjectInfo project(MailingList l, Urls u) {
        String archive = archive(l.name);
        return new PwProjectInfo(l.id, u.api("projects/" + l.id + "/"), l.name, l.name, l.name, null,
                u.web("api/series?list=" + l.name + "&format=text"), null, null, List.of(), "", archive,
                archive + "{}/", null);
    }

    /** The list's archive on lore (or the public-inbox its source follows). */
    private String archive(String list) {
        PatchtrackConfig.Source s = config.sources().get(list);
        String base = s == null ? "https://lore.kernel.org/" : s.baseUrl();
        String inbox = s == null ? list : s.inbox().orElse(list);
        return (base.endsWith("/") ? base : base + "/") + inbox + "/";
    }

    static String date(Instant t) {
        return t == null ? null : DATE.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static String msgid(String messageId) {
        return "<" + messageId + ">";
    }

    PwPersonInfo person(Person p, Urls u) {
        if (p == null) {
            return new PwPersonInfo(0, null, null, "");
        }
        return new PwPersonInfo(p.id, u.api("people/" + p.id + "/"), p.name, p.email);
    }

    private static String archiveUrl(PwProjectInfo project, Head m, boolean synthetic) {
        return project == null || m == null || synthetic ? null
                : project.listArchiveUrlFormat().replace("{}", m.messageId());
    }

    /** A revision as patches and cover letters embed it. */
    PwSeriesRefInfo seriesRef(RevisionEntity r, Urls u) {
        return new PwSeriesRefInfo(r.id, u.api("series/" + r.id + "/"), u.web("api/series/" + r.seriesId + "?format=text"),
                date(r.postedAt), r.title, Math.max(1, r.version), u.web("series/" + r.id + "/mbox/"));
    }

    /** A patch as an event embeds it. */
    static PwSubmissionRefInfo ref(PwPatchInfo p) {
        return new PwSubmissionRefInfo(p.id(), p.url(), p.webUrl(), p.msgid(), p.listArchiveUrl(), p.date(), p.name(), p.mbox());
    }

    /** A series as an event embeds it. */
    static PwSeriesRefInfo ref(PwSeriesInfo s) {
        return new PwSeriesRefInfo(s.id(), s.url(), s.webUrl(), s.date(), s.name(), s.version(), s.mbox());
    }

    /** Patches as the list shows them, each kind of thing they refer to loaded once. */
    public List<PwPatchInfo> patches(List<PatchEntity> list, Urls u) {
        List<Long> pks = list.stream().map(p -> p.messagePk).toList();
        List<Long> revisionIds = list.stream().map(p -> p.revisionId).distinct().toList();
        Map<Long, RevisionEntity> revisions = new HashMap<>();
        seriesLookups.revisionsByIds(revisionIds).forEach(r -> revisions.put(r.id, r));
        Map<Long, Head> msgs = heads.byIds(pks);
        Map<Long, MessageEntity> entities = messages.byIds(pks);
        Set<Long> people = new HashSet<>();
        list.forEach(p -> people.add(p.authorId != null ? p.authorId : entities.get(p.messagePk).fromPersonId));
        Map<Long, Person> persons = heads.people(people);
        Map<Long, PwProjectInfo> projects = projects(u);
        Map<Long, Long> listOf = heads.firstLists(pks);
        Map<Long, String> hashes = heads.patchIds(pks);
        Map<Long, String> commits = commits(list, revisionIds);
        Map<Long, List<CheckEntity>> checksOf = checks.ofMessages(pks);
        List<PwPatchInfo> out = new ArrayList<>(list.size());
        for (PatchEntity p : list) {
            Head m = msgs.get(p.messagePk);
            PwProjectInfo project = projects.get(listOf.get(p.messagePk));
            RevisionEntity r = revisions.get(p.revisionId);
            Long author = p.authorId != null ? p.authorId : entities.get(p.messagePk).fromPersonId;
            out.add(new PwPatchInfo(p.id, u.api("patches/" + p.id + "/"), u.web("api/patches/" + p.id + "?format=text"),
                    project == null ? null : project.embedded(), msgid(m.messageId()),
                    archiveUrl(project, m, entities.get(p.messagePk).syntheticId), date(p.postedAt), p.subject,
                    commits.get(p.messagePk), null, PatchworkStates.name(p.review.state), false, hashes.get(p.messagePk),
                    person(persons.get(author), u), null, u.web("patch/" + p.id + "/mbox/"),
                    r == null ? List.of() : List.of(seriesRef(r, u)), u.api("patches/" + p.id + "/comments/"),
                    combined(checksOf.getOrDefault(p.messagePk, List.of())), u.api("patches/" + p.id + "/checks/"),
                    Map.of(), List.of(), null, null, null, null));
        }
        return out;
    }

    /** One patch with its headers, commit message, diff and subject prefixes. */
    public PwPatchInfo patch(PatchEntity p, Urls u) {
        PwPatchInfo info = patches(List.of(p), u).get(0);
        byte[] raw = messages.rawByPks(List.of(p.messagePk)).get(p.messagePk);
        String body = new MailParser(limits).parse(raw).body();
        PatchParts parts = PatchParts.of(body);
        return info.withDetail(headers(raw), parts.beforeDiff(), parts.diff(), SubjectTagText.tags(p.subject));
    }

    /**
     * The commit that carries each patch: the one a tracked tree holds it as, else the one an
     * "applied" notice names for it, else the one a client gave ({@code commit_ref}) with the state
     * in force.
     */
    private Map<Long, String> commits(List<PatchEntity> list, List<Long> revisionIds) {
        Map<Long, String> out = new HashMap<>();
        Set<Long> pks = new HashSet<>(list.stream().map(p -> p.messagePk).toList());
        overrides.patchOverridesByMessage().forEach((pk, o) -> {
            if (pks.contains(pk) && o.note != null && o.note.startsWith(COMMIT_NOTE)) {
                out.put(pk, o.note.substring(COMMIT_NOTE.length()).strip());
            }
        });
        Map<Long, List<AppliedNoticeEntity>> notices = new HashMap<>();
        seriesLookups.appliedOf(revisionIds).forEach(a -> notices.computeIfAbsent(a.revisionId, k -> new ArrayList<>()).add(a));
        for (PatchEntity p : list) {
            for (AppliedNoticeEntity a : notices.getOrDefault(p.revisionId, List.of())) {
                if (!a.covers.contains(p.number)) {
                    continue;
                }
                for (AppliedNotice.Commit c : AppliedCoverage.commitsFor(a.commits, p.number,
                        AppliedCoverage.titleOf(p.subject))) {
                    if (c.commit() != null) {
                        out.put(p.messagePk, c.commit());
                    }
                }
            }
        }
        out.putAll(trees.commitsOf(list.stream().map(p -> p.messagePk).toList()));
        return out;
    }

    /** Patchwork's combined check: pending with none, else the worst of the latest check of each context. */
    static String combined(List<CheckEntity> list) {
        return Checks.combined(list.stream().map(c -> new Checks.Result(c.context, c.state, c.description)).toList());
    }

    public PwCheckInfo check(CheckEntity c, long patchId, Urls u) {
        return new PwCheckInfo(c.id, u.api("patches/" + patchId + "/checks/" + c.id + "/"), null, date(c.createdAt),
                c.state, c.targetUrl, c.context, c.description);
    }

    /** Revisions as Patchwork series, with their cover letters and patches. */
    public List<PwSeriesInfo> series(List<RevisionEntity> list, Urls u) {
        List<Long> ids = list.stream().map(r -> r.id).toList();
        List<PatchEntity> patches = seriesLookups.patchesOf(ids);
        Map<Long, List<PatchEntity>> byRevision = new HashMap<>();
        patches.forEach(p -> byRevision.computeIfAbsent(p.revisionId, k -> new ArrayList<>()).add(p));
        Set<Long> pks = new HashSet<>();
        patches.forEach(p -> pks.add(p.messagePk));
        list.stream().filter(r -> r.coverMessagePk != null).forEach(r -> pks.add(r.coverMessagePk));
        Map<Long, Head> msgs = heads.byIds(pks);
        Map<Long, MessageEntity> entities = messages.byIds(pks);
        Map<Long, Person> persons = heads.people(list.stream().map(r -> r.authorId).toList());
        Map<Long, PwProjectInfo> projects = projects(u);
        Map<Long, Long> listOf = heads.firstLists(pks);
        List<PwSeriesInfo> out = new ArrayList<>(list.size());
        for (RevisionEntity r : list) {
            List<PatchEntity> ps = byRevision.getOrDefault(r.id, List.of()).stream().filter(p -> p.number > 0).toList();
            Long head = r.coverMessagePk != null ? r.coverMessagePk : ps.isEmpty() ? null : ps.get(0).messagePk;
            PwProjectInfo project = head == null ? null : projects.get(listOf.get(head));
            PwSubmissionRefInfo cover = null;
            if (r.coverMessagePk != null && msgs.containsKey(r.coverMessagePk)) {
                Head c = msgs.get(r.coverMessagePk);
                cover = new PwSubmissionRefInfo(c.id(), u.api("covers/" + c.id() + "/"),
                        u.web("api/messages/" + c.messageId() + "?format=text"), msgid(c.messageId()),
                        archiveUrl(project, c, entities.get(c.id()).syntheticId), date(c.sentAt()), c.subject(),
                        u.web("cover/" + c.id() + "/mbox/"));
            }
            List<PwSubmissionRefInfo> refs = new ArrayList<>();
            for (PatchEntity p : ps) {
                Head m = msgs.get(p.messagePk);
                refs.add(new PwSubmissionRefInfo(p.id, u.api("patches/" + p.id + "/"),
                        u.web("api/patches/" + p.id + "?format=text"), msgid(m.messageId()),
                        archiveUrl(project, m, entities.get(p.messagePk).syntheticId), date(p.postedAt), p.subject,
                        u.web("patch/" + p.id + "/mbox/")));
            }
            out.add(new PwSeriesInfo(r.id, u.api("series/" + r.id + "/"), u.web("api/series/" + r.seriesId + "?format=text"),
                    project == null ? null : project.embedded(), r.title, date(r.postedAt), person(persons.get(r.authorId), u),
                    Math.max(1, r.version), r.total, ps.size(), r.complete, u.web("series/" + r.id + "/mbox/"), cover, refs));
        }
        return out;
    }

    /** The cover letters of these revisions, as Patchwork covers. */
    public List<PwCoverInfo> covers(List<RevisionEntity> list, Urls u) {
        List<Long> pks = list.stream().map(r -> r.coverMessagePk).toList();
        Map<Long, Head> msgs = heads.byIds(pks);
        Map<Long, MessageEntity> entities = messages.byIds(pks);
        Map<Long, Person> persons = heads.people(list.stream().map(r -> r.authorId).toList());
        Map<Long, PwProjectInfo> projects = projects(u);
        Map<Long, Long> listOf = heads.firstLists(pks);
        List<PwCoverInfo> out = new ArrayList<>(list.size());
        for (RevisionEntity r : list) {
            Head c = msgs.get(r.coverMessagePk);
            PwProjectInfo project = projects.get(listOf.get(c.id()));
            out.add(new PwCoverInfo(c.id(), u.api("covers/" + c.id() + "/"),
                    u.web("api/messages/" + c.messageId() + "?format=text"), project == null ? null : project.embedded(),
                    msgid(c.messageId()), archiveUrl(project, c, entities.get(c.id()).syntheticId), date(c.sentAt()),
                    c.subject(), person(persons.get(r.authorId), u), u.web("cover/" + c.id() + "/mbox/"),
                    List.of(seriesRef(r, u)), u.api("covers/" + c.id() + "/comments/"), null, null));
        }
        return out;
    }

    /** One cover letter with its headers and text. */
    public PwCoverInfo cover(RevisionEntity r, Urls u) {
        PwCoverInfo info = covers(List.of(r), u).get(0);
        byte[] raw = messages.rawByPks(List.of(r.coverMessagePk)).get(r.coverMessagePk);
        return info.withDetail(headers(raw), new MailParser(limits).parse(raw).body());
    }

    /** The replies to a message, oldest first, as Patchwork comments. */
    public List<PwCommentInfo> comments(Collection<MessageEntity> replies, Urls u) {
        List<Long> pks = replies.stream().map(m -> m.id).toList();
        Map<Long, byte[]> raws = messages.rawByPks(pks);
        Map<Long, Person> persons = heads.people(replies.stream().map(m -> m.fromPersonId).toList());
        Map<Long, PwProjectInfo> projects = projects(u);
        Map<Long, Long> listOf = heads.firstLists(pks);
        MailParser parser = new MailParser(limits);
        List<PwCommentInfo> out = new ArrayList<>();
        for (MessageEntity m : replies) {
            PwProjectInfo project = projects.get(listOf.get(m.id));
            Head h = new Head(m.id, m.messageId, m.subject, m.sentAt);
            byte[] raw = raws.get(m.id);
            out.add(new PwCommentInfo(m.id, u.web("api/messages/" + m.messageId + "?format=text"), msgid(m.messageId),
                    archiveUrl(project, h, m.syntheticId), date(m.sentAt), m.subject, person(persons.get(m.fromPersonId), u),
                    parser.parse(raw).body(), headers(raw)));
        }
        return out;
    }

    /**
     * The header block as Patchwork shows it: each field once, its value unfolded, several values of
     * one field as a list.
     */
    static Map<String, Object> headers(byte[] raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith("From ") && name == null && out.isEmpty()) {
                continue; // an mbox separator
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            put(out, name, value);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                name = null;
                continue;
            }
            name = line.substring(0, colon);
            value = new StringBuilder(line.substring(colon + 1).strip());
        }
        put(out, name, value);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> out, String name, StringBuilder value) {
        if (name == null) {
            return;
        }
        Object had = out.get(name);
        if (had == null) {
            out.put(name, value.toString());
        } else if (had instanceof List<?> l) {
            ((List<Object>) l).add(value.toString());
        } else {
            out.put(name, new ArrayList<>(List.of(had, value.toString())));
        }
    }
}
