package dev.patchtrack.ingest;

import dev.patchtrack.core.derive.SeriesEvents;
import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.core.patch.RangeDiff;
import dev.patchtrack.core.patch.VersionChanges;
import dev.patchtrack.store.EventEntity;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.RevisionChangesEntity;
import dev.patchtrack.store.RevisionEntity;
import dev.patchtrack.store.SeriesEntity;
import dev.patchtrack.store.SeriesWriter;
import dev.patchtrack.store.SeriesLookups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed from each revision of a series to the next: kept per revision when series are derived
 * (and again when either revision's patches change), with a {@code revision-compared} event for a
 * revision just posted; read by the series views and feeds.
 */
@ApplicationScoped
public class VersionChangesService {

    @Inject
    SeriesWriter series;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    RangeDiffService rangeDiff;

    /**
     * Brings the kept changes of these series' revisions up to date, in the caller's transaction.
     *
     * @param posted revisions created by this derivation: they get an event
     * @return how many revisions were compared
     */
    public int refresh(Collection<Long> seriesIds, Set<Long> posted) {
        if (seriesIds.isEmpty()) {
            return 0;
        }
        // what it reads (revisions, patches, raw mail) is written before it starts, never by it
        return series.flushedOnce(() -> compareAll(seriesIds, posted));
    }

    /** Comparisons whose sides are read together: bounds the mail held at once. */
    static final int BLOCK = 32;

    private int compareAll(Collection<Long> seriesIds, Set<Long> posted) {
        List<RevisionEntity> revisions = seriesLookups.revisionsOfSeries(seriesIds);
        Map<Long, List<PatchEntity>> patches = patchesByRevision(revisions);
        Map<Long, RevisionChangesEntity> kept = seriesLookups.changesOf(revisions.stream().map(r -> r.id).toList());
        // which revisions to compare with the one before: those whose patches or predecessor changed
        record Todo(RevisionEntity from, RevisionEntity to, String key) {
        }
        List<Todo> todo = new ArrayList<>();
        for (int i = 1; i < revisions.size(); i++) {
            RevisionEntity from = revisions.get(i - 1);
            RevisionEntity to = revisions.get(i);
            if (!from.seriesId.equals(to.seriesId)) {
                continue;
            }
            String key = key(from, to, patches);
            RevisionChangesEntity c = kept.get(to.id);
            if (c == null || !c.patchesKey.equals(key) || !c.fromRevisionId.equals(from.id)) {
                todo.add(new Todo(from, to, key));
            }
        }
        for (int at = 0; at < todo.size(); at += BLOCK) {
            List<Todo> block = todo.subList(at, Math.min(todo.size(), at + BLOCK));
            Map<Long, RevisionEntity> involved = new LinkedHashMap<>();
            block.forEach(t -> {
                involved.put(t.from().id, t.from());
                involved.put(t.to().id, t.to());
            });
            Map<Long, RangeDiffService.Side> sides = rangeDiff.sides(List.copyOf(involved.values()), patches);
            for (Todo t : block) {
                RevisionChangesEntity c = kept.get(t.to().id);
                boolean fresh = c == null;
                if (fresh) {
                    c = new RevisionChangesEntity();
                    c.revisionId = t.to().id;
                }
                VersionChanges changes = compare(t.to(), sides.get(t.from().id), sides.get(t.to().id));
                c.fromRevisionId = t.from().id;
                c.patchesKey = t.key();
                c.set(changes);
                EventEntity event = fresh && posted.contains(t.to().id)
                        ? EventEntity.of(EventKind.REVISION_COMPARED, t.to().seriesId, t.to().id, null, null,
                        SeriesEvents.revisionCompared(t.to().version, t.to().title, changes)) : null;
                series.keepChanges(c, fresh, event);
            }
        }
        return todo.size();
    }


    /** The changes of each revision of a series from the one before, by revision id: kept, or worked out now. */
    public Map<Long, VersionChanges> ofSeries(List<RevisionEntity> revisions) {
        Map<Long, VersionChanges> out = new HashMap<>();
        if (revisions.size() < 2) {
            return out;
        }
        Map<Long, RevisionChangesEntity> kept = seriesLookups.changesOf(revisions.stream().map(r -> r.id).toList());
        Map<Long, List<PatchEntity>> patches = null;
        for (int i = 1; i < revisions.size(); i++) {
            RevisionEntity from = revisions.get(i - 1);
            RevisionEntity to = revisions.get(i);
            RevisionChangesEntity c = kept.get(to.id);
            if (c != null && c.fromRevisionId.equals(from.id)) {
                out.put(to.id, c.changes(to.version));
                continue;
            }
            // not derived since this was added: worked out for this answer (the next derivation keeps it)
            out.put(to.id, compare(from, to));
        }
        return out;
    }

    private VersionChanges compare(RevisionEntity from, RevisionEntity to) {
        return compare(to, rangeDiff.side(from), rangeDiff.side(to));
    }

    private VersionChanges compare(RevisionEntity to, RangeDiffService.Side older, RangeDiffService.Side newer) {
        SeriesEntity s = seriesLookups.findSeries(to.seriesId).orElseThrow();
        RangeDiffService.Result r = rangeDiff.pairs(s, older, newer, RangeDiff.CREATION_FACTOR);
        return VersionChanges.of(older.revision().version, to.version, r.pairs(), r.to().changelog());
    }

    private Map<Long, List<PatchEntity>> patchesByRevision(List<RevisionEntity> revisions) {
        return seriesLookups.patchesOf(revisions.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(p -> p.revisionId));
    }

    /** What the comparison depends on: both revisions' numbered patches and cover letters. */
    private static String key(RevisionEntity from, RevisionEntity to, Map<Long, List<PatchEntity>> patches) {
        StringBuilder b = new StringBuilder();
        for (RevisionEntity r : List.of(from, to)) {
            b.append(r.id).append(':').append(r.coverMessagePk).append(':');
            for (PatchEntity p : RangeDiffService.numbered(patches.getOrDefault(r.id, List.of()))) {
                b.append(p.number).append('=').append(p.messagePk).append(',');
            }
            b.append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
