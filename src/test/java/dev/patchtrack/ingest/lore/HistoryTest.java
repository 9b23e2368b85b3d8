package dev.patchtrack.ingest.lore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void fullReadsTheWholeArchive() {
        assertThat(History.parse("full").full()).isTrue();
        assertThat(History.parse(" ALL ").from(NOW)).isNull();
        assertThat(History.parse("full").describe()).isEqualTo("full history");
    }

    @Test
    void aWindowCountsBackFromTheFirstSync() {
        assertThat(History.parse("90d").from(NOW)).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(History.parse("12w").window()).isEqualTo(Duration.ofDays(84));
        assertThat(History.parse("1y").window()).isEqualTo(Duration.ofDays(365));
        assertThat(History.parse("P30D").from(NOW)).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(History.parse("90d").describe()).isEqualTo("the last 90 days");
    }

    @Test
    void aDateReadsFromThatDayWhenTheSyncRuns() {
        History h = History.parse("2024-01-01");
        assertThat(h.from(NOW)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(h.from(NOW.plus(Duration.ofDays(400)))).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(h.describe()).isEqualTo("since 2024-01-01");
    }

    @Test
    void anythingElseIsAnErrorNamingTheForms() {
        for (String bad : new String[] {"", "lots", "0d", "-3d", "P0D", "PXD", "2024-13-01", "90"}) {
            assertThatThrownBy(() -> History.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("full, a window such as 90d");
        }
        assertThatThrownBy(() -> History.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
