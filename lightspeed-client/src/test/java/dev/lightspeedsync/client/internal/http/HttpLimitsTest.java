package dev.lightspeedsync.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HttpLimitsTest {
  @Test
  void anOwnedClientGetsTheDefaultsIncludingADeadline() {
    OkHttpClient c = HttpLimits.defaults().client(null);
    assertThat(c.connectTimeoutMillis()).isEqualTo(10_000);
    assertThat(c.readTimeoutMillis()).isEqualTo(30_000);
    assertThat(c.callTimeoutMillis()).isEqualTo(120_000);
    assertThat(HttpLimits.defaults().maxBodyBytes()).isEqualTo(64L * 1024 * 1024);
  }

  @Test
  void aSharedClientKeepsItsOwnTimeoutsButNeverGoesWithoutADeadline() {
    OkHttpClient shared = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build(); // callTimeout 0
    OkHttpClient c = HttpLimits.defaults().client(shared);
    assertThat(c.readTimeoutMillis()).isEqualTo(5_000);
    assertThat(c.callTimeoutMillis()).isEqualTo(120_000);
    assertThat(c.connectionPool()).isSameAs(shared.connectionPool());
  }

  @Test
  void valuesSetOnTheBuilderWin() {
    OkHttpClient shared = new OkHttpClient.Builder().callTimeout(9, TimeUnit.SECONDS).build();
    OkHttpClient c = HttpLimits.defaults().withCallTimeout(Duration.ofMillis(200))
        .withConnectTimeout(Duration.ofSeconds(1)).withReadTimeout(Duration.ofSeconds(2)).client(shared);
    assertThat(c.callTimeoutMillis()).isEqualTo(200);
    assertThat(c.connectTimeoutMillis()).isEqualTo(1_000);
    assertThat(c.readTimeoutMillis()).isEqualTo(2_000);
  }
}
