package dev.patchtrack.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After as servers send it: seconds, an HTTP date, or something else (ignored). */
class RetryAfterTest {

    static final Instant NOW = Instant.parse("2024-05-06T07:00:00Z");

    @Test
    void secondsAndDatesAreUnderstood() {
        assertThat(HttpFetcher.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(HttpFetcher.retryAfter(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(HttpFetcher.retryAfter("Mon, 06 May 2024 07:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
        assertThat(HttpFetcher.retryAfter("Mon, 06 May 2024 06:59:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anythingElseFallsBackToBackoff() {
        assertThat(HttpFetcher.retryAfter(null, NOW)).isEmpty();
        assertThat(HttpFetcher.retryAfter("soon", NOW)).isEmpty();
        assertThat(HttpFetcher.retryAfter("-5", NOW)).contains(Duration.ZERO);
    }

    @Test
    void onlyFailuresWorthRepeatingAreRetried() {
        assertThat(HttpFetcher.retryable(500)).isTrue();
        assertThat(HttpFetcher.retryable(503)).isTrue();
        assertThat(HttpFetcher.retryable(429)).isTrue();
        assertThat(HttpFetcher.retryable(408)).isTrue();
        assertThat(HttpFetcher.retryable(404)).isFalse();
        assertThat(HttpFetcher.retryable(200)).isFalse();
    }
}
