package dev.patchtrack.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.GateCheck;
import org.junit.jupiter.api.Test;

/** The word gates before the change-request expressions stop no line the expressions match. */
class ChangeRequestsTest {

    @Test
    void theAskGateLetsThroughEveryRequest() {
        GateCheck.holdsOnRealMail(ChangeRequests.ASK_WORDS, ChangeRequests.ASK,
                "PLEASE FIX the typo", "Please split this", "this NEEDS a v3", "it needs to be reworked",
                "Can you rename it?", "could you please drop that", "Changes requested.", "This looks BROKEN",
                "this is unsound", "In the next revision, ...", "on your NEXT posting", "I don't like this",
                "I don\u2019t like to see that", "I do not like the name", "Please no.", "please don't",
                "The commit message should say why", "commit log should", "Please explain in the commit message",
                "Could you mention it in the changelog", "this should not have been added", "x;please update");
    }

    @Test
    void thePromiseGateLetsThroughEveryPromise() {
        GateCheck.holdsOnRealMail(ChangeRequests.PROMISE_WORDS, ChangeRequests.PROMISE,
                "I'll send a v2", "I\u2019ll respin v3", "I WILL post a new version", "I shall resend a new series",
                "I am going to fix that", "i will rework it", "I'll come back with a series", "I will work on a better one",
                "Yes, will do that in v3.", "I'll fold it in for the next version", "I'LL ADDRESS THAT");
    }

    @Test
    void aGatedLineStillReadsAsBefore() {
        assertThat(ChangeRequests.asked("Looks fine.\r\n  Please fix the typo.\r\n")).isTrue();
        assertThat(ChangeRequests.asked("\u2003> please fix\n")).isFalse();
        assertThat(ChangeRequests.asked("ok\n  -- \nplease fix\n")).isFalse();
        assertThat(ChangeRequests.asked("ok\n--\r\nplease fix")).isTrue();
        assertThat(ChangeRequests.promised("Thanks!\n\nI'll send a v2")).isTrue();
        assertThat(ChangeRequests.promised("Thanks!\n\nI'll be out")).isFalse();
    }
}
