package dev.lightspeedsync.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FloorsTest {
  private static final int[] ECOM = {300, 3000, 12000};

  @Test
  void leakyBucketFloorIsTheDripsBeyondTheBucketOverTheDripRate() {
    assertThat(Floors.leakyBucketSeconds(3201.5, 90, 1)).isEqualTo(3111.5);
    assertThat(Floors.leakyBucketSeconds(310, 110, 2)).isEqualTo(100.0);
    assertThat(Floors.leakyBucketSeconds(50, 90, 1)).isZero();
    assertThatThrownBy(() -> Floors.leakyBucketSeconds(10, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} requests: last one at second {1}")
  @CsvSource({
      "1, 0",
      "20, 0",        // one second holds 20
      "21, 1",
      "300, 14",      // the first 5-minute window: 15 seconds of 20
      "301, 300",     // the 301st waits for the next 5-minute window
      "600, 314",
      "3000, 2714",   // ten 5-minute windows fill the hour
      "3001, 3600",   // then the hour window, not the 5-minute one, decides
      "3300, 3614",
      "3301, 3900"})
  void ecomFloorFollowsTheWindowsAndTheSecond(long requests, long second) {
    assertThat(Floors.ecomSeconds(requests, ECOM, 20)).isEqualTo(second);
  }

  @Test
  void theDayWindowDecidesAfterTwelveThousand() {
    // 12,000 requests: 4 hours of 3,000 (the 4th hour's last one at 3 h + 2714 s), then the day is spent
    assertThat(Floors.ecomSeconds(12_000, ECOM, 20)).isEqualTo(3 * 3600 + 2714);
    assertThat(Floors.ecomSeconds(12_001, ECOM, 20)).isEqualTo(86_400);
  }

  @Test
  void aSlowerPerSecondCapStretchesEachWindow() {
    // 5 per second: 300 requests take 60 seconds of the window
    assertThat(Floors.ecomSeconds(300, ECOM, 5)).isEqualTo(59);
    assertThat(Floors.ecomSeconds(301, ECOM, 5)).isEqualTo(300);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> Floors.ecomSeconds(0, ECOM, 20)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Floors.fixedWindowSeconds(5, new int[] {1}, new long[] {1, 2}, 20))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
