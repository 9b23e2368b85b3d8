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
    /** Position in {@link #ORDER} among all revisions. */
    int rank;

    Revision(RevisionDraft draft, Msg head, Msg firstPatch, List<Msg> members) {
        this.draft = draft;
        this.head = head;
        this.members = List.copyOf(members);
        this.personKeys = new LinkedHashSet<>();
        addIfPresent(personKeys, head.authorKey);
        addIfPresent(personKeys, head.fromKey);
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
