package dev.lightspeedsync.testkit;

import dev.lightspeedsync.testkit.internal.EcomLimiter;
import dev.lightspeedsync.testkit.internal.LeakyBucket;
import dev.lightspeedsync.testkit.internal.OAuth;
import dev.lightspeedsync.testkit.internal.RequestStats;
import dev.lightspeedsync.testkit.internal.XLimiter;
import dev.lightspeedsync.testkit.internal.XOAuth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server saw, for assertions: request counts per endpoint and status, 429s, the leaky
 * bucket's peak, token refreshes and injected faults.
 *
 * <p>Endpoint keys are {@code "<METHOD> <path template>"} relative to the API root:
 * {@code "GET Item.json"}, {@code "GET Item/{id}.json"}, {@code "PUT ItemShop/{id}.json"},
 * {@code "GET Account.json"} for R-Series; {@code "GET products.json"},
 * {@code "PUT variants/{id}.json"}, {@code "GET orders/{id}/products.json"} for eCom (without the
 * language); {@code "POST /auth/oauth/token"} for OAuth; for X-Series the full path with ids as
 * {@code {id}}: {@code "GET /api/2.0/products"}, {@code "PUT /api/2.1/products/{id}"},
 * {@code "POST /api/register_sales"}, {@code "POST /api/1.0/token"}. {@link #snapshot()} lists every key seen.
 *
 * <p>Thread-safe; counters are live (read them after the client has finished).
 */
public final class Inspection {
  /**
   * One answered request.
   *
   * @param api {@code retail}, {@code ecom}, {@code oauth}, {@code xseries}, {@code xseries-auth} or {@code none}
   * @param status HTTP status, 0 when the connection was dropped on purpose
   * @param fault the injected fault, if any
   */
  public record Request(long sequence, String api, String endpoint, String method, String target, int status,
      Optional<Fault> fault, Instant apiTime) {}

  private final RequestStats stats;
  private final LeakyBucket bucket;
  private final EcomLimiter ecomLimiter;
  private final OAuth oauth;
  private final XLimiter xlimiter;
  private final XOAuth xoauth;

  Inspection(RequestStats stats, LeakyBucket bucket, EcomLimiter ecomLimiter, OAuth oauth, XLimiter xlimiter,
      XOAuth xoauth) {
    this.stats = stats;
    this.bucket = bucket;
    this.ecomLimiter = ecomLimiter;
    this.oauth = oauth;
    this.xlimiter = xlimiter;
    this.xoauth = xoauth;
  }

  /** X-Series requests rejected with 429 by the 5-minute window. */
  public long xseriesRateLimited() {
    return xlimiter.rejected();
  }

  /** The most X-Series requests one application had within a 5-minute window. */
  public int xseriesWindowPeak() {
    return xlimiter.peak();
  }

  /** Successful X-Series refresh-token grants. */
  public long xseriesTokenRefreshes() {
    return xoauth.refreshCount();
  }

  /** Whether an X-Series refresh token can still be redeemed (each refresh revokes the one it used). */
  public boolean isXSeriesRefreshTokenActive(String refreshToken) {
    return xoauth.isRefreshTokenActive(Objects.requireNonNull(refreshToken, "refreshToken == null"));
  }

  /** Requests answered for an endpoint key, whatever the status. */
  public long requests(String endpoint) {
    return stats.count(Objects.requireNonNull(endpoint, "endpoint == null"));
  }

  /** Requests answered for an endpoint key with the given status. */
  public long requests(String endpoint, int status) {
    return stats.count(Objects.requireNonNull(endpoint, "endpoint == null"), status);
  }

  /** All answered requests (including dropped ones). */
  public long totalRequests() {
    return stats.total();
  }

  /** Requests rejected with 429 by any limiter (R-Series bucket or burst, eCom windows, X-Series window). */
  public long rateLimited() {
    return stats.rateLimited();
  }

  /** Requests the eCom limiter rejected. */
  public long ecomRateLimited() {
    return ecomLimiter.rejected();
  }

  /** The highest R-Series bucket level reached (it may exceed the size by one request's cost). */
  public double bucketPeak() {
    return bucket.peak();
  }

  /** The R-Series bucket level now (after draining). */
  public double bucketLevel() {
    return bucket.level();
  }

  /** Successful refresh-token grants. */
  public long tokenRefreshes() {
    return oauth.refreshCount();
  }

  /** Whether a refresh token can still be redeemed (rotation: used tokens die). */
  public boolean isRefreshTokenActive(String refreshToken) {
    return oauth.isRefreshTokenActive(Objects.requireNonNull(refreshToken, "refreshToken == null"));
  }

  /** How many requests suffered the fault. */
  public long faults(Fault fault) {
    return stats.faults(Objects.requireNonNull(fault, "fault == null").name());
  }

  /** Counts by {@code "<endpoint> <status>"}, sorted. */
  public Map<String, Long> snapshot() {
    return stats.snapshot();
  }

  /** The last 10,000 requests, oldest first. */
  public List<Request> recentRequests() {
    List<Request> out = new ArrayList<>();
    for (RequestStats.Entry e : stats.recent()) {
      out.add(new Request(e.sequence(), e.api(), e.endpoint(), e.method(), e.target(), e.status(),
          Optional.ofNullable(e.fault()).map(Fault::valueOf), Instant.ofEpochMilli(e.apiTimeMillis())));
    }
    return out;
  }

  /** Clears the request counters (not the bucket, token or data state). */
  public void reset() {
    stats.reset();
  }
}
