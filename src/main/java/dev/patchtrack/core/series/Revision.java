package dev.patchtrack.core.series;

import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A built revision with what linking needs to know about it. */
final class Revision {

    /**
     * Oldest first: by version, an RFC before a non-RFC posting of the same version, by respin minor, by
     * date (unknown last), by key. A total order: every link goes from an earlier to a later revision.
     */
    static final Comparator<Revision> ORDER = Comparator
            .comparingInt((Revision r) -> r.draft.version())
            .thenComparing(r -> !r.draft.rfc())
            .thenComparingInt(r -> r.draft.versionMinor())
            .thenComparing(r -> r.draft.date(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.draft.key());

    final RevisionDraft draft;
    final Msg head;
    /** Address keys of the head's author and sender (one or two, never blank). */
    final Set<String> personKeys;
    /** Normalized titles this revision is known by: the head's and its first patch's (never blank). */
    final Set<String> titleKeys;
    /** The cover letter and every patch, including ones a later copy replaced. */
    final List<Msg> members;
    /** Normalized titles of its patches. */
    final Set<String> patchTitles;
    /** Position in {@link #ORDER} among all revisions. */
    int rank;

    Revision(RevisionDraft draft, Msg head, Msg firstPatch, List<Msg> members) {
        this.draft = draft;
        this.head = head;
        this.members = List.copyOf(members);
        this.personKeys = new LinkedHashSet<>();
        addIfPresent(personKeys, head.authorKey);
        addIfPresent(personKeys, head.fromKey);
        this.patchTitles = new LinkedHashSet<>();
        for (Msg m : members) {
            if (m.isPatch()) {
                addIfPresent(patchTitles, m.normalizedTitle());
            }
        }
        this.titleKeys = new LinkedHashSet<>();
        addIfPresent(titleKeys, head.normalizedTitle());
        if (firstPatch != null) {
            addIfPresent(titleKeys, firstPatch.normalizedTitle());
        }
    }

    private static void addIfPresent(Set<String> set, String s) {
        if (s != null && !s.isBlank()) {
            set.add(s);
        }
    }

    /** True when both have patches and no patch title is shared: different work under one cover title. */
    boolean disjointPatches(Revision other) {
        if (patchTitles.isEmpty() || other.patchTitles.isEmpty()) {
            return false;
        }
        for (String t : patchTitles) {
            if (other.patchTitles.contains(t)) {
                return false;
            }
        }
        return true;
    }

    String key() {
        return draft.key();
    }

    int version() {
        return draft.version();
    }

    Instant date() {
        return draft.date();
    }

    List<String> earlierVersionIds() {
        return head.facts.earlierVersionIds();
    }
}
