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
     * it (a null date for an undated one): the cover letter's and the first patch's, each under the
     * people the revision is posted as (address and name), and only when that message opens a revision (a cover letter, a patch numbered 1
     * or unnumbered). The same pairs, with the same dates, are what {@link LinkKeys} keys them by.
     */
    final Map<String, List<Instant>> authorTitles;
    /** The cover letter and every patch, including ones a later copy replaced. */
    final List<Msg> members;
    /** Normalized titles of its patches. */
    final Set<String> patchTitles;
    /** Who posted it, as {@link #persons}: the head's sender and, for a single patch, its author. */
    final Set<String> people;
    /** Person-and-patch-title pairs of its patches, each with the patch's date, as LinkKeys keys them. */
    final Map<String, List<Instant>> patchPeopleTitles;
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
        // A posting of several patches is its sender's: a first patch carried from another author (its
        // in-body From:) must not tie it to that author's postings of the same title. A single patch is
        // its author's too, whoever sent it.
        boolean single = head == firstPatch && draft.total() <= 1;
        this.people = persons(head, single);
        this.patchPeopleTitles = new LinkedHashMap<>();
        for (Msg m : members) {
            if (m.isPatch()) {
                for (String key : patchKeys(m)) {
                    patchPeopleTitles.computeIfAbsent(key, k -> new ArrayList<>(1)).add(m.date);
                }
            }
        }
        for (Msg m : head == firstPatch || firstPatch == null ? List.of(head) : java.util.Arrays.asList(head, firstPatch)) {
            for (String key : authorTitleKeys(m)) {
                if (people.contains(key.substring(0, key.lastIndexOf('\u0000')))) {
                    authorTitles.computeIfAbsent(key, k -> new ArrayList<>(2)).add(m.date);
                }
            }
        }
    }

    /** The author-and-title keys of one message: none unless it opens a revision and has a title. */
    static Set<String> authorTitleKeys(Msg m) {
        Set<String> out = new LinkedHashSet<>(2);
        // any patch: the lowest one present opens a revision whose cover and first patches never reached the list
        if (m == null || !(m.isAnchor() || m.isPatch())) {
            return out;
        }
        String title = m.normalizedTitle();
        if (title.isBlank()) {
            return out;
        }
        for (String person : persons(m, true)) {
            out.add(person + '\u0000' + title);
        }
        return out;
    }

    /**
     * The people a message opens a revision as: its sender's address and name and, when {@code withAuthor},
     * its author's (the in-body From of a patch someone else sent) as well.
     */
    static Set<String> persons(Msg m, boolean withAuthor) {
        Set<String> out = new LinkedHashSet<>(4);
        addIfPresent(out, m.fromKey);
        String name = m.sender.nameKey();
        if (name != null) {
            out.add(NAME + name);
        }
        if (withAuthor) {
            addIfPresent(out, m.authorKey);
            name = m.author.nameKey();
            if (name != null) {
                out.add(NAME + name);
            }
        }
        return out;
    }

    /** The person-and-title keys of one patch: its title under each of its people (sender and author). */
    static Set<String> patchKeys(Msg m) {
        Set<String> out = new LinkedHashSet<>(4);
        String title = m.normalizedTitle();
        if (!m.isPatch() || title.isBlank()) {
            return out;
        }
        for (String person : persons(m, true)) {
            out.add(person + '\u0000' + title);
        }
        return out;
    }

    /** How many patch titles the two share. */
    int sharedPatches(Revision other) {
        int n = 0;
        for (String t : patchTitles) {
            if (other.patchTitles.contains(t)) {
                n++;
            }
        }
        return n;
    }

    /** Marks an author-and-title key made of the author's name rather than an address. */
    static final String NAME = "n\u0000";

    /** True when both have patches and some patch title is shared. */
    boolean sharesPatch(Revision other) {
        for (String t : patchTitles) {
            if (other.patchTitles.contains(t)) {
                return true;
            }
        }
        return false;
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
