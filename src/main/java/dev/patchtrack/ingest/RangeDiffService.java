package dev.patchtrack.ingest;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.PatchId;
import dev.patchtrack.core.patch.RangeDiff;
import dev.patchtrack.core.patch.VersionChanges;
import dev.patchtrack.store.MessageHeads;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.ReadOnly;
import dev.patchtrack.store.RevisionEntity;
import dev.patchtrack.store.SeriesEntity;
import dev.patchtrack.store.SeriesLookups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Two revisions of a series compared as {@code git range-diff} compares them, read in one transaction. */
@ApplicationScoped
public class RangeDiffService {

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    MessageRepository messages;

    @Inject
    MessageHeads heads;

    @Inject
    MailLimits limits;

    @Inject
    ReadOnly readOnly;

    /** What a comparison cannot be made of: no such series or version, or a single revision. */
    public static final class Refused extends RuntimeException {
        public final boolean notFound;
        public final String parameter;

        Refused(boolean notFound, String parameter, String detail) {
            super(detail);
            this.notFound = notFound;
            this.parameter = parameter;
        }
    }

    /**
     * One revision's side.
     *
     * @param ids        each patch's stable patch-id (null without a diff), standing in for a commit id
     * @param messageIds each patch's Message-ID
     * @param changelog  the author's changelog, from the cover letter or a lone patch; null when none
     */
    public record Side(RevisionEntity revision, List<RangeDiff.Patch> patches, List<String> ids, List<String> messageIds,
                       String changelog) {
    }

    public record Result(SeriesEntity series, Side from, Side to, List<RangeDiff.Pair> pairs) {
    }

    /**
     * @param from the older version; null: the revision before {@code to}
     * @param to   the newer version; null: the latest revision
     * @param creationFactor git's {@code --creation-factor}: how much of a patch may change, in percent of
     *                       its size, before it is rather dropped and another added
     */
    @Transactional
    public Result compare(long seriesId, Integer from, Integer to, int creationFactor) {
        readOnly.begin();
        SeriesEntity s = seriesLookups.findSeries(seriesId).orElseThrow(() -> new Refused(true, "id", "no series " + seriesId));
        List<RevisionEntity> revisions = seriesLookups.revisionsOf(seriesId);
        if (revisions.size() < 2 && (from == null || to == null)) {
            throw new Refused(false, from == null ? "from" : "to", "series " + seriesId + " has one revision ("
                    + versions(revisions) + "): there is nothing to compare it with");
        }
        int toAt = to == null ? revisions.size() - 1 : pick(revisions, to, "to");
        int fromAt = from == null ? toAt - 1 : pick(revisions, from, "from");
        if (fromAt < 0) {
            throw new Refused(false, "from", "v" + revisions.get(toAt).version + " is the first revision of series "
                    + seriesId + "; name an older one with from= (it has " + versions(revisions) + ")");
        }
        return compare(s, revisions.get(fromAt), revisions.get(toAt), creationFactor);
    }

    /** Two revisions compared, in the caller's transaction. */
    Result compare(SeriesEntity s, RevisionEntity from, RevisionEntity to, int creationFactor) {
        return compare(s, side(from), side(to), creationFactor);
    }

    /** Two sides compared: a caller comparing each revision with the next reads each side once. */
    Result compare(SeriesEntity s, Side from, Side to, int creationFactor) {
        return new Result(s, from, to, RangeDiff.compare(from.patches(), to.patches(), creationFactor));
    }

    /** Two sides paired, without the interdiffs: what a summary of the changes needs. */
    Result pairs(SeriesEntity s, Side from, Side to, int creationFactor) {
        return new Result(s, from, to, RangeDiff.pairs(from.patches(), to.patches(), creationFactor));
    }

    /** A revision's side, in the caller's transaction. */
    Side side(RevisionEntity r) {
        return sides(List.of(r), Map.of(r.id, patchesOf(r))).get(r.id);
    }

    /** A revision's numbered patches in order: what range-diff compares. */
    List<PatchEntity> patchesOf(RevisionEntity r) {
        return numbered(seriesLookups.patchesOf(List.of(r.id)));
    }

    static List<PatchEntity> numbered(List<PatchEntity> patches) {
        return patches.stream().filter(p -> p.number > 0).sorted(Comparator.comparingInt(p -> p.number)).toList();
    }

    /**
     * The sides of these revisions, by revision id, from their patches as the caller read them (by
     * revision id; any order, only the numbered ones count): their mail, Message-IDs and cover letters'
     * facts each read in one go, in the caller's transaction.
     */
    Map<Long, Side> sides(List<RevisionEntity> revisions, Map<Long, List<PatchEntity>> patchesByRevision) {
        Map<Long, List<PatchEntity>> numbered = new HashMap<>();
        List<Long> pks = new ArrayList<>();
        List<Long> covers = new ArrayList<>();
        for (RevisionEntity r : revisions) {
            List<PatchEntity> patches = numbered(patchesByRevision.getOrDefault(r.id, List.of()));
            numbered.put(r.id, patches);
            patches.forEach(p -> pks.add(p.messagePk));
            if (r.coverMessagePk != null) {
                covers.add(r.coverMessagePk);
            }
        }
        Map<Long, MessageHeads.Head> msgs = heads.byIds(pks);
        Map<Long, byte[]> raw = messages.rawByPks(pks);
        // the cover letter's text is kept in its facts: no need to read and parse it again
        Map<Long, String> coverTexts = new HashMap<>();
        messages.forFacts(covers, (pk, f) -> coverTexts.put(pk, f.coverText()));
        MailParser parser = new MailParser(limits);
        Map<Long, Side> out = new HashMap<>();
        for (RevisionEntity r : revisions) {
            List<PatchEntity> patches = numbered.get(r.id);
            List<RangeDiff.Patch> texts = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<String> mids = new ArrayList<>();
            String changelog = null;
            for (PatchEntity p : patches) {
                ParsedMail mail = parser.parse(raw.get(p.messagePk));
                texts.add(RangeDiff.fromMail(mail.from() == null ? null : mail.from().name(),
                        mail.from() == null ? "" : mail.from().email(), mail.subject(), mail.body()));
                ids.add(PatchId.of(mail.body()));
                mids.add(msgs.get(p.messagePk).messageId());
                if (patches.size() == 1 && r.coverMessagePk == null) {
                    changelog = VersionChanges.patchChangelog(mail.body());
                }
            }
            if (r.coverMessagePk != null) {
                String cover = coverTexts.get(r.coverMessagePk);
                changelog = cover == null ? null : VersionChanges.changelog(cover);
            }
            out.put(r.id, new Side(r, texts, ids, mids, changelog));
        }
        return out;
    }


    /** The position of the latest revision with that version. */
    private static int pick(List<RevisionEntity> revisions, int version, String parameter) {
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (revisions.get(i).version == version) {
                return i;
            }
        }
        throw new Refused(true, parameter, "no v" + version + " in this series; it has " + versions(revisions));
    }

    private static String versions(List<RevisionEntity> revisions) {
        return revisions.stream().map(r -> "v" + r.version).distinct().collect(Collectors.joining(", "));
    }
}
