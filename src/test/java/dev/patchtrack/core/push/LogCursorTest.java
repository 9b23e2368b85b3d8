package dev.patchtrack.core.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogCursorTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final Duration SETTLE = Duration.ofMinutes(5);

    static LogCursor.Seen seen(long id, Duration ago) {
        return new LogCursor.Seen(id, NOW.minus(ago));
    }

    @Test
    void movesOverIdsThatFollowEachOther() {
        assertThat(LogCursor.advance(10, List.of(seen(11, Duration.ZERO), seen(12, Duration.ZERO), seen(13, Duration.ZERO)),
                NOW, SETTLE)).isEqualTo(13);
    }

    @Test
    void stopsAtAGapThatAnOpenTransactionMayStillFill() {
        assertThat(LogCursor.advance(10, List.of(seen(11, Duration.ZERO), seen(13, Duration.ofSeconds(3)),
                seen(14, Duration.ZERO)), NOW, SETTLE)).isEqualTo(11);
        assertThat(LogCursor.advance(10, List.of(seen(12, Duration.ofMinutes(1))), NOW, SETTLE)).isEqualTo(10);
    }

    @Test
    void passesAGapOnceWhatFollowsItIsOlderThanTheSettleTime() {
        assertThat(LogCursor.advance(10, List.of(seen(11, Duration.ofMinutes(9)), seen(15, Duration.ofMinutes(6)),
                seen(16, Duration.ofMinutes(6)), seen(18, Duration.ofSeconds(1))), NOW, SETTLE)).isEqualTo(16);
    }

    @Test
    void staysWhereItIsWithNothingNew() {
        assertThat(LogCursor.advance(10, List.of(), NOW, SETTLE)).isEqualTo(10);
        assertThat(LogCursor.advance(10, List.of(seen(9, Duration.ZERO), seen(10, Duration.ZERO)), NOW, SETTLE)).isEqualTo(10);
    }
}
