package dev.lightspeedsync.micrometer;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.RateLimitState;
import dev.lightspeedsync.client.RequestEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ClientListener} that records one account's traffic as Micrometer meters. Give each
 * client its own instance, named for the account:
 *
 * <pre>{@code
 * RetailClient client = RetailClient.builder()
 *     ...
 *     .listener(LightspeedMetrics.of(registry, "acme-retail"))
 *     .build();
 * }</pre>
 *
 * <p>Meters, each tagged {@code account} (plus the extra tags given to
 * {@link #of(MeterRegistry, String, Iterable)}):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>more tags</th><th>what</th></tr>
 *   <tr><td>{@value #REQUESTS}</td><td>timer</td><td>{@code method}, {@code status},
 *       {@code outcome}</td><td>every HTTP exchange that got a response, 429s included</td></tr>
 *   <tr><td>{@value #CONNECTION_FAILURES}</td><td>counter</td><td>{@code method}</td>
 *       <td>exchanges without a usable response (connection fault, timeout, truncated body)</td></tr>
 *   <tr><td>{@value #RATE_LIMITED}</td><td>counter</td><td>{@code method}</td>
 *       <td>429 responses</td></tr>
 *   <tr><td>{@value #WAITS}</td><td>timer</td><td></td><td>waits before sending, to stay under
 *       the rate limit or sit out a 429's pause</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>{@code method}, {@code cause}</td>
 *       <td>requests sent again; {@code cause} is the failure's simple class name</td></tr>
 *   <tr><td>{@value #TOKEN_REFRESHES}</td><td>counter</td><td></td><td>OAuth token refreshes</td></tr>
 *   <tr><td>{@value #RATE_LIMIT_REMAINING}</td><td>gauge</td><td></td><td>what is left of the
 *       rate limit as last reported (NaN before the first report)</td></tr>
 *   <tr><td>{@value #RATE_LIMIT_USED}</td><td>gauge</td><td></td><td>the share of the limit in
 *       use, 0 to 1 ({@link RateLimitState#usedFraction()})</td></tr>
 * </table>
 *
 * <p>{@code outcome} is {@code SUCCESS} (2xx), {@code RATE_LIMITED} (429), {@code CLIENT_ERROR}
 * (other 4xx), {@code SERVER_ERROR} (5xx) or {@code OTHER}. Paths are not tags: they hold record
 * ids, which would make one time series per record. Thread-safe; never throws into the client.
 */
public final class LightspeedMetrics implements ClientListener {
  /** Timer of HTTP exchanges with a response. */
  public static final String REQUESTS = "lightspeed.client.requests";
  /** Counter of exchanges without a usable response. */
  public static final String CONNECTION_FAILURES = "lightspeed.client.connection.failures";
  /** Counter of 429 responses. */
  public static final String RATE_LIMITED = "lightspeed.client.rate.limited";
  /** Timer of waits for the rate limit. */
  public static final String WAITS = "lightspeed.client.waits";
  /** Counter of retries. */
  public static final String RETRIES = "lightspeed.client.retries";
  /** Counter of token refreshes. */
  public static final String TOKEN_REFRESHES = "lightspeed.client.token.refreshes";
  /** Gauge of the rate limit's remaining capacity. */
  public static final String RATE_LIMIT_REMAINING = "lightspeed.client.rate.limit.remaining";
  /** Gauge of the share of the rate limit in use. */
  public static final String RATE_LIMIT_USED = "lightspeed.client.rate.limit.used";

  private final MeterRegistry registry;
  private final Tags tags;
  private final Timer waits;
  private final Counter tokenRefreshes;
  /** The last state reported; read by the gauges, which hold this listener strongly. */
  private final AtomicReference<@Nullable RateLimitState> lastState = new AtomicReference<>();

  private LightspeedMetrics(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
    this.waits = Timer.builder(WAITS).description("Waits before sending, for the rate limit").tags(tags)
        .register(registry);
    this.tokenRefreshes = Counter.builder(TOKEN_REFRESHES).description("OAuth token refreshes").tags(tags)
        .register(registry);
    Gauge.builder(RATE_LIMIT_REMAINING, this, m -> m.remaining())
        .description("What is left of the rate limit, as last reported").tags(tags).strongReference(true)
        .register(registry);
    Gauge.builder(RATE_LIMIT_USED, this, m -> m.used())
        .description("Share of the rate limit in use, 0 to 1").tags(tags).strongReference(true).register(registry);
  }

  /**
   * A listener recording into {@code registry} under the tag {@code account=account}.
   *
   * @param registry where the meters go
   * @param account the account's name or id as the host wants it on its dashboard (no secret)
   * @return the listener, to pass to a client builder's {@code listener(...)}
   */
  public static LightspeedMetrics of(MeterRegistry registry, String account) {
    return of(registry, account, Tags.empty());
  }

  /**
   * A listener recording into {@code registry} under the tag {@code account=account} and
   * {@code extraTags} (for example {@code api=retail} or the host's tenant).
   *
   * @param registry where the meters go
   * @param account the account's name or id as the host wants it on its dashboard (no secret)
   * @param extraTags more tags on every meter
   * @return the listener, to pass to a client builder's {@code listener(...)}
   */
  public static LightspeedMetrics of(MeterRegistry registry, String account, Iterable<Tag> extraTags) {
    Objects.requireNonNull(registry, "registry == null");
    Objects.requireNonNull(account, "account == null");
    Objects.requireNonNull(extraTags, "extraTags == null");
    if (account.isBlank()) {
      throw new IllegalArgumentException("account is blank");
    }
    return new LightspeedMetrics(registry, Tags.of("account", account).and(extraTags));
  }

  @Override
  public void onResponse(RequestEvent request, int status, Duration duration) {
    remember(request);
    Timer.builder(REQUESTS).description("HTTP exchanges with a response").tags(tags)
        .tag("method", request.method()).tag("status", Integer.toString(status)).tag("outcome", outcome(status))
        .register(registry).record(duration);
    if (status == 429) {
      Counter.builder(RATE_LIMITED).description("429 responses").tags(tags).tag("method", request.method())
          .register(registry).increment();
    }
  }

  @Override
  public void onConnectionFailure(RequestEvent request, Exception cause) {
    remember(request);
    Counter.builder(CONNECTION_FAILURES).description("HTTP exchanges without a usable response").tags(tags)
        .tag("method", request.method()).register(registry).increment();
  }

  @Override
  public void onPacingWait(RequestEvent request, Duration wait) {
    remember(request);
    waits.record(wait);
  }

  @Override
  public void onRetry(RequestEvent request, Exception cause, Duration delay) {
    remember(request);
    Counter.builder(RETRIES).description("Requests sent again").tags(tags).tag("method", request.method())
        .tag("cause", cause.getClass().getSimpleName()).register(registry).increment();
  }

  @Override
  public void onTokenRefreshed() {
    tokenRefreshes.increment();
  }

  private void remember(RequestEvent request) {
    request.rateLimit().ifPresent(lastState::set);
  }

  private double remaining() {
    RateLimitState s = lastState.get();
    return s == null ? Double.NaN : s.remaining();
  }

  private double used() {
    RateLimitState s = lastState.get();
    return s == null ? Double.NaN : s.usedFraction();
  }

  private static String outcome(int status) {
    if (status >= 200 && status < 300) {
      return "SUCCESS";
    }
    if (status == 429) {
      return "RATE_LIMITED";
    }
    if (status >= 400 && status < 500) {
      return "CLIENT_ERROR";
    }
    return status >= 500 && status < 600 ? "SERVER_ERROR" : "OTHER";
  }

  @Override
  public String toString() {
    return "LightspeedMetrics" + tags;
  }
}
