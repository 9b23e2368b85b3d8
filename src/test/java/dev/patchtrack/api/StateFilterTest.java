package dev.patchtrack.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.patchtrack.core.review.ReviewState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ?state=}: read into review states once, an unknown word a 400 that lists the known ones. */
class StateFilterTest {

    @Test
    void statesAreReadOnceRepeatedOrCommaSeparated() {
        assertThat(Filters.states(List.of("new,under-review", " accepted ", ""))).containsExactly(ReviewState.NEW,
                ReviewState.UNDER_REVIEW, ReviewState.ACCEPTED);
        assertThat(Filters.states(null)).isEmpty();
    }

    @Test
    void anUnknownStateNamesTheParameterAndTheKnownStates() {
        ApiProblem p = catchThrowableOfType(() -> Filters.states(List.of("new", "merged")), ApiProblem.class);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.parameter()).isEqualTo("state");
        assertThat(p.getMessage()).startsWith("unknown state 'merged';").endsWith(" states are new, under-review,"
                + " reviewed, changes-requested, accepted, superseded, rejected");
    }
}
