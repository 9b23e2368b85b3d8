package dev.patchtrack.core.series;

import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    /**
     * Author and title pairs this revision is known by, each with the dates of the messages that carry
     * it (a null date for an undated one): the cover letter's and the first patch's, each under its own
     * author and sender, and only when that message opens a revision (a cover letter, a patch numbered 1
     * or unnumbered). The same pairs, with the same dates, are what {@link LinkKeys} keys them by.
     */
    final Map<String, List<Instant>> authorTitles;
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
        this.authorTitles = new LinkedHashMap<>();
        for (Msg m : head == firstPatch ? List.of(head) : java.util.Arrays.asList(head, firstPatch)) {
            for (String key : authorTitleKeys(m)) {
                authorTitles.computeIfAbsent(key, k -> new ArrayList<>(2)).add(m.date);
            }
        }
    }

    /** The author-and-title keys of one message: none unless it opens a revision and has a title. */
    static Set<String> authorTitleKeys(Msg m) {
        Set<String> out = new LinkedHashSet<>(2);
        if (m == null || !m.isAnchor()) {
            return out;
        }
        String title = m.normalizedTitle();
        if (title.isBlank()) {
            return out;
        }
        for (String person : new String[] {m.authorKey, m.fromKey}) {
            if (person != null && !person.isBlank()) {
                out.add(person + '\u0000' + title);
            }
        }
        return out;
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
