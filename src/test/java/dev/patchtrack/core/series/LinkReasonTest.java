package dev.patchtrack.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.series.SeriesModel.LinkReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Link reasons by the names the API and the revision rows use. */
class LinkReasonTest {

    @Test
    void everyReasonHasTheNameRevisionsAreStoredWith() {
        assertThat(Arrays.stream(LinkReason.values()).map(LinkReason::wireName))
                .containsExactly("change-id", "explicit-link", "cover-reply", "heuristic");
    }
}
