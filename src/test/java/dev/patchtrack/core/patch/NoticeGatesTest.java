package dev.patchtrack.core.patch;

import dev.patchtrack.core.model.GateCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The word gates before the applied-notice and reply-name expressions stop no line the expressions match. */
class NoticeGatesTest {

    @Test
    void theNoticeGateLetsThroughEveryNotice() {
        GateCheck.holdsOnRealMail(AppliedParser.NOTICE_WORDS, AppliedParser.BOT,
                "This series was applied to netdev/net-next.git (main):", "this PULL REQUEST was applied to x");
        GateCheck.holdsOnRealMail(AppliedParser.NOTICE_WORDS, AppliedParser.APPLIED,
                "Applied, thanks!", "Thanks, APPLIED to rust-next.", "ok. I've now applied (1-3) to `x`", "applied");
        GateCheck.holdsOnRealMail(AppliedParser.NOTICE_WORDS, AppliedParser.QUEUED,
                "Queued, thanks!", "Picked up the series for 6.9, thanks", "Pushed to for-next.", "Took it, thanks",
                "TAKEN into my tree.", "Pulled, thanks.", "Pull, thanks");
        GateCheck.holdsOnRealMail(AppliedParser.NOTICE_WORDS, AppliedParser.TENTATIVE, "Tentatively APPLIED, thanks");
        GateCheck.holdsOnRealMail(AppliedParser.NOTICE_WORDS, AppliedParser.SQUASHED,
                "Squashed.", "Thanks, I've folded it into for-next.", "OK, squashed it in, thanks!");
        GateCheck.holdsOnRealMail(AppliedParser.NOTICE_WORDS, AppliedParser.DROPPED,
                "I dropped v1 for now", "Reverted it.", "Sorry, I've backed out the series", "un-applied this",
                "I have unapplied them", "Unqueued these.");
    }

    @Test
    void theAddedGateLetsThroughEveryNoticeEvenAcrossTwoLines() {
        List<String> joined = new ArrayList<>();
        List<String> real = GateCheck.realLines();
        for (int i = 0; i + 1 < real.size(); i++) {
            if (real.get(i).indexOf('i') >= 0 || real.get(i).indexOf('I') >= 0) {
                joined.add(real.get(i) + " " + real.get(i + 1).strip());
            }
        }
        GateCheck.holds(AppliedParser.ADDED_WORDS, AppliedParser.ADDED, joined);
        GateCheck.holdsOnRealMail(AppliedParser.ADDED_WORDS, AppliedParser.ADDED,
                "I've added them all to my driver-core-testing branch", "I have APPLIED it to the foo tree",
                "i've queued these into `x` branch", "I have taken the series in my fixes tree",
                "I've picked up this to rust-next branch");
    }

    @Test
    void theReplyNameGatesLetThroughEveryMention() {
        GateCheck.holdsOnRealMail(ReplyNames.WHOLE_WORDS, ReplyNames.WHOLE,
                "For the whole series:", "for the ENTIRE patchset:", "Either way, for this set:", "Both patches:",
                "  all of them", "to all of these patches", "For the series,");
        GateCheck.holdsOnRealMail(ReplyNames.EXCEPT_WORDS, ReplyNames.EXCEPT,
                "with the exception of patch 2", "EXCEPT for patches 2 and 3", "other than 3/5", "apart from patch 1",
                "excluding patch 4", "but not 2/7");
        GateCheck.holdsOnRealMail(ReplyNames.PATCH_WORD, ReplyNames.ALSO,
                "Same for patch 1/2.", "also for PATCH 3", "for patches 2-4 as well", "And for patch 5");
        GateCheck.holdsOnRealMail(ReplyNames.PATCH_WORD, ReplyNames.PATCH_WORDS, "Patch 3/5 looks good", "PATCHES 1-2");
    }
}
