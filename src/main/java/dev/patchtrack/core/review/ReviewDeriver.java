package dev.patchtrack.core.review;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.Trailer;
import java.util.Comparator;
import java.util.List;

/**
 * Derives review states from facts, each with its reason. For one patch, strongest first: accepted;
 * superseded (a newer revision exists); rejected (a Nacked-by from someone else); then the latest
 * verdict of the replies: changes-requested (someone else asked for changes, or the author promised
 * a new version) or reviewed (Reviewed-by or Acked-by from someone else), where a Reviewed-by or
 * Acked-by the patch carries from an earlier version is the first verdict, older than any reply;
 * under-review (any reply from someone else); new. The author is recognised by address or, writing from another address, by
 * a name of two words or more.
 */
public final class ReviewDeriver {

    /** How the reason of a verdict carried in the patch itself begins. */
    private static final String CARRIES = "carries ";

    private ReviewDeriver() {
    }

    public static StateReason patch(ReviewInput in) {
        if (in.accepted() != null) {
            return new StateReason(ReviewState.ACCEPTED, in.accepted().messageId(), in.accepted().person(),
                    in.accepted().detail());
        }
        if (in.newerRevision() != null) {
            return new StateReason(ReviewState.SUPERSEDED, in.newerRevision(), null,
                    "a newer revision was posted: <" + in.newerRevision() + ">");
        }
        List<ReviewInput.Response> others = sorted(in.responses()).stream().filter(r -> !isAuthor(in, r.from())).toList();
        for (ReviewInput.Response r : others) {
            for (Trailer t : r.trailers()) {
                if (t.name().equals("Nacked-by")) {
                    return new StateReason(ReviewState.REJECTED, r.messageId(), person(t, r), t.name() + ": " + t.value());
                }
            }
        }
        StateReason verdict = null;
        for (Trailer t : in.carried()) {
            if ((t.name().equals("Reviewed-by") || t.name().equals("Acked-by")) && t.person() != null
                    && !isAuthor(in, t.person())) {
                verdict = new StateReason(ReviewState.REVIEWED, in.patchMessageId(), t.person(),
                        CARRIES + t.name() + ": " + t.value() + " (given to an earlier version)");
                break;
            }
        }
        for (ReviewInput.Response r : sorted(in.responses())) {
            if (isAuthor(in, r.from())) {
                if (r.promisesRevision()) {
                    verdict = new StateReason(ReviewState.CHANGES_REQUESTED, r.messageId(), r.from(),
                            r.from().displayName() + " (the author) promised a new version");
                }
                continue;
            }
            for (Trailer t : r.trailers()) {
                if ((t.name().equals("Reviewed-by") || t.name().equals("Acked-by")) && !isAuthor(in, person(t, r))) {
                    verdict = new StateReason(ReviewState.REVIEWED, r.messageId(), person(t, r), t.name() + ": " + t.value());
                }
            }
            if (r.asksForChanges() && r.trailers().stream().noneMatch(t -> t.name().equals("Reviewed-by")
                    || t.name().equals("Acked-by"))) {
                verdict = new StateReason(ReviewState.CHANGES_REQUESTED, r.messageId(), r.from(),
                        r.from().displayName() + " asked for changes");
            }
        }
        if (verdict != null) {
            return verdict;
        }
        if (!others.isEmpty()) {
            ReviewInput.Response first = others.get(0);
            return new StateReason(ReviewState.UNDER_REVIEW, first.messageId(), first.from(),
                    others.size() + (others.size() == 1 ? " reply" : " replies") + " from others, no verdict yet");
        }
        return new StateReason(ReviewState.NEW, null, null, "no reply from anyone but the author");
    }

    /**
     * A revision's state from its patches': accepted or superseded when every patch is, superseded
     * when each is one or the other (partly taken, the rest carried on in a newer revision); rejected or
     * changes-requested when any patch is; reviewed when every patch is reviewed (or accepted);
     * under-review when any patch has replies (a tag carried from an earlier version is none); else
     * new. The reason is the deciding patch's.
     */
    public static StateReason rollUp(List<StateReason> patches) {
        if (patches.isEmpty()) {
            return new StateReason(ReviewState.NEW, null, null, "no patches received");
        }
        for (ReviewState all : List.of(ReviewState.ACCEPTED, ReviewState.SUPERSEDED)) {
            if (patches.stream().allMatch(p -> p.state() == all)) {
                return patches.get(0);
            }
        }
        if (patches.stream().allMatch(p -> p.state() == ReviewState.ACCEPTED || p.state() == ReviewState.SUPERSEDED)) {
            // some patches taken, the rest carried on in a newer revision: this posting is done
            long taken = patches.stream().filter(p -> p.state() == ReviewState.ACCEPTED).count();
            StateReason newer = patches.stream().filter(p -> p.state() == ReviewState.SUPERSEDED).findFirst().orElseThrow();
            return new StateReason(ReviewState.SUPERSEDED, newer.messageId(), newer.person(), taken + " of "
                    + patches.size() + " patches accepted, the others carried on: " + newer.because());
        }
        for (ReviewState any : List.of(ReviewState.REJECTED, ReviewState.CHANGES_REQUESTED)) {
            for (StateReason p : patches) {
                if (p.state() == any) {
                    return p;
                }
            }
        }
        if (patches.stream().allMatch(p -> p.state() == ReviewState.REVIEWED || p.state() == ReviewState.ACCEPTED)) {
            return patches.stream().filter(p -> p.state() == ReviewState.REVIEWED).findFirst().orElse(patches.get(0));
        }
        for (StateReason p : patches) {
            // a tag carried from an earlier version is no reply: alone it leaves a partly reviewed posting new
            if (p.state() != ReviewState.NEW && !(p.state() == ReviewState.REVIEWED && p.because().startsWith(CARRIES))) {
                return new StateReason(ReviewState.UNDER_REVIEW, p.messageId(), p.person(),
                        p.state() == ReviewState.UNDER_REVIEW ? p.because() : "some patches " + p.state().wireName());
            }
        }
        return patches.stream().filter(p -> p.state() == ReviewState.NEW).findFirst().orElse(patches.get(0));
    }

    private static List<ReviewInput.Response> sorted(List<ReviewInput.Response> responses) {
        return responses.stream()
                .sorted(Comparator.comparing(ReviewInput.Response::date, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ReviewInput.Response::messageId))
                .toList();
    }

    private static boolean isAuthor(ReviewInput in, Address who) {
        if (who == null) {
            return false;
        }
        return (in.author() != null && in.author().samePerson(who)) || (in.sender() != null && in.sender().samePerson(who));
    }

    private static Address person(Trailer t, ReviewInput.Response r) {
        return t.person() != null ? t.person() : r.from();
    }
}
