package dev.lightspeedsync.examples.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * An OkHttp network interceptor that adds up the {@code X-LS-API-Request-Cost} the R-Series server
 * charged for every answered request (below 400), and keeps the bucket size and drip rate it
 * announced, so the floors use the server's own accounting. Thread-safe.
 */
final class CostMeter implements Interceptor {
  private final LongAdder costMillis = new LongAdder();
  private final LongAdder charged = new LongAdder();
  private final AtomicReference<BigDecimal> bucketSize = new AtomicReference<>();
  private final AtomicReference<BigDecimal> dripRate = new AtomicReference<>();

  /** An OkHttpClient with this meter on its network chain. */
  OkHttpClient client() {
    return new OkHttpClient.Builder().addNetworkInterceptor(this).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response r = chain.proceed(chain.request());
    String cost = r.header("X-LS-API-Request-Cost");
    if (cost != null && r.code() < 400) {
      costMillis.add(new BigDecimal(cost).movePointRight(3).longValue());
      charged.increment();
    }
    String level = r.header("X-LS-API-Bucket-Level");
    if (level != null && level.contains("/")) {
      bucketSize.set(new BigDecimal(level.substring(level.indexOf('/') + 1)));
    }
    String drip = r.header("X-LS-API-Drip-Rate");
    if (drip != null) {
      dripRate.set(new BigDecimal(drip));
    }
    return r;
  }

  /** Drips charged so far. */
  double drips() {
    return costMillis.sum() / 1000.0;
  }

  /** Requests charged so far. */
  long charged() {
    return charged.sum();
  }

  double bucketSize() {
    BigDecimal b = bucketSize.get();
    if (b == null) {
      throw new IllegalStateException("no X-LS-API-Bucket-Level seen");
    }
    return b.doubleValue();
  }

  double dripRate() {
    BigDecimal d = dripRate.get();
    if (d == null) {
      throw new IllegalStateException("no X-LS-API-Drip-Rate seen");
    }
    return d.doubleValue();
  }
}
