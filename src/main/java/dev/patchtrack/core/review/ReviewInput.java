package dev.patchtrack.core.review;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.Trailer;
import java.time.Instant;
import java.util.List;

/**
 * The facts about one patch that decide its state.
 *
 * @param author          the patch author (and the sender: both count as "the author")
 * @param sender          who sent the patch
 * @param responses       replies that concern this patch (to it, or to its cover letter), any order
 * @param newerRevision   the message that heads a newer revision of the same series, null when none
 * @param accepted        the evidence that it was accepted (an applied notice, a commit in a tree), null when none
 * @param patchMessageId  the patch itself, null when unknown
 * @param carried         the trailers the patch carries in its own commit message (given to an earlier
 *                        version and kept, as b4 and git-am keep them)
 */
public record ReviewInput(Address author, Address sender, List<Response> responses, String newerRevision,
                          Evidence accepted, String patchMessageId, List<Trailer> carried) {

    public ReviewInput {
        responses = List.copyOf(responses);
        carried = carried == null ? List.of() : List.copyOf(carried);
    }

    /** A patch that carries no trailers of its own. */
    public ReviewInput(Address author, Address sender, List<Response> responses, String newerRevision,
                       Evidence accepted) {
        this(author, sender, responses, newerRevision, accepted, null, List.of());
    }

    /**
     * One reply.
     *
     * @param messageId      the reply
     * @param from           who wrote it
     * @param date           when, null if unknown
     * @param trailers       the trailers it gives to this patch
     * @param asksForChanges the reply asks for changes (see {@link ChangeRequests})
     * @param promisesRevision the reply promises a new version; it counts when the author wrote it
     */
    public record Response(String messageId, Address from, Instant date, List<Trailer> trailers, boolean asksForChanges,
            boolean promisesRevision) {
        public Response {
            trailers = List.copyOf(trailers);
        }

        /** A reply that promises nothing. */
        public Response(String messageId, Address from, Instant date, List<Trailer> trailers, boolean asksForChanges) {
            this(messageId, from, date, trailers, asksForChanges, false);
        }
    }

    /**
     * Why something is accepted.
     *
     * @param messageId the applied notice or pull request, null for a commit found in a tree
     * @param person    who applied it, null if unknown
     * @param detail    e.g. {@code applied to rust-next (commit 1a2b3c4)}
     */
    public record Evidence(String messageId, Address person, String detail) {
    }
}
