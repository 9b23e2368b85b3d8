package dev.patchtrack.core.series;

import static dev.patchtrack.core.series.Mail.cover;
import static dev.patchtrack.core.series.Mail.patch;
import static dev.patchtrack.core.series.Mail.reply;
import static dev.patchtrack.core.series.Mail.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.series.SeriesModel.LinkReason;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.RevisionLink;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SeriesBuilderTest {

    static List<SeriesDraft> build(Mail... mails) {
        List<MailFacts> facts = new ArrayList<>();
        for (Mail m : mails) {
            facts.add(m.build());
        }
        return new SeriesBuilder().build(facts);
    }

    static List<RevisionDraft> revisions(List<SeriesDraft> series) {
        return series.stream().flatMap(s -> s.revisions().stream()).toList();
    }

    static RevisionDraft onlyRevision(List<SeriesDraft> series) {
        assertThat(series).hasSize(1);
        assertThat(series.get(0).revisions()).hasSize(1);
        return series.get(0).revisions().get(0);
    }

    static List<String> patchIds(RevisionDraft r) {
        return r.patches().stream().map(PatchSlot::messageId).toList();
    }

    static List<Integer> numbers(RevisionDraft r) {
        return r.patches().stream().map(PatchSlot::number).toList();
    }

    static RevisionDraft revision(List<SeriesDraft> series, String key) {
        return revisions(series).stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ revisions

    @Nested
    class Revisions {

        @Test
        void coverLetterAndPatchesFormOneRevision() {
            var series = build(
                    cover("c", 2).at(0),
                    patch("p1", 1, 2).at(1).inReplyTo("c"),
                    patch("p2", 2, 2).at(2).inReplyTo("c"),
                    reply("r", "p2").at(30));
            RevisionDraft r = onlyRevision(series);
            assertThat(r.key()).isEqualTo("c");
            assertThat(r.coverMessageId()).isEqualTo("c");
            assertThat(patchIds(r)).containsExactly("p1", "p2");
            assertThat(numbers(r)).containsExactly(1, 2);
            assertThat(r.total()).isEqualTo(2);
            assertThat(r.version()).isEqualTo(1);
            assertThat(r.complete()).isTrue();
            assertThat(r.extraPatches()).isFalse();
            assertThat(r.title()).isEqualTo("A sample series");
            assertThat(r.author().email()).isEqualTo("alice@example.org");
            assertThat(r.date()).isEqualTo(Mail.T0);
            assertThat(r.replies()).containsExactly("r");
            assertThat(series.get(0).key()).isEqualTo("c");
            assertThat(series.get(0).links()).isEmpty();
        }

        @Test
        void patchesAreOrderedByNumberWhateverTheArrivalOrder() {
            var series = build(
                    patch("p3", 3, 3).at(3).inReplyTo("c"),
                    patch("p2", 2, 3).at(1).inReplyTo("c"),
                    cover("c", 3).at(5),
                    patch("p1", 1, 3).at(2).inReplyTo("c"));
            RevisionDraft r = onlyRevision(series);
            assertThat(patchIds(r)).containsExactly("p1", "p2", "p3");
            assertThat(r.key()).isEqualTo("c");
            assertThat(r.date()).as("the head's date, not the earliest").isEqualTo(Mail.T0.plusSeconds(300));
        }

        @Test
        void deepThreadingEachPatchRepliesToThePreviousOne() {
            var series = build(
                    cover("c", 3).at(0),
                    patch("p1", 1, 3).at(1).inReplyTo("c"),
                    patch("p2", 2, 3).at(2).inReplyTo("p1").refs("c", "p1"),
                    patch("p3", 3, 3).at(3).inReplyTo("p2").refs("c", "p1", "p2"),
                    reply("r", "p3").refs("c", "p1", "p2", "p3").at(9));
            RevisionDraft r = onlyRevision(series);
            assertThat(patchIds(r)).containsExactly("p1", "p2", "p3");
            assertThat(r.replies()).containsExactly("r");
            assertThat(r.complete()).isTrue();
        }

        @Test
        void withoutCoverLetterThePatchesThreadToPatchOne() {
            var series = build(
                    patch("p2", 2, 3).at(1).inReplyTo("p1"),
                    patch("p1", 1, 3).at(0).title("rust: first"),
                    patch("p3", 3, 3).at(2).inReplyTo("p1"));
            RevisionDraft r = onlyRevision(series);
            assertThat(r.key()).isEqualTo("p1");
            assertThat(r.coverMessageId()).isNull();
            assertThat(r.title()).isEqualTo("rust: first");
            assertThat(patchIds(r)).containsExactly("p1", "p2", "p3");
        }

        @Test
        void fallsBackToEarlierReferencesWhenTheParentIsUnknown() {
            var series = build(
                    cover("c", 2).at(0),
                    patch("p1", 1, 2).at(1).onlyInReplyTo("lost").refs("c", "lost"),
                    patch("p2", 2, 2).at(2).onlyInReplyTo("c"));
            assertThat(patchIds(onlyRevision(series))).containsExactly("p1", "p2");
        }

        @Test
        void patchesWithoutAnyThreadingAreGroupedByAuthorVersionTotalAndTime() {
            var series = build(
                    patch("a1", 1, 2).v(2).at(0).title("net: remove explicit set"),
                    patch("a2", 2, 2).v(2).at(8),
                    // another author at the same time: not joined
                    patch("b1", 1, 2).v(2).at(1).from("bob@example.org"),
                    // the same author, version and total much later: another posting
                    patch("y1", 1, 3).at(5000).title("something else"),
                    patch("y2", 2, 3).at(5000 + 13 * 60));
            List<RevisionDraft> revs = revisions(series);
            assertThat(revs).extracting(RevisionDraft::key, r -> patchIds(r))
                    .containsExactlyInAnyOrder(
                            tuple("a1", List.of("a1", "a2")),
                            tuple("b1", List.of("b1")),
                            tuple("y1", List.of("y1")),
                            tuple("y2", List.of("y2")));
            assertThat(revision(series, "a1").version()).isEqualTo(2);
            assertThat(revision(series, "a1").complete()).isTrue();
        }

        @Test
        void unthreadedCoverLetterJoinsItsUnthreadedPatches() {
            var series = build(
                    cover("c", 2).at(0),
                    patch("p1", 1, 2).at(1),
                    patch("p2", 2, 2).at(2));
            RevisionDraft r = onlyRevision(series);
            assertThat(r.coverMessageId()).isEqualTo("c");
            assertThat(patchIds(r)).containsExactly("p1", "p2");
        }

        @Test
        void unthreadedRepostInsideTheWindowIsASecondRevisionOfTheSameSeries() {
            // patchwork's revision-unlabeled-noreferences
            var series = build(
                    patch("a1", 1, 2).v(2).at(0).title("net: remove explicit set"),
                    patch("a2", 2, 2).v(2).at(8),
                    patch("b1", 1, 2).v(2).at(60).title("net: remove explicit set"),
                    patch("b2", 2, 2).v(2).at(68));
            assertThat(series).hasSize(1);
            SeriesDraft s = series.get(0);
            assertThat(s.revisions()).extracting(RevisionDraft::key).containsExactly("a1", "b1");
            assertThat(patchIds(s.revisions().get(1))).containsExactly("b1", "b2");
            assertThat(s.links()).containsExactly(new RevisionLink("a1", "b1", LinkReason.HEURISTIC));
        }

        @Test
        void patchesReplyingToAMissingCoverLetterStayTogether() {
            var series = build(
                    patch("p1", 1, 3).at(1).inReplyTo("missing-cover"),
                    patch("p3", 3, 3).at(3).inReplyTo("missing-cover"),
                    patch("p2", 2, 3).at(2).inReplyTo("missing-cover"));
            RevisionDraft r = onlyRevision(series);
            assertThat(r.key()).isEqualTo("p1");
            assertThat(r.coverMessageId()).isNull();
            assertThat(patchIds(r)).containsExactly("p1", "p2", "p3");
        }

        @Test
        void uncountedSinglePatchIsARevisionOfOne() {
            var series = build(single("s").at(0), reply("r", "s").at(5));
            RevisionDraft r = onlyRevision(series);
            assertThat(r.patches()).containsExactly(new PatchSlot(1, "s"));
            assertThat(r.total()).isEqualTo(1);
            assertThat(r.complete()).isTrue();
            assertThat(r.replies()).containsExactly("r");
        }

        @Test
        void incompleteRevision() {
            var series = build(
                    cover("c", 3),
                    patch("p1", 1, 3).inReplyTo("c"),
                    patch("p3", 3, 3).inReplyTo("c"));
            RevisionDraft r = onlyRevision(series);
            assertThat(numbers(r)).containsExactly(1, 3);
            assertThat(r.complete()).isFalse();
            assertThat(r.extraPatches()).isFalse();
        }

        @Test
        void coverLetterAloneIsAnIncompleteRevision() {
            RevisionDraft r = onlyRevision(build(cover("c", 2)));
            assertThat(r.patches()).isEmpty();
            assertThat(r.complete()).isFalse();
            assertThat(r.key()).isEqualTo("c");
        }

        @Test
        void extraPatchesAreFlagged() {
            var series = build(
                    cover("c", 2),
                    patch("p1", 1, 2).at(1).inReplyTo("c"),
                    patch("p2", 2, 2).at(2).inReplyTo("c"),
                    patch("p3", 3, 2).at(3).inReplyTo("c"));
            RevisionDraft r = onlyRevision(series);
            assertThat(numbers(r)).containsExactly(1, 2, 3);
            assertThat(r.extraPatches()).isTrue();
            assertThat(r.complete()).isTrue();
            assertThat(r.total()).isEqualTo(2);
        }

        @Test
        void unversionedPatchesInheritTheCoverLettersVersion() {
            var series = build(
                    cover("c", 4).v(3).at(0),
                    patch("p1", 1, 4).at(1).inReplyTo("c"),
                    patch("p2", 2, 4).at(2).inReplyTo("c"),
                    patch("p3", 3, 4).at(3).inReplyTo("c"),
                    patch("p4", 4, 4).at(4).inReplyTo("c"));
            RevisionDraft r = onlyRevision(series);
            assertThat(r.version()).isEqualTo(3);
            assertThat(r.patches()).hasSize(4);
            assertThat(r.complete()).isTrue();
        }

        @Test
        void versionFromTheBodyWhenTheSubjectHasNone() {
            RevisionDraft r = onlyRevision(build(
                    cover("c", 1).bodyVersion(2),
                    patch("p1", 1, 1).inReplyTo("c")));
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.patches()).hasSize(1);
        }

        @Test
        void resentPatchKeepsTheLaterCopy() {
            var series = build(
                    cover("c", 2).at(0),
                    patch("p1", 1, 2).at(1).inReplyTo("c"),
                    patch("p2", 2, 2).at(2).inReplyTo("c"),
                    patch("p2-again", 2, 2).resend().at(60).inReplyTo("c"));
            RevisionDraft r = onlyRevision(series);
            assertThat(patchIds(r)).containsExactly("p1", "p2-again");
            assertThat(r.replies()).as("the replaced copy is still listed").containsExactly("p2");
            assertThat(r.extraPatches()).isFalse();
        }

        @Test
        void mixedVersionsWithoutThreadsAreTwoIncompleteRevisions() {
            // patchwork's bugs-mixed-versions
            var series = build(
                    patch("a1", 1, 2).at(0).title("test: add some lorem ipsum"),
                    patch("b2", 2, 2).v(2).at(7 * 24 * 60).inReplyTo("b1-not-here").title("test: convert"));
            List<RevisionDraft> revs = revisions(series);
            assertThat(revs).extracting(RevisionDraft::key, RevisionDraft::version, RevisionDraft::complete)
                    .containsExactlyInAnyOrder(tuple("a1", 1, false), tuple("b2", 2, false));
        }

        @Test
        void straysAreIgnored() {
            var series = build(
                    reply("r", "nowhere"),
                    mail("o").kind(MessageKind.OTHER),
                    mail("pull").kind(MessageKind.PULL));
            assertThat(series).isEmpty();
        }

        @Test
        void pullRequestInAThreadIsAReplyNotAPatch() {
            var series = build(
                    single("s").at(0),
                    mail("pull").kind(MessageKind.PULL).at(5).inReplyTo("s"));
            RevisionDraft r = onlyRevision(series);
            assertThat(patchIds(r)).containsExactly("s");
            assertThat(r.replies()).containsExactly("pull");
        }

        private static Mail mail(String id) {
            return Mail.mail(id);
        }
    }

    // ------------------------------------------------------------------ respins

    @Nested
    class Respins {

        @Test
        void v51RespinRepliedToPatchTenReplacesIt() {
            List<Mail> mails = new ArrayList<>();
            mails.add(cover("c", 12).v(5).at(0));
            for (int i = 1; i <= 12; i++) {
                mails.add(patch("p" + i, i, 12).v(5).at(i).inReplyTo("c"));
            }
            mails.add(reply("review", "p10").at(100));
            mails.add(patch("p10.1", 10, 12).v(5).minor(1).at(200).inReplyTo("review").refs("c", "p10", "review"));
            var series = build(mails.toArray(Mail[]::new));
            RevisionDraft r = onlyRevision(series);
            assertThat(r.key()).isEqualTo("c");
            assertThat(r.version()).isEqualTo(5);
            assertThat(r.versionMinor()).isEqualTo(1);
            assertThat(r.patches()).hasSize(12);
            assertThat(r.patches().get(9)).isEqualTo(new PatchSlot(10, "p10.1"));
            assertThat(r.replies()).contains("p10", "review");
            assertThat(r.complete()).isTrue();
            assertThat(r.extraPatches()).isFalse();
        }

        @Test
        void uncountedRespinTakesThePlaceOfThePatchItRepliesTo() {
            var series = build(
                    cover("c", 3).v(5).at(0),
                    patch("p1", 1, 3).v(5).at(1).inReplyTo("c"),
                    patch("p2", 2, 3).v(5).at(2).inReplyTo("c"),
                    patch("p3", 3, 3).v(5).at(3).inReplyTo("c"),
                    single("p2.1").v(5).minor(1).at(50).inReplyTo("p2").refs("c", "p2"));
            RevisionDraft r = onlyRevision(series);
            assertThat(r.patches()).containsExactly(
                    new PatchSlot(1, "p1"), new PatchSlot(2, "p2.1"), new PatchSlot(3, "p3"));
            assertThat(r.versionMinor()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ linking

    @Nested
    class Linking {

        @Test
        void v2ThreadedUnderV1CoverIsANewRevisionLinkedByCoverReply() {
            var series = build(
                    cover("c1", 2).at(0),
                    patch("a1", 1, 2).at(1).inReplyTo("c1"),
                    patch("a2", 2, 2).at(2).inReplyTo("c1"),
                    cover("c2", 2).v(2).at(100).inReplyTo("c1").title("A sample series, again"),
                    patch("b1", 1, 2).v(2).at(101).inReplyTo("c2").refs("c1", "c2"),
                    patch("b2", 2, 2).v(2).at(102).inReplyTo("c2").refs("c1", "c2"));
            assertThat(series).hasSize(1);
            SeriesDraft s = series.get(0);
            assertThat(s.key()).isEqualTo("c1");
            assertThat(s.title()).isEqualTo("A sample series, again");
            assertThat(s.revisions()).extracting(RevisionDraft::key, RevisionDraft::version)
                    .containsExactly(tuple("c1", 1), tuple("c2", 2));
            assertThat(patchIds(s.revisions().get(0))).containsExactly("a1", "a2");
            assertThat(patchIds(s.revisions().get(1))).containsExactly("b1", "b2");
            assertThat(s.revisions().get(0).replies()).doesNotContain("c2");
            assertThat(s.links()).containsExactly(new RevisionLink("c1", "c2", LinkReason.COVER_REPLY));
        }

        @Test
        void v2CoverRepliedToAV1PatchWithOddReferences() {
            // patchwork's revision-threaded-to-patch: In-Reply-To wins over References
            var series = build(
                    cover("c1", 2).at(0),
                    patch("a1", 1, 2).at(1).inReplyTo("c1"),
                    patch("a2", 2, 2).at(2).inReplyTo("c1"),
                    cover("c2", 2).v(2).at(10).inReplyTo("a2").refs("a2"),
                    patch("b2", 2, 2).v(2).at(12).onlyInReplyTo("c2").refs("a2"),
                    patch("b1", 1, 2).v(2).at(11).onlyInReplyTo("c2").refs("a2"));
            assertThat(series).hasSize(1);
            assertThat(series.get(0).revisions()).extracting(r -> patchIds(r))
                    .containsExactly(List.of("a1", "a2"), List.of("b1", "b2"));
            assertThat(series.get(0).revisions().get(0).replies()).isEmpty();
            assertThat(series.get(0).links()).containsExactly(new RevisionLink("c1", "c2", LinkReason.COVER_REPLY));
        }

        @Test
        void v2PatchesWithoutCoverRepliedToV1CoverFormTheirOwnRevision() {
            var series = build(
                    cover("c1", 2).at(0),
                    patch("a1", 1, 2).at(1).inReplyTo("c1"),
                    patch("a2", 2, 2).at(2).inReplyTo("c1"),
                    patch("b1", 1, 2).v(2).at(100).inReplyTo("c1").title("totally renamed"),
                    patch("b2", 2, 2).v(2).at(101).inReplyTo("c1"));
            assertThat(series).hasSize(1);
            SeriesDraft s = series.get(0);
            assertThat(s.revisions()).extracting(RevisionDraft::key).containsExactly("c1", "b1");
            assertThat(patchIds(s.revisions().get(0))).containsExactly("a1", "a2");
            assertThat(patchIds(s.revisions().get(1))).containsExactly("b1", "b2");
            assertThat(s.links()).extracting(RevisionLink::reason).containsExactly(LinkReason.COVER_REPLY);
        }

        @Test
        void repostedFirstPatchReplyingToTheOldFirstPatchIsANewRevision() {
            // patchwork's bugs-nocover-noversion: same version and total, second posting threaded to the first
            var series = build(
                    patch("a1", 1, 2).at(0),
                    patch("a2", 2, 2).at(1).inReplyTo("a1"),
                    patch("b1", 1, 2).at(8).inReplyTo("a1"),
                    patch("b2", 2, 2).at(9).inReplyTo("b1"));
            assertThat(series).hasSize(1);
            SeriesDraft s = series.get(0);
            assertThat(s.revisions()).extracting(r -> patchIds(r))
                    .containsExactly(List.of("a1", "a2"), List.of("b1", "b2"));
            assertThat(s.links()).containsExactly(new RevisionLink("a1", "b1", LinkReason.COVER_REPLY));
        }

        @Test
        void singlePatchV2RepliedToV1() {
            var series = build(
                    single("s1").at(0),
                    single("s2").v(2).at(60).inReplyTo("s1").title("rust: a different wording"));
            assertThat(series).hasSize(1);
            assertThat(series.get(0).links())
                    .containsExactly(new RevisionLink("s1", "s2", LinkReason.COVER_REPLY));
        }

        @Test
        void someoneElsesUnversionedCoverReplyingIsNotAContinuation() {
            var series = build(
                    cover("c1", 1).at(0).title("rust: mine"),
                    patch("a1", 1, 1).at(1).inReplyTo("c1"),
                    cover("c2", 1).at(50).inReplyTo("c1").from("bob@example.org").title("rust: theirs"),
                    patch("b1", 1, 1).at(51).inReplyTo("c2").from("bob@example.org"));
            assertThat(series).hasSize(2);
        }

        @Test
        void sameChangeIdLinksWhateverTheTitle() {
            var series = build(
                    cover("c1", 1).at(0).changeId("20240301-foo-abc").title("first title"),
                    patch("a1", 1, 1).at(1).inReplyTo("c1"),
                    cover("c2", 1).v(2).at(5000).changeId("20240301-foo-abc").title("second title")
                            .from("alice@work.example"),
                    patch("b1", 1, 1).v(2).at(5001).inReplyTo("c2"));
            assertThat(series).hasSize(1);
            assertThat(series.get(0).links()).containsExactly(new RevisionLink("c1", "c2", LinkReason.CHANGE_ID));
            assertThat(series.get(0).revisions().get(1).changeId()).isEqualTo("20240301-foo-abc");
        }

        @Test
        void changeIdIsPreferredOverHeuristicAndPicksTheClosestLowerVersion() {
            var series = build(
                    cover("c1", 1).at(0).changeId("cid"),
                    cover("c2", 1).v(2).at(100).changeId("cid"),
                    cover("c3", 1).v(3).at(200).changeId("cid"));
            assertThat(series).hasSize(1);
            assertThat(series.get(0).links()).containsExactly(
                    new RevisionLink("c1", "c2", LinkReason.CHANGE_ID),
                    new RevisionLink("c2", "c3", LinkReason.CHANGE_ID));
        }

        @Test
        void strongestSignalBeatsTheCloserVersion() {
            // v3 shares a change-id with v1 and only title and author with v2: the change-id wins
            var series = build(
                    cover("c2", 1).v(2).at(100).title("new name"),
                    cover("c3", 1).v(3).at(200).title("new name").changeId("cid"),
                    cover("c1", 1).at(0).title("old name").changeId("cid"));
            assertThat(series).extracting(SeriesDraft::key).containsExactly("c1", "c2");
            assertThat(series.get(0).revisions()).extracting(RevisionDraft::key).containsExactly("c1", "c3");
            assertThat(series.get(0).links()).containsExactly(new RevisionLink("c1", "c3", LinkReason.CHANGE_ID));
            assertThat(series.get(1).revisions()).extracting(RevisionDraft::key).containsExactly("c2");
        }

        @Test
        void explicitLinkToAnyMessageOfTheEarlierRevision() {
            var series = build(
                    cover("c1", 2).at(0).title("rust: old name"),
                    patch("a1", 1, 2).at(1).inReplyTo("c1"),
                    patch("a2", 2, 2).at(2).inReplyTo("c1"),
                    cover("c2", 2).v(2).at(9000).title("rust: new name").from("bob@example.org")
                            .earlier("<a2>"),
                    patch("b1", 1, 2).v(2).at(9001).inReplyTo("c2").from("bob@example.org"));
            assertThat(series).hasSize(1);
            assertThat(series.get(0).links())
                    .containsExactly(new RevisionLink("c1", "c2", LinkReason.EXPLICIT_LINK));
            // a series is named as it is now: its latest revision's title and author
            assertThat(series.get(0).author().email()).isEqualTo("bob@example.org");
            assertThat(series.get(0).title()).isEqualTo("rust: new name");
        }

        @Test
        void explicitLinkToALaterVersionIsIgnored() {
            var series = build(
                    cover("c1", 1).v(3).at(0).title("x"),
                    cover("c2", 1).v(2).at(100).title("y").earlier("c1"));
            assertThat(series).hasSize(2);
        }

        @Test
        void heuristicSameAuthorSameTitleHigherVersion() {
            var series = build(
                    cover("c1", 1).at(0).title("rust: Add   NVMe driver").from("Alice@Example.org"),
                    cover("c3", 1).v(3).at(100).title("rust: add nvme driver").from("alice@example.org"),
                    // same title, other author: not linked
                    cover("x", 1).v(2).at(50).title("rust: add nvme driver").from("bob@example.org"),
                    // same author and title, higher version but older: not linked
                    cover("old", 1).v(4).at(-100).title("rust: add nvme driver"));
            SeriesDraft linked = series.stream().filter(s -> s.key().equals("c1")).findFirst().orElseThrow();
            assertThat(linked.revisions()).extracting(RevisionDraft::key).containsExactly("c1", "c3");
            assertThat(linked.links()).containsExactly(new RevisionLink("c1", "c3", LinkReason.HEURISTIC));
            assertThat(series).extracting(SeriesDraft::key).containsExactly("c1", "old", "x");
        }

        @Test
        void heuristicLinksOnlyPostingsWithinTheWindow() {
            long day = 24 * 60;
            var series = build(
                    cover("v1", 1).at(0).title("rust: add nvme driver"),
                    cover("v2", 1).v(2).at(150 * day).title("rust: add nvme driver"),
                    // the same author and title more than the window after v2: other work
                    cover("v3", 1).v(3).at(150 * day + 200 * day).title("rust: add nvme driver"));
            assertThat(series).extracting(SeriesDraft::key).containsExactly("v1", "v3");
            assertThat(series.get(0).revisions()).extracting(RevisionDraft::key).containsExactly("v1", "v2");
        }

        @Test
        void resendOfTheSameVersionIsALaterRevision() {
            // patchwork's revision-unlabeled: two unversioned postings, same title
            var series = build(
                    cover("c1", 2).at(0),
                    patch("a1", 1, 2).at(1).inReplyTo("c1"),
                    patch("a2", 2, 2).at(2).inReplyTo("c1"),
                    cover("c2", 2).at(11),
                    patch("b2", 2, 2).at(13).inReplyTo("c2"),
                    patch("b1", 1, 2).at(12).inReplyTo("c2"));
            assertThat(series).hasSize(1);
            assertThat(series.get(0).revisions()).extracting(RevisionDraft::key).containsExactly("c1", "c2");
            assertThat(series.get(0).links()).extracting(RevisionLink::reason).containsExactly(LinkReason.HEURISTIC);
        }

        @Test
        void coverTitleMatchesTheFirstPatchTitleOfARevisionWithoutCover() {
            // patchwork's revision-no-cover-letter
            var series = build(
                    cover("c1", 2).at(0),
                    patch("a1", 1, 2).at(1).inReplyTo("c1").title("test: add some lorem ipsum"),
                    patch("a2", 2, 2).at(2).inReplyTo("c1"),
                    patch("b1", 1, 2).v(2).at(11).title("test: add some lorem ipsum"),
                    patch("b2", 2, 2).v(2).at(12).inReplyTo("b1"));
            assertThat(series).hasSize(1);
            assertThat(series.get(0).revisions()).extracting(RevisionDraft::key).containsExactly("c1", "b1");
            assertThat(series.get(0).title()).isEqualTo("test: add some lorem ipsum");
        }

        @Test
        void rfcWithoutVersionIsOrderedBeforeV1() {
            var series = build(
                    cover("v2", 1).v(2).at(300).title("rust: block layer"),
                    cover("v1", 1).at(200).title("rust: block layer"),
                    cover("rfc", 1).rfc().at(100).title("rust: block layer"),
                    patch("rfc1", 1, 1).rfc().at(101).inReplyTo("rfc"));
            assertThat(series).hasSize(1);
            SeriesDraft s = series.get(0);
            assertThat(s.key()).isEqualTo("rfc");
            assertThat(s.revisions()).extracting(RevisionDraft::key, RevisionDraft::rfc)
                    .containsExactly(tuple("rfc", true), tuple("v1", false), tuple("v2", false));
            assertThat(s.links()).containsExactly(
                    new RevisionLink("rfc", "v1", LinkReason.HEURISTIC),
                    new RevisionLink("v1", "v2", LinkReason.HEURISTIC));
        }

        @Test
        void eachRevisionGetsOneSeriesAndLinksCoverConsecutivePairs() {
            var series = build(
                    cover("a", 1).at(0).title("t"),
                    cover("b", 1).v(2).at(10).title("t"),
                    cover("c", 1).v(3).at(20).title("t"),
                    cover("d", 1).v(4).at(30).title("other").earlier("b"));
            assertThat(series).hasSize(1);
            SeriesDraft s = series.get(0);
            assertThat(s.revisions()).extracting(RevisionDraft::key).containsExactly("a", "b", "c", "d");
            assertThat(s.links()).extracting(RevisionLink::olderKey, RevisionLink::newerKey)
                    .containsExactly(tuple("a", "b"), tuple("b", "c"), tuple("c", "d"));
            assertThat(s.title()).isEqualTo("other");
        }

        @Test
        void spamOfIdenticalUnthreadedPatchesIsOneSeriesOfSeveralRevisions() {
            var series = build(
                    patch("s1", 1, 4).v(2).at(0).title("rework tagging"),
                    patch("s2", 1, 4).v(2).at(2).title("rework tagging"),
                    patch("s3", 1, 4).v(2).at(4).title("rework tagging"));
            assertThat(series).hasSize(1);
            assertThat(series.get(0).revisions()).extracting(RevisionDraft::key).containsExactly("s1", "s2", "s3");
        }
    }
}
