package dev.lightspeedsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.internal.http.Backoff;
import dev.lightspeedsync.client.internal.http.RetryAfter;
import dev.lightspeedsync.client.internal.retail.BucketHeaders;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderParsingTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @ParameterizedTest(name = "Retry-After ''{0}'' -> {1} ms")
  @CsvSource(nullValues = "none", value = {
      "3, 3000",
      "0, 0",
      "1.5, 1500",
      "'Mon, 23 Nov 2026 10:00:07 GMT', 7000",
      "'Mon, 23 Nov 2026 09:59:00 GMT', 0",
      "soon, none",
      "-4, none",
      "none, none"})
  void retryAfterIsDeltaSecondsOrAnHttpDate(String value, Long expectedMillis) {
    Optional<Duration> parsed = RetryAfter.parse(value, NOW);
    if (expectedMillis == null) {
      assertThat(parsed).isEmpty();
    } else {
      assertThat(parsed).contains(Duration.ofMillis(expectedMillis));
    }
  }

  @ParameterizedTest(name = "bucket ''{0}'' drip ''{1}''")
  @CsvSource(nullValues = "none", value = {
      "1/90, 1, 1, 90, 1",
      "92.57/90, 1.5, 92.57, 90, 1.5",
      "garbage, 2, none, none, 2",
      "5/0, 2, none, none, 2",
      "none, x, none, none, none"})
  void bucketHeadersAreParsedLeniently(String bucket, String drip, String level, String size, String rate) {
    Headers.Builder h = new Headers.Builder();
    if (bucket != null) {
      h.add("x-ls-api-bucket-level", bucket);
    }
    h.add("X-LS-Api-Drip-Rate", drip);
    BucketHeaders parsed = BucketHeaders.parse(h.build());
    assertThat(parsed.bucketLevel()).isEqualTo(level == null ? null : new BigDecimal(level));
    assertThat(parsed.bucketSize()).isEqualTo(size == null ? null : new BigDecimal(size));
    assertThat(parsed.dripRate()).isEqualTo(rate == null ? null : new BigDecimal(rate));
  }

  @ParameterizedTest(name = "attempt {0}, random {1} -> {2} ms")
  @CsvSource({
      "1, 0.0, 250",
      "1, 0.999, 499",
      "2, 0.0, 500",
      "3, 0.5, 1500",
      "10, 0.0, 15000",
      "30, 0.999, 29985"})
  void backoffGrowsExponentiallyWithJitterUpToTheMaximum(int attempt, double random, long expected) {
    assertThat(Backoff.delay(attempt, Duration.ofMillis(500), Duration.ofSeconds(30), random))
        .isEqualTo(Duration.ofMillis(expected));
  }
}
