package dev.patchtrack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.core.model.OverrideTarget;
import dev.patchtrack.core.model.SourceMode;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.core.series.SeriesModel.LinkReason;
import dev.patchtrack.core.model.WireNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The columns that hold enums of shared words: every constant goes in as its wire name and comes back
 * as itself, and a word no constant spells is refused rather than read as something else.
 */
class WireColumnsTest {

    @Test
    void reviewStatesAreStoredAsTheWordsTheRowsAlreadyHold() {
        ReviewStateColumn column = new ReviewStateColumn();
        roundTrips(column, ReviewState.values());
        assertThat(List.of(ReviewState.values()).stream().map(column::convertToDatabaseColumn)).containsExactly(
                "new", "under-review", "reviewed", "changes-requested", "accepted", "superseded", "rejected");
        assertThat(new ReviewColumns().state).isEqualTo(ReviewState.NEW);
        refuses(column, "under_review", "Accepted", "merged", "");
    }

    @Test
    void linkReasonsAreStoredAsTheWordsTheRowsAlreadyHold() {
        LinkReasonColumn column = new LinkReasonColumn();
        roundTrips(column, LinkReason.values());
        assertThat(List.of(LinkReason.values()).stream().map(column::convertToDatabaseColumn))
                .containsExactly("change-id", "explicit-link", "cover-reply", "heuristic");
        refuses(column, "change_id", "HEURISTIC", "subject");
    }

    @Test
    void theOtherColumnsRoundTripToo() {
        roundTrips(new EventKindColumn(), EventKind.values());
        roundTrips(new SourceModeColumn(), SourceMode.values());
        roundTrips(new OverrideTargetColumn(), OverrideTarget.values());
    }

    @Test
    void noStatementSpellsAStateOrALinkReason() throws IOException {
        List<String> words = new ArrayList<>(WireNames.all(ReviewState.class));
        words.addAll(WireNames.all(LinkReason.class));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                words.stream().filter(w -> text.contains("'" + w + "'")).forEach(w -> found.add(f + ": '" + w + "'"));
            }
        }
        assertThat(found).as("bind the enum's wire name instead").isEmpty();
    }

    private static <E extends Enum<E>> void roundTrips(WireColumn<E> column, E[] values) {
        for (E e : values) {
            assertThat(column.convertToEntityAttribute(column.convertToDatabaseColumn(e))).isEqualTo(e);
        }
        assertThat(column.convertToDatabaseColumn(null)).isNull();
        assertThat(column.convertToEntityAttribute(null)).isNull();
    }

    private static void refuses(WireColumn<?> column, String... words) {
        for (String w : words) {
            assertThatThrownBy(() -> column.convertToEntityAttribute(w)).as(w)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + w + "'");
        }
    }
}
