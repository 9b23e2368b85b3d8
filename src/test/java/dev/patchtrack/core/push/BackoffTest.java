package dev.patchtrack.core.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheBaseUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 8);
        assertThat(b.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.after(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.after(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(b.after(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(b.after(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.after(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 3);
        assertThat(b.retries(1)).isTrue();
        assertThat(b.retries(2)).isTrue();
        assertThat(b.retries(3)).isFalse();
    }

    @Test
    void refusesAnImpossibleSetting() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
