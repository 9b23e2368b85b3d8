package dev.patchtrack.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Problem.Code;
import dev.patchtrack.core.model.Problem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems as data, and their stored form: what was written before they had codes still reads. */
class ProblemTest {

    @Test
    void aProblemTakesItsCodesSeverityUnlessToldOtherwise() {
        Problem p = Problem.of(Code.NOT_A_MAIL, "not a mail: empty");

        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.offset()).isEqualTo(Problem.NO_OFFSET);
        assertThat(p.at(42).offset()).isEqualTo(42);
        assertThat(Code.MESSAGE_ID_MISSING.wireName()).isEqualTo("message-id-missing");
        assertThat(Severity.WARNING.wireName()).isEqualTo("warning");
    }

    @Test
    void theStoredFormReadsBackTheSame() {
        List<Problem> problems = List.of(Problem.of(Code.DATE_INVALID, "no Date header"),
                Problem.of(Code.CUT, "1 line(s) longer than 1000 bytes cut").at(1234),
                new Problem(Code.COPY, Severity.ERROR, 7, "a copy\twith a tab"));

        assertThat(Problem.decode(Problem.encode(problems))).isEqualTo(problems);
        assertThat(Problem.encode(List.of())).isNull();
        assertThat(Problem.decode(null)).isEmpty();
    }

    @Test
    void rowsStoredBeforeCodesReadAsUnclassifiedWithTheirText() {
        List<Problem> old = Problem.decode("no Date header\nbody: invalid UTF-8, stray bytes read as windows-1252");

        assertThat(old).extracting(Problem::code).containsOnly(Code.UNCLASSIFIED);
        assertThat(Problem.details(old)).containsExactly("no Date header",
                "body: invalid UTF-8, stray bytes read as windows-1252");
    }

    @Test
    void oldAndNewLinesMixWhenMoreIsAppendedToAnOldRow() {
        String stored = "no Date header\n" + Problem.encode(List.of(Problem.of(Code.COPY, "a copy")));

        assertThat(Problem.decode(stored)).containsExactly(Problem.of(Code.UNCLASSIFIED, "no Date header"),
                Problem.of(Code.COPY, "a copy"));
    }

    @Test
    void aLineBreakInADetailCannotSplitIt() {
        Problem p = Problem.of(Code.BODY_UNREADABLE, "body unreadable: line one\nline two");

        assertThat(Problem.decode(Problem.encode(List.of(p)))).singleElement()
                .extracting(Problem::detail).isEqualTo("body unreadable: line one line two");
    }

    @Test
    void anUnknownCodeReadsAsTextRatherThanFailing() {
        assertThat(Problem.decode("no-such-code\twarning\t-1\tsomething")).singleElement()
                .isEqualTo(Problem.of(Code.UNCLASSIFIED, "no-such-code\twarning\t-1\tsomething"));
    }
}
