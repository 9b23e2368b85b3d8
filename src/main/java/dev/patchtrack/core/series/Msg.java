package dev.patchtrack.core.series;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.model.SubjectTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The working state of one message while threads and revisions are built. Null-safe views of MailFacts. */
final class Msg {

    static final SubjectTags NO_TAGS =
            new SubjectTags("", "", "", false, false, false, false, 0, 0, 0, 0, List.of(), List.of());

    /** Earliest first, unknown dates last, then by id. */
    static final Comparator<Msg> BY_DATE =
            Comparator.comparing((Msg m) -> m.date, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(m -> m.id);

    final String id;
    final MailFacts facts;
    final MessageKind kind;
    final SubjectTags tags;
    final Instant date;
    final Address author;
    /** Who posted it: the From header (the person behind a relay), else the author. */
    final Address sender;
    final String fromKey;
    final String authorKey;
    /** Ids this message says it follows: In-Reply-To values then References, self-references removed. */
    final List<String> inReplyTo;
    final List<String> references;

    /** Position in the id-sorted message list. */
    int order;
    Msg parent;
    int depth = -1;
    /** Nearest proper ancestor that is a cover letter or a first patch. */
    Msg anchor;
    /** Nearest proper ancestor that is a patch or a cover letter. */
    Msg nearestPatchOrCover;
    /** The top of this message's thread (itself when it has no known parent). */
    Msg top;

    Msg(String id, MailFacts facts) {
        this.id = id;
        this.facts = facts;
        this.kind = facts.kind() == null ? MessageKind.OTHER : facts.kind();
        this.tags = facts.tags() == null ? NO_TAGS : facts.tags();
        this.date = facts.date();
        Address from = facts.from() == null ? new Address(null, "") : facts.from();
        this.author = facts.author() == null || facts.author().email().isEmpty() ? from : facts.author();
        this.sender = from.email().isEmpty() ? author : from;
        this.authorKey = author.key();
        this.fromKey = from.email().isEmpty() ? authorKey : from.key();
        this.inReplyTo = cleanIds(facts.inReplyTo(), id);
        this.references = cleanIds(facts.references(), id);
    }

    static String cleanId(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.startsWith("<")) {
            s = s.substring(1);
        }
        if (s.endsWith(">")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    private static List<String> cleanIds(List<String> raw, String self) {
        List<String> out = new ArrayList<>(raw.size());
        for (String r : raw) {
            String c = cleanId(r);
            if (c != null && !c.equals(self)) {
                out.add(c);
            }
        }
        return out;
    }

    boolean threaded() {
        return !inReplyTo.isEmpty() || !references.isEmpty();
    }

    /** The id at the top of the thread this message names: the first Reference, else the first In-Reply-To. */
    String namedRoot() {
        if (!references.isEmpty()) {
            return references.get(0);
        }
        return inReplyTo.isEmpty() ? null : inReplyTo.get(0);
    }

    /** Parent candidates, best first: the first In-Reply-To, References newest first, other In-Reply-To values. */
    List<String> parentCandidates() {
        List<String> out = new ArrayList<>(inReplyTo.size() + references.size());
        if (!inReplyTo.isEmpty()) {
            out.add(inReplyTo.get(0));
        }
        for (int i = references.size() - 1; i >= 0; i--) {
            out.add(references.get(i));
        }
        for (int i = 1; i < inReplyTo.size(); i++) {
            out.add(inReplyTo.get(i));
        }
        return out;
    }

    boolean isCover() {
        return kind == MessageKind.COVER;
    }

    boolean isPatch() {
        return kind == MessageKind.PATCH;
    }

    boolean counted() {
        return tags.total() > 0;
    }

    boolean isFirstPatch() {
        return isPatch() && tags.number() <= 1;
    }

    /** A message that can start a revision: a cover letter or a first (or only) patch. */
    boolean isAnchor() {
        return isCover() || isFirstPatch();
    }

    /** The subject's version, else the body's, else 1. */
    int version() {
        if (tags.version() > 0) {
            return tags.version();
        }
        return facts.bodyVersion() > 0 ? facts.bodyVersion() : 1;
    }

    String title() {
        return tags.title() == null ? "" : tags.title();
    }

    String normalizedTitle() {
        return tags.normalizedTitle() == null ? "" : tags.normalizedTitle().strip();
    }

    String changeId() {
        String c = facts.changeId();
        return c == null || c.isBlank() ? null : c.strip();
    }

    @Override
    public String toString() {
        return id;
    }
}
