package dev.patchtrack.ingest.lore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceHealthTest {

    static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");
    static final long HOUR = 3600;

    static SourceHealth.Record record(Instant started, Instant finished, Instant success, String error, Instant errorAt,
                                      long failures) {
        return new SourceHealth.Record(true, CREATED, started, finished, success, error, errorAt, failures, HOUR);
    }

    @Test
    void aNewSourceWaitsUntilItsStaleLimit() {
        SourceHealth h = SourceHealth.of(record(null, null, null, null, null, 0), CREATED.plusSeconds(60));
        assertThat(h.word()).isEqualTo("waiting");
        assertThat(h.down()).isFalse();
        SourceHealth late = SourceHealth.of(record(null, null, null, null, null, 0), CREATED.plusSeconds(2 * HOUR));
        assertThat(late.word()).isEqualTo("stale");
        assertThat(late.down()).isTrue();
    }

    @Test
    void aFirstSyncStillRunningIsSaidSo() {
        Instant t = CREATED.plusSeconds(5);
        SourceHealth h = SourceHealth.of(record(t, null, null, null, null, 0), t.plusSeconds(30));
        assertThat(h.word()).isEqualTo("waiting");
        assertThat(h.detail()).contains("first sync is running");
    }

    @Test
    void aSourceThatRanAndNeverSucceededIsDownAtOnce() {
        Instant t = CREATED.plusSeconds(5);
        SourceHealth h = SourceHealth.of(record(t, t.plusSeconds(1), null, "HTTP 404", t.plusSeconds(1), 1),
                t.plusSeconds(2));
        assertThat(h.word()).isEqualTo("never-succeeded");
        assertThat(h.down()).isTrue();
        assertThat(h.detail()).contains("HTTP 404").contains("1 run(s)");
        assertThat(SourceHealth.stale(record(t, t.plusSeconds(1), null, "HTTP 404", t.plusSeconds(1), 1), t.plusSeconds(2)))
                .isFalse();
    }

    @Test
    void aFailureAfterASuccessIsFailingUntilStale() {
        Instant ok = CREATED.plusSeconds(60);
        Instant err = ok.plusSeconds(300);
        SourceHealth h = SourceHealth.of(record(err, err, ok, "timeout", err, 1), err.plusSeconds(1));
        assertThat(h.word()).isEqualTo("failing");
        assertThat(h.down()).isFalse();
        SourceHealth later = SourceHealth.of(record(err, err, ok, "timeout", err, 1), ok.plusSeconds(2 * HOUR));
        assertThat(later.word()).isEqualTo("stale");
        assertThat(later.detail()).contains("timeout");
        assertThat(later.down()).isTrue();
    }

    @Test
    void aRecoveredSourceIsOkAndADisabledOneIsNeverDown() {
        Instant err = CREATED.plusSeconds(60);
        Instant ok = err.plusSeconds(60);
        assertThat(SourceHealth.of(record(ok, ok, ok, "timeout", err, 1), ok.plusSeconds(1)).word()).isEqualTo("ok");
        SourceHealth off = SourceHealth.of(new SourceHealth.Record(false, CREATED, null, null, null, null, null, 0, HOUR),
                CREATED.plusSeconds(10 * HOUR));
        assertThat(off.word()).isEqualTo("disabled");
        assertThat(off.down()).isFalse();
    }
}
