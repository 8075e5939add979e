package dev.lightspeedsync.client.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.RateLimitedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Sends {@link RequestSpec}s: paces them through the account's {@link RateLimiter}, maps every
 * non-2xx answer to a typed exception, and retries with Failsafe where that is safe. All waiting
 * goes through the injected {@link Sleeper} and all time through the injected {@link Clock}.
 *
 * <p>Retry rules: 429 is retried for every method (the server refused the request without
 * applying it) after the pause the account's limiter imposes; 5xx and connection faults are retried
 * only when the request is safe to repeat (reads) or provably never reached the server (connect
 * failures). Thread-safe.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final int MAX_ERROR_BODY = 8 * 1024;

  private final RawApi api;
  private final RateLimiter limiter;
  private final RetryConfig retry;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ClientListener listener;
  private final DoubleSupplier random;

  public Transport(
      RawApi api,
      RateLimiter limiter,
      RetryConfig retry,
      Clock clock,
      Sleeper sleeper,
      ClientListener listener,
      DoubleSupplier random) {
    this.api = Objects.requireNonNull(api, "api == null");
    this.limiter = Objects.requireNonNull(limiter, "limiter == null");
    this.retry = Objects.requireNonNull(retry, "retry == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.random = Objects.requireNonNull(random, "random == null");
  }

  /** Sends {@code spec}, retrying where allowed; returns the 2xx response or throws. */
  public ApiResponse execute(RequestSpec spec) {
    Instant started = clock.instant();
    RetryPolicy<ApiResponse> policy =
        RetryPolicy.<ApiResponse>builder()
            .handleIf((result, failure) -> failure instanceof LightspeedException
                && isRetryable(spec, (LightspeedException) failure))
            .withMaxAttempts(retry.maxAttempts())
            .build();
    try {
      return Failsafe.with(policy)
          .get(ctx -> {
            if (ctx.getAttemptCount() > 0) {
              waitBeforeRetry(spec, ctx.getAttemptCount(), ctx.getLastException(), started);
            }
            return attempt(spec);
          });
    } catch (GiveUp giveUp) {
      throw giveUp.failure;
    } catch (FailsafeException wrapped) {
      Throwable cause = wrapped.getCause();
      if (cause instanceof GiveUp) {
        throw ((GiveUp) cause).failure;
      }
      if (cause instanceof LightspeedException) {
        throw (LightspeedException) cause;
      }
      throw new LightspeedConnectionException(spec.describe() + " failed: " + cause, 0, null, null,
          !spec.safeToRepeat(), cause);
    }
  }

  /** Whether a failure of {@code spec} may be retried. Pure. */
  static boolean isRetryable(RequestSpec spec, LightspeedException failure) {
    if (failure instanceof RateLimitedException) {
      return failure.statusCode() == 429;
    }
    if (failure.statusCode() >= 500 || failure instanceof LightspeedConnectionException) {
      return spec.safeToRepeat() || !failure.requestMayHaveBeenApplied();
    }
    return false;
  }

  private void waitBeforeRetry(RequestSpec spec, int failedAttempts, @Nullable Throwable last, Instant started) {
    LightspeedException failure = last instanceof LightspeedException ? (LightspeedException) last : null;
    // A 429 needs no backoff of its own: the limiter has paused the whole account until Retry-After.
    Duration delay =
        failure instanceof RateLimitedException
            ? Duration.ZERO
            : Backoff.delay(failedAttempts, retry.initialBackoff(), retry.maxBackoff(), random.getAsDouble());
    Duration spent = Duration.between(started, clock.instant());
    if (failure != null && spent.plus(delay).compareTo(retry.maxRetryDuration()) > 0) {
      throw new GiveUp(failure);
    }
    if (failure != null) {
      listener.onRetry(spec.method(), spec.url().encodedPath(), failedAttempts, failure, delay);
      LOG.debug("{} attempt {} failed ({}); retrying in {} ms", spec.describe(), failedAttempts,
          failure.getClass().getSimpleName(), delay.toMillis());
    }
    sleep(spec, delay);
  }

  private void sleep(RequestSpec spec, Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GiveUp(new LightspeedConnectionException(
          spec.describe() + " was interrupted while waiting", 0, null, null, false, e));
    }
  }

  private void acquire(RequestSpec spec) {
    while (true) {
      Duration wait = limiter.tryAcquire(spec, clock.instant());
      if (wait.isZero() || wait.isNegative()) {
        return;
      }
      if (wait.compareTo(retry.maxWait()) > 0) {
        throw new GiveUp(new RateLimitedException(
            spec.describe() + " would have to wait " + wait.toMillis() + " ms for the rate limit, longer than maxWait "
                + retry.maxWait().toMillis() + " ms; retry after the wait",
            0, null, null, wait, null));
      }
      listener.onPacingWait(wait);
      sleep(spec, wait);
    }
  }

  private ApiResponse attempt(RequestSpec spec) {
    acquire(spec);
    Call<JsonNode> call = call(spec);
    long t0 = System.nanoTime();
    Response<JsonNode> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      limiter.onNoResponse(spec, clock.instant());
      throw connectionFailure(spec, e);
    } catch (LightspeedException e) {
      limiter.onNoResponse(spec, clock.instant());
      throw new GiveUp(e); // e.g. a refused token refresh inside the authenticator
    } catch (RuntimeException e) {
      limiter.onNoResponse(spec, clock.instant());
      throw connectionFailure(spec, e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    Instant now = clock.instant();
    int status = response.code();
    String requestId = response.headers().get("Cf-Ray");
    LOG.debug("{} -> {} in {} ms", spec.describe(), status, took.toMillis());
    if (status == 429) {
      Duration pause = limiter.onRateLimited(spec, response.headers(), now);
      listener.onResponse(spec.method(), spec.url().encodedPath(), status, took);
      LightspeedException e = ErrorMapper.map(spec, status, requestId, errorBody(response), pause);
      if (pause.compareTo(retry.maxWait()) > 0) {
        throw new GiveUp(e);
      }
      throw e;
    }
    limiter.onResponse(spec, response.headers(), now);
    listener.onResponse(spec.method(), spec.url().encodedPath(), status, took);
    if (response.isSuccessful()) {
      JsonNode body = response.body();
      return new ApiResponse(status, response.headers(), body == null ? JsonNodeFactory.instance.objectNode() : body);
    }
    throw ErrorMapper.map(spec, status, requestId, errorBody(response), null);
  }

  private Call<JsonNode> call(RequestSpec spec) {
    String url = spec.url().toString();
    JsonNode body = spec.body() == null ? JsonNodeFactory.instance.objectNode() : spec.body();
    switch (spec.method()) {
      case "GET":
        return api.get(url, spec);
      case "PUT":
        return api.put(url, body, spec);
      case "POST":
        return api.post(url, body, spec);
      case "DELETE":
        return api.delete(url, spec);
      default:
        throw new IllegalArgumentException("unsupported method " + spec.method());
    }
  }

  private LightspeedException connectionFailure(RequestSpec spec, Exception e) {
    listener.onConnectionFailure(spec.method(), spec.url().encodedPath(), e);
    if (e instanceof JsonProcessingException && !(e instanceof JsonEOFException)) {
      return new DecodingException(spec.describe() + " returned a body that is not the expected JSON: "
          + ((JsonProcessingException) e).getOriginalMessage(), 0, null, null, !spec.method().equals("GET"), e);
    }
    boolean notSent = e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).contains("connect"));
    boolean mayHaveApplied = !notSent && !spec.method().equals("GET");
    return new LightspeedConnectionException(
        spec.describe() + " failed without a complete response (" + e.getClass().getSimpleName() + ")"
            + (mayHaveApplied ? "; the write may have been applied, read the current state before repeating it" : ""),
        0, null, null, mayHaveApplied, e);
  }

  private static @Nullable String errorBody(Response<?> response) {
    ResponseBody body = response.errorBody();
    if (body == null) {
      return null;
    }
    try (ResponseBody b = body; InputStream in = b.byteStream()) {
      byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** Ends the retry loop with {@code failure}, whatever the retry policy would say about it. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final LightspeedException failure;

    GiveUp(LightspeedException failure) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
    }
  }
}
