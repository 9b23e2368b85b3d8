package dev.patchtrack.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApproxidateTest {

    static final Instant NOW = Instant.parse("2024-06-15T10:30:00Z");

    static Instant at(String text) {
        Approxidate.Point p = Approxidate.parse(text, NOW);
        assertThat(p.problem()).as(text).isNull();
        return p.instant();
    }

    static String problem(String text) {
        Approxidate.Point p = Approxidate.parse(text, NOW);
        assertThat(p.ok()).as(text).isFalse();
        return p.problem();
    }

    @Test
    void isoDatesAndDateTimesAreUtc() {
        assertThat(at("2024-05-01")).isEqualTo("2024-05-01T00:00:00Z");
        assertThat(at("2024-05-01T12:00:00Z")).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(at("2024-05-01T12:00:00+02:00")).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(at("2024-05-01 12:00")).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(at("2024-05-01t12:00:00z")).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(at("20240501")).isEqualTo("2024-05-01T00:00:00Z");
        assertThat(at("20240501123000")).isEqualTo("2024-05-01T12:30:00Z");
        assertThat(Approxidate.parse("2024-05-01", NOW).day()).isTrue();
        assertThat(Approxidate.parse("2024-05-01T12:00:00Z", NOW).day()).isFalse();
    }

    @Test
    void wordsCountBackFromNow() {
        assertThat(at("now")).isEqualTo(NOW);
        assertThat(at("today")).isEqualTo("2024-06-15T00:00:00Z");
        assertThat(at("yesterday")).isEqualTo("2024-06-14T00:00:00Z");
        assertThat(at("Yesterday")).isEqualTo("2024-06-14T00:00:00Z");
        assertThat(at("2.weeks.ago")).isEqualTo("2024-06-01T10:30:00Z");
        assertThat(at("2 weeks ago")).isEqualTo("2024-06-01T10:30:00Z");
        assertThat(at("1.week.2.days.ago")).isEqualTo("2024-06-06T10:30:00Z");
        assertThat(at("3.months.ago")).isEqualTo("2024-03-15T10:30:00Z");
        assertThat(at("last.week")).isEqualTo("2024-06-08T10:30:00Z");
        assertThat(at("1.year")).isEqualTo("2023-06-15T10:30:00Z");
    }

    @Test
    void shortForms() {
        assertThat(at("3d")).isEqualTo("2024-06-12T10:30:00Z");
        assertThat(at("12h")).isEqualTo("2024-06-14T22:30:00Z");
        assertThat(at("2w")).isEqualTo("2024-06-01T10:30:00Z");
        assertThat(at("6mo")).isEqualTo("2023-12-15T10:30:00Z");
        assertThat(at("1y")).isEqualTo("2023-06-15T10:30:00Z");
        assertThat(at("30min")).isEqualTo("2024-06-15T10:00:00Z");
        assertThat(problem("3m")).contains("ambiguous").contains("3min").contains("3mo");
    }

    @Test
    void whatIsNoDateSaysWhatIs() {
        assertThat(problem("soon")).contains("'soon' is not a date").contains("2.weeks.ago").contains("3d");
        assertThat(problem("2.fortnights.ago")).contains("not a date");
        assertThat(problem("2024-13-45")).contains("not a valid date");
        assertThat(problem("20241345")).contains("not a valid date");
        assertThat(problem("")).contains("empty");
        assertThat(problem("9999999999.days.ago")).contains("not a date");
    }

    @Test
    void rangesAsLoreTakesThem() {
        Approxidate.Range closed = Approxidate.range("2024-06-01..2024-06-30", NOW);
        assertThat(closed.from()).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(closed.to()).as("a day at the end counts whole").isEqualTo("2024-07-01T00:00:00Z");
        Approxidate.Range open = Approxidate.range("last.week..", NOW);
        assertThat(open.from()).isEqualTo("2024-06-08T10:30:00Z");
        assertThat(open.to()).isNull();
        Approxidate.Range until = Approxidate.range("..2.days.ago", NOW);
        assertThat(until.from()).isNull();
        assertThat(until.to()).isEqualTo("2024-06-13T10:30:00Z");
        Approxidate.Range day = Approxidate.range("20240601", NOW);
        assertThat(day.from()).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(day.to()).isEqualTo("2024-06-02T00:00:00Z");
        Approxidate.Range since = Approxidate.range("3d", NOW);
        assertThat(since.from()).isEqualTo("2024-06-12T10:30:00Z");
        assertThat(since.to()).isNull();
        assertThat(Approxidate.range("..", NOW).problem()).contains("at least one side");
        assertThat(Approxidate.range("2024-06-30..2024-06-01", NOW).problem()).contains("ends before it starts");
        assertThat(Approxidate.range("x..", NOW).problem()).contains("not a date");
    }
}
