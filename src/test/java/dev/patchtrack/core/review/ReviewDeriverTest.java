package dev.patchtrack.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.Trailer;
import dev.patchtrack.core.review.ReviewInput.Evidence;
import dev.patchtrack.core.review.ReviewInput.Response;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewDeriverTest {

    static final Address ANA = new Address("Ana Lindqvist", "ana@example.com");
    static final Address BOB = new Address("Bob Reviewer", "bob@example.org");
    static final Address CAT = new Address("Cat Maintainer", "cat@example.net");

    static Response reply(String id, Address from, int minute, boolean asks, Trailer... trailers) {
        return new Response(id, from, Instant.parse("2024-05-06T10:00:00Z").plusSeconds(60L * minute), List.of(trailers), asks);
    }

    static Trailer t(String name, Address who) {
        return new Trailer(name, who.toString(), who);
    }

    static StateReason state(List<Response> responses, String newer, Evidence accepted) {
        return ReviewDeriver.patch(new ReviewInput(ANA, ANA, responses, newer, accepted));
    }

    @Test
    void newWhenOnlyTheAuthorSpoke() {
        StateReason s = state(List.of(reply("a1", ANA, 1, false)), null, null);
        assertThat(s.state()).isEqualTo(ReviewState.NEW);
        assertThat(s.messageId()).isNull();
    }

    @Test
    void underReviewWhenSomeoneElseReplied() {
        StateReason s = state(List.of(reply("b1", BOB, 1, false)), null, null);
        assertThat(s.state()).isEqualTo(ReviewState.UNDER_REVIEW);
        assertThat(s.messageId()).isEqualTo("b1");
        assertThat(s.person()).isEqualTo(BOB);
    }

    @Test
    void reviewedByAReviewedByOrAckedByFromSomeoneElse() {
        StateReason s = state(List.of(reply("b1", BOB, 1, false, t("Reviewed-by", BOB))), null, null);
        assertThat(s.state()).isEqualTo(ReviewState.REVIEWED);
        assertThat(s.because()).isEqualTo("Reviewed-by: Bob Reviewer <bob@example.org>");
        assertThat(state(List.of(reply("c1", CAT, 1, false, t("Acked-by", CAT))), null, null).state())
                .isEqualTo(ReviewState.REVIEWED);
        // The author's own Acked-by (sent as a reply) or a Tested-by is no review verdict.
        assertThat(state(List.of(reply("b1", BOB, 1, false, t("Acked-by", ANA))), null, null).state())
                .isEqualTo(ReviewState.UNDER_REVIEW);
        assertThat(state(List.of(reply("b1", BOB, 1, false, t("Tested-by", BOB))), null, null).state())
                .isEqualTo(ReviewState.UNDER_REVIEW);
    }

    @Test
    void theLatestVerdictCountsBetweenChangesRequestedAndReviewed() {
        assertThat(state(List.of(reply("b1", BOB, 1, true), reply("b2", BOB, 9, false, t("Reviewed-by", BOB))), null, null)
                .state()).isEqualTo(ReviewState.REVIEWED);
        StateReason s = state(List.of(reply("c1", CAT, 9, true), reply("b2", BOB, 1, false, t("Reviewed-by", BOB))), null, null);
        assertThat(s.state()).isEqualTo(ReviewState.CHANGES_REQUESTED);
        assertThat(s.messageId()).isEqualTo("c1");
        assertThat(s.because()).contains("Cat Maintainer asked for changes");
    }

    @Test
    void rejectedByANackEvenAfterReviews() {
        StateReason s = state(List.of(reply("b1", BOB, 1, false, t("Reviewed-by", BOB)),
                reply("c1", CAT, 2, false, t("Nacked-by", CAT))), null, null);
        assertThat(s.state()).isEqualTo(ReviewState.REJECTED);
        assertThat(s.messageId()).isEqualTo("c1");
        assertThat(s.person()).isEqualTo(CAT);
    }

    @Test
    void supersededByANewerRevisionUnlessAccepted() {
        StateReason s = state(List.of(reply("c1", CAT, 2, false, t("Nacked-by", CAT))), "v2-cover", null);
        assertThat(s.state()).isEqualTo(ReviewState.SUPERSEDED);
        assertThat(s.messageId()).isEqualTo("v2-cover");
        Evidence applied = new Evidence("ty1", CAT, "applied to rust-next (commit 1a2b3c4)");
        StateReason a = state(List.of(), "v2-cover", applied);
        assertThat(a.state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(a.because()).contains("rust-next");
        assertThat(a.person()).isEqualTo(CAT);
    }

    @Test
    void revisionsRollUpFromTheirPatches() {
        StateReason neu = new StateReason(ReviewState.NEW, null, null, "x");
        StateReason rev = new StateReason(ReviewState.REVIEWED, "b1", BOB, "Reviewed-by");
        StateReason acc = new StateReason(ReviewState.ACCEPTED, "ty", CAT, "applied");
        StateReason nak = new StateReason(ReviewState.REJECTED, "n1", CAT, "Nacked-by");
        StateReason sup = new StateReason(ReviewState.SUPERSEDED, "v2", null, "newer");
        assertThat(ReviewDeriver.rollUp(List.of(acc, acc)).state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(ReviewDeriver.rollUp(List.of(sup, sup)).state()).isEqualTo(ReviewState.SUPERSEDED);
        assertThat(ReviewDeriver.rollUp(List.of(rev, nak, neu))).isEqualTo(nak);
        assertThat(ReviewDeriver.rollUp(List.of(rev, acc))).isEqualTo(rev);
        assertThat(ReviewDeriver.rollUp(List.of(rev, neu)).state()).isEqualTo(ReviewState.UNDER_REVIEW);
        assertThat(ReviewDeriver.rollUp(List.of(neu, neu)).state()).isEqualTo(ReviewState.NEW);
        assertThat(ReviewDeriver.rollUp(List.of()).state()).isEqualTo(ReviewState.NEW);
    }

    @Test
    void changeRequestsAreReadFromUnquotedLines() {
        assertThat(ChangeRequests.asked("Looks mostly fine.\n\nPlease split this into two patches.\n")).isTrue();
        assertThat(ChangeRequests.asked("This needs a v2 with the comment fixed.")).isTrue();
        assertThat(ChangeRequests.asked("Could you rename `foo` to `bar`?")).isTrue();
        assertThat(ChangeRequests.asked("> please fix the typo\nDone in v2.\n")).isFalse();
        assertThat(ChangeRequests.asked("Thanks, looks good to me.\n\nReviewed-by: Bob <bob@example.org>\n")).isFalse();
        assertThat(ChangeRequests.asked("LGTM\n-- \nplease fix your mailer\n")).isFalse();
        assertThat(ChangeRequests.asked(null)).isFalse();
    }

    @Test
    void objectionsAndRequestsForTheNextVersionAreChangeRequests() {
        // real kbuild and pci replies: a maintainer's objection, a request for the next submission
        assertThat(ChangeRequests.asked("I do not like this patch.")).isTrue();
        assertThat(ChangeRequests.asked("Please no. This belongs in the Makefile.")).isTrue();
        assertThat(ChangeRequests.asked("On your next submission, please Cc the PCI list.")).isTrue();
        assertThat(ChangeRequests.asked("Please explain in the commit message why this is safe.")).isTrue();
        // a question is not a change request, nor is reassurance
        assertThat(ChangeRequests.asked("Could you please explain more about what is the intention here?")).isFalse();
        assertThat(ChangeRequests.asked("Please don't worry about it, I will take it.")).isFalse();
    }

    @Test
    void theAuthorsPromiseOfANewVersionIsReadOnlyFromTheAuthor() {
        assertThat(ChangeRequests.promised("OK, I will wrap it in v2.")).isTrue();
        assertThat(ChangeRequests.promised("Thanks, I'll send a v3 with that fixed.")).isTrue();
        assertThat(ChangeRequests.promised("I will come back with an RFC series.")).isTrue();
        assertThat(ChangeRequests.promised("Thanks for the review, I will add your tag.")).isFalse();
        assertThat(ChangeRequests.promised("> I will send a v2\nApplied, thanks.")).isFalse();

        Response promise = new Response("a2", ANA, Instant.parse("2024-05-06T11:00:00Z"), List.of(), false, true);
        // after a review, the author's promise leaves the patch waiting for the new version
        StateReason s = state(List.of(reply("b1", BOB, 1, false, t("Reviewed-by", BOB)), promise), null, null);
        assertThat(s.state()).isEqualTo(ReviewState.CHANGES_REQUESTED);
        assertThat(s.messageId()).isEqualTo("a2");
        assertThat(s.because()).contains("(the author) promised a new version");
        // a later review still counts as the latest verdict
        assertThat(state(List.of(promise, reply("b3", BOB, 90, false, t("Reviewed-by", BOB))), null, null).state())
                .isEqualTo(ReviewState.REVIEWED);
        // the same words from someone else promise nothing of the author's
        Response other = new Response("b2", BOB, Instant.parse("2024-05-06T11:00:00Z"), List.of(), false, true);
        assertThat(state(List.of(other), null, null).state()).isEqualTo(ReviewState.UNDER_REVIEW);
        // the author writing from another address is still the author
        Response moved = new Response("a3", new Address("Ana Lindqvist", "ana@kernel.org"),
                Instant.parse("2024-05-06T11:00:00Z"), List.of(), false, true);
        assertThat(state(List.of(moved), null, null).state()).isEqualTo(ReviewState.CHANGES_REQUESTED);
    }

    @Test
    void aTagCarriedFromAnEarlierVersionIsTheFirstVerdict() {
        ReviewInput carried = new ReviewInput(ANA, ANA, List.of(), null, null, "p1", List.of(t("Reviewed-by", BOB)));
        StateReason s = ReviewDeriver.patch(carried);
        assertThat(s.state()).isEqualTo(ReviewState.REVIEWED);
        assertThat(s.messageId()).isEqualTo("p1");
        assertThat(s.because()).startsWith("carries Reviewed-by: Bob Reviewer");
        // the author's own tags and Signed-off-by are no review
        assertThat(ReviewDeriver.patch(new ReviewInput(ANA, ANA, List.of(), null, null, "p1",
                List.of(t("Signed-off-by", ANA), t("Acked-by", ANA)))).state()).isEqualTo(ReviewState.NEW);
        // a later request for changes is the latest verdict
        assertThat(ReviewDeriver.patch(new ReviewInput(ANA, ANA, List.of(reply("c1", CAT, 5, true)), null, null, "p1",
                List.of(t("Reviewed-by", BOB)))).state()).isEqualTo(ReviewState.CHANGES_REQUESTED);
        // a posting where only some patches carry tags and nobody replied is still new
        StateReason none = ReviewDeriver.patch(new ReviewInput(ANA, ANA, List.of(), null, null, "p2", List.of()));
        assertThat(ReviewDeriver.rollUp(List.of(s, none)).state()).isEqualTo(ReviewState.NEW);
        assertThat(ReviewDeriver.rollUp(List.of(s, s)).state()).isEqualTo(ReviewState.REVIEWED);
    }

    @Test
    void aPostingPartlyTakenAndOtherwiseCarriedOnIsSuperseded() {
        // "Applied (1-4) to rust-next", 5-7 came back as v9
        StateReason taken = new StateReason(ReviewState.ACCEPTED, "ty", CAT, "applied to rust-next");
        StateReason newer = new StateReason(ReviewState.SUPERSEDED, "v9", null, "a newer revision was posted: <v9>");
        StateReason s = ReviewDeriver.rollUp(List.of(taken, taken, newer));
        assertThat(s.state()).isEqualTo(ReviewState.SUPERSEDED);
        assertThat(s.messageId()).isEqualTo("v9");
        assertThat(s.because()).startsWith("2 of 3 patches accepted");
    }
}
