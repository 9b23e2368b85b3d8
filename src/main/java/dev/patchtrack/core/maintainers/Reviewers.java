package dev.patchtrack.core.maintainers;

import dev.patchtrack.core.maintainers.Maintainers.Listed;
import dev.patchtrack.core.model.Trailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who of the people MAINTAINERS lists for a revision has answered it: with a review trailer
 * (Reviewed-by, Acked-by, Tested-by), with a reply in its threads, or not yet. The revision's own
 * authors are not asked to review their work and are left out.
 */
public final class Reviewers {

    /** The trailers that count as a review. */
    public static final Set<String> REVIEW_TRAILERS = Set.copyOf(Trailer.REVIEW_NAMES);

    /** Where a listed person stands on a revision; a trailer beats a reply. */
    public enum Status {
        TRAILER, REPLIED, WAITING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A listed person and where they stand. */
    public record Reviewer(Listed listed, Status status) {
    }

    private Reviewers() {
    }

    /**
     * @param authors   case-folded addresses of the revision's authors
     * @param trailers  case-folded addresses of those who gave it a review trailer
     * @param replied   case-folded addresses of those who wrote in its threads
     */
    public static List<Reviewer> of(List<Listed> listed, Set<String> authors, Set<String> trailers, Set<String> replied) {
        List<Reviewer> out = new ArrayList<>();
        for (Listed l : listed) {
            if (authors.contains(l.key())) {
                continue;
            }
            Status s = trailers.contains(l.key()) ? Status.TRAILER : replied.contains(l.key()) ? Status.REPLIED : Status.WAITING;
            out.add(new Reviewer(l, s));
        }
        return out;
    }

    /** Whether the revision waits on this address: listed for it, and no trailer or reply from them yet. */
    public static boolean waitsOn(List<Reviewer> reviewers, String address) {
        String key = address.toLowerCase(Locale.ROOT);
        return reviewers.stream().anyMatch(r -> r.status() == Status.WAITING && r.listed().key().equals(key));
    }
}
