package dev.patchtrack.core.audit;

import dev.patchtrack.core.audit.AuditInput.Copied;
import dev.patchtrack.core.audit.AuditInput.Loose;
import dev.patchtrack.core.audit.AuditInput.Patch;
import dev.patchtrack.core.audit.AuditInput.Revision;
import dev.patchtrack.core.model.SubjectTags;
import dev.patchtrack.core.patch.SubjectParser;
import dev.patchtrack.core.series.SeriesModel.LinkReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The audit rules: derivations a maintainer should doubt, each with the messages to read. Pure: it
 * reads what the store loaded and decides nothing else.
 */
public final class Auditor {

    private static final Comparator<AuditFinding> ORDER = Comparator.comparing(AuditFinding::kind)
            .thenComparing(AuditFinding::seriesId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AuditFinding::revisionId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> f.messageIds().isEmpty() ? "" : f.messageIds().get(0));

    private final Duration heuristicGap;

    /** @param heuristicGap how far apart two revisions linked only by the heuristic may be before they are doubted */
    public Auditor(Duration heuristicGap) {
        this.heuristicGap = Objects.requireNonNull(heuristicGap);
    }

    /** Every finding, by kind, then series, revision and message. */
    public List<AuditFinding> audit(AuditInput in) {
        List<AuditFinding> out = new ArrayList<>();
        Map<Long, List<Revision>> bySeries = new TreeMap<>();
        for (Revision r : in.revisions()) {
            bySeries.computeIfAbsent(r.seriesId(), k -> new ArrayList<>()).add(r);
            revisionWithoutPatches(r, out);
            versionDisagrees(r, out);
        }
        for (List<Revision> revisions : bySeries.values()) {
            revisions.sort(Comparator.comparingInt(Revision::position).thenComparingLong(Revision::id));
            severalAuthors(revisions, out);
            longHeuristicGaps(revisions, out);
        }
        for (Copied c : in.copied()) {
            out.add(new AuditFinding(AuditKind.DUPLICATE_MESSAGE_ID, c.seriesId(), c.revisionId(),
                    "<" + c.messageId() + "> (" + quote(c.subject()) + ") was received " + (c.copies() + 1)
                            + " times with different bytes: the first is stored, " + c.copies()
                            + (c.copies() == 1 ? " copy is" : " copies are") + " kept aside"
                            + (c.lists().isEmpty() ? "" : " (received for " + String.join(", ", c.lists()) + ")"),
                    List.of(c.messageId())));
        }
        for (Loose l : in.loose()) {
            out.add(new AuditFinding(AuditKind.PATCH_WITHOUT_REVISION, null, null,
                    quote(l.subject()) + " carries a diff but belongs to no revision", List.of(l.messageId())));
        }
        out.sort(ORDER);
        return out;
    }

    /** How many findings of each kind, every kind listed. */
    public static Map<AuditKind, Integer> counts(List<AuditFinding> findings) {
        Map<AuditKind, Integer> counts = new LinkedHashMap<>();
        for (AuditKind k : AuditKind.values()) {
            counts.put(k, 0);
        }
        findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        return counts;
    }

    private static void revisionWithoutPatches(Revision r, List<AuditFinding> out) {
        if (!r.patches().isEmpty()) {
            return;
        }
        String what = r.coverId() != null ? "has a cover letter" : "was derived";
        String of = r.total() > 0 ? " but none of its " + r.total() + " patch" + (r.total() == 1 ? "" : "es")
                : " but no patch";
        out.add(new AuditFinding(AuditKind.REVISION_WITHOUT_PATCHES, r.seriesId(), r.id(),
                version(r) + " " + quote(r.title()) + " " + what + of,
                List.of(r.coverId() != null ? r.coverId() : r.key())));
    }

    private static void versionDisagrees(Revision r, List<AuditFinding> out) {
        if (r.coverSubject() == null || r.patches().isEmpty()) {
            return;
        }
        int coverVersion = SubjectParser.parse(r.coverSubject()).effectiveVersion();
        List<String> ids = new ArrayList<>();
        Map<Integer, Integer> byVersion = new TreeMap<>();
        for (Patch p : r.patches()) {
            SubjectTags t = SubjectParser.parse(p.subject() == null ? "" : p.subject());
            if (t.effectiveVersion() != coverVersion) {
                ids.add(p.messageId());
                byVersion.merge(t.effectiveVersion(), 1, Integer::sum);
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        byVersion.forEach((v, n) -> parts.add(n + (n == 1 ? " says" : " say") + " v" + v));
        int disagreeing = ids.size();
        ids.add(0, r.coverId());
        out.add(new AuditFinding(AuditKind.VERSION_DISAGREES, r.seriesId(), r.id(),
                "the cover letter says v" + coverVersion + " but " + disagreeing + " of " + r.patches().size()
                        + " patches do not (" + String.join(", ", parts) + "): " + quote(r.title()), ids));
    }

    private static void severalAuthors(List<Revision> revisions, List<AuditFinding> out) {
        Map<Long, List<Revision>> byAuthor = new LinkedHashMap<>();
        for (Revision r : revisions) {
            if (r.authorId() != null) {
                byAuthor.computeIfAbsent(r.authorId(), k -> new ArrayList<>()).add(r);
            }
        }
        if (byAuthor.size() < 2) {
            return;
        }
        List<String> parts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (List<Revision> mine : byAuthor.values()) {
            parts.add(mine.get(0).author() + " (" + String.join(", ", mine.stream().map(Auditor::version).toList()) + ")");
            ids.add(mine.get(0).key());
        }
        Revision first = revisions.get(0);
        out.add(new AuditFinding(AuditKind.SEVERAL_AUTHORS, first.seriesId(), null,
                byAuthor.size() + " people sent revisions of " + quote(revisions.get(revisions.size() - 1).title()) + ": "
                        + String.join("; ", parts), ids));
    }

    private void longHeuristicGaps(List<Revision> revisions, List<AuditFinding> out) {
        for (int i = 1; i < revisions.size(); i++) {
            Revision prev = revisions.get(i - 1);
            Revision r = revisions.get(i);
            if (r.linkReason() != LinkReason.HEURISTIC || prev.postedAt() == null || r.postedAt() == null) {
                continue;
            }
            Duration gap = Duration.between(prev.postedAt(), r.postedAt());
            if (gap.compareTo(heuristicGap) > 0) {
                out.add(new AuditFinding(AuditKind.LONG_HEURISTIC_GAP, r.seriesId(), r.id(),
                        version(r) + " follows " + version(prev) + " after " + gap.toDays()
                                + " days, linked only by author and subject: " + quote(r.title()),
                        List.of(prev.key(), r.key())));
            }
        }
    }

    private static String version(Revision r) {
        return (r.rfc() ? "RFC v" : "v") + r.version();
    }

    private static String quote(String s) {
        return "\"" + (s == null ? "" : s) + "\"";
    }
}
