package dev.patchtrack.core.model;

import java.time.Instant;
import java.util.List;

/**
 * What patch tracking needs to know about one message: the output of the patch analyser and the input
 * of threading and series linking. It holds no body text, so a whole archive's facts fit in memory.
 *
 * @param messageId         normalized Message-ID
 * @param syntheticId       the id was derived from the message bytes
 * @param kind              patch, cover, reply, pull or other
 * @param tags              the parsed subject
 * @param from              the From header
 * @param author            the patch author: an in-body {@code From:} line when there is one, else {@code from}
 * @param date              the Date header, null when unknown
 * @param inReplyTo         In-Reply-To Message-IDs
 * @param references        References Message-IDs, oldest first
 * @param listIds           List-Id values
 * @param diff              the diffstat, null when the message carries no diff
 * @param trailers          trailers the message itself writes (quoted lines excluded), in order
 * @param changeId          b4's {@code change-id:} value, null when absent
 * @param bodyVersion       a version the body declares ("this is v2", "Changes since v1" gives 2), 0 if none
 * @param earlierVersionIds Message-IDs of earlier versions that the body links to
 * @param dependsOn         Message-IDs named by {@code Depends-on:} lines
 * @param problems          parse problems carried over from the mail reader and added by the analyser
 * @param namedPatches      for a reply: the patch numbers its own text names ("for patch 7", "patches 2-4",
 *                          a quoted {@code [PATCH 3/5]} subject), so a reply to a cover letter can mean only those
 * @param namedTitles       for a reply: the normalized titles of patches it names by quoting their subject
 * @param applied           an "applied" notice, null when the message is none
 * @param pull              the parsed pull request of a PULL message, null otherwise
 * @param asksForChanges    a reply whose own text asks for changes ("please split this", "needs a v2")
 * @param promisesRevision  a reply whose own text promises a new version ("I will send a v2"); it counts
 *                          only when the patch's author wrote it
 * @param scope             for a reply: what its words say about the reach of its trailers (whole series,
 *                          also or except some patches, a quoted line of the patch list); null when nothing
 * @param coverText         for a cover letter, its text (at most {@link #COVER_TEXT_MAX} characters): what
 *                          keyword rules, the diffstat of patches that never arrived and the author's
 *                          changelog are read from, so derivation never parses raw mail again; null otherwise
 */
public record MailFacts(
        String messageId,
        boolean syntheticId,
        MessageKind kind,
        SubjectTags tags,
        Address from,
        Address author,
        Instant date,
        List<String> inReplyTo,
        List<String> references,
        List<String> listIds,
        DiffStat diff,
        List<Trailer> trailers,
        String changeId,
        int bodyVersion,
        List<String> earlierVersionIds,
        List<String> dependsOn,
        List<Problem> problems,
        List<Integer> namedPatches,
        List<String> namedTitles,
        AppliedNotice applied,
        PullRequest pull,
        boolean asksForChanges,
        boolean promisesRevision,
        ReplyScope scope,
        String coverText) {

    /** The most of a cover letter's text that is kept: far above any real one, a bound on a hostile one. */
    public static final int COVER_TEXT_MAX = 256 * 1024;

    /** Facts without reply names, applied notice or pull request. */
    public MailFacts(String messageId, boolean syntheticId, MessageKind kind, SubjectTags tags, Address from,
            Address author, Instant date, List<String> inReplyTo, List<String> references, List<String> listIds,
            DiffStat diff, List<Trailer> trailers, String changeId, int bodyVersion, List<String> earlierVersionIds,
            List<String> dependsOn, List<Problem> problems) {
        this(messageId, syntheticId, kind, tags, from, author, date, inReplyTo, references, listIds, diff, trailers,
                changeId, bodyVersion, earlierVersionIds, dependsOn, problems, List.of(), List.of(), null, null, false, false, null,
                null);
    }

    public MailFacts {
        inReplyTo = copy(inReplyTo);
        references = copy(references);
        listIds = copy(listIds);
        trailers = copy(trailers);
        earlierVersionIds = copy(earlierVersionIds);
        dependsOn = copy(dependsOn);
        problems = copy(problems);
        namedPatches = copy(namedPatches);
        namedTitles = copy(namedTitles);
        if (coverText != null && coverText.length() > COVER_TEXT_MAX) {
            coverText = coverText.substring(0, COVER_TEXT_MAX);
        }
    }

    /** The direct parent: the first In-Reply-To, else the last Reference, else null. */
    public String parent() {
        if (!inReplyTo.isEmpty()) {
            return inReplyTo.get(0);
        }
        return references.isEmpty() ? null : references.get(references.size() - 1);
    }

    /** The version: the subject's, else the body's, else 1. */
    public int version() {
        if (tags.version() > 0) {
            return tags.version();
        }
        return bodyVersion > 0 ? bodyVersion : 1;
    }

    /** Null-safe: facts stored before a component existed read back with an empty list. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
