package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.Problem.Code;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The import summary on a terminal: each problem with where, which message, its sentence and its code. */
class SummaryTextTest {

    @Test
    void eachProblemShowsItsOffsetMessageSentenceSeverityAndCode() {
        ImportSummary s = new ImportSummary("rust-for-linux", 2, 1, 0, 1,
                List.of(new ImportSummary.MessageProblem("a@example.org",
                                Problem.of(Code.DATE_INVALID, "no Date header").at(120)),
                        new ImportSummary.MessageProblem(null, Problem.of(Code.INPUT_UNREADABLE, "input truncated"))),
                2, 300, 1500, SeriesRebuilder.Summary.NOTHING, 0, 0, Set.of());

        assertThat(SummaryText.render("x.mbox", s).lines()).containsExactly(
                "x.mbox: 2 read, 1 stored, 0 duplicates, 1 unparseable, 2 problems (1.5 s)",
                "  @120 <a@example.org> no Date header [warning date-invalid]",
                "  input truncated [error input-unreadable]");
    }
}
