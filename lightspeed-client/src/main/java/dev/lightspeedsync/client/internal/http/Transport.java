package dev.lightspeedsync.client.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.RateLimitState;
import dev.lightspeedsync.client.RequestEvent;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.RateLimitedException;
import dev.lightspeedsync.client.error.ResponseTooLargeException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
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
 * only when the request is safe to repeat (reads) or provably never reached the server in full (a
 * failed connect, or a request that could not be written completely, see {@link WriteProgress}).
 * Thread-safe.
 *
 * <p>Time spent waiting for the rate limit is not retry time: {@link RetryConfig#maxRetryDuration()}
 * bounds the backoffs and attempts of a call, while each rate-limit wait is bounded by
 * {@link RetryConfig#maxWait()} alone. After any wait of {@value #STALE_AFTER_SECONDS} s or more the
 * idle pooled connections are closed: servers close connections left idle longer than their idle
 * timeout (the JDK's HttpServer after 30 s, nginx after 75 s), and a request sent on such a dead
 * connection fails after it was written, when a write can no longer be resent safely.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final int MAX_ERROR_BODY = 8 * 1024;
  /** Waits at least this long close the idle pooled connections (OkHttp's own staleness threshold is 10 s). */
  static final long STALE_AFTER_SECONDS = 10;

  private final RawApi api;
  private final RateLimiter limiter;
  private final RetryConfig retry;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ClientListener listener;
  private final DoubleSupplier random;
  private final ObjectMapper mapper;
  private final HttpLimits limits;
  private final OkHttpClient http;
  /** The last request id handed out: ids are "1", "2", ... per client. */
  private final AtomicLong requestIds = new AtomicLong();

  public Transport(
      RawApi api,
      ObjectMapper mapper,
      HttpLimits limits,
      OkHttpClient http,
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
    this.mapper = Objects.requireNonNull(mapper, "mapper == null");
    this.limits = Objects.requireNonNull(limits, "limits == null");
    this.http = Objects.requireNonNull(http, "http == null");
  }

  /** Sends {@code spec}, retrying where allowed; returns the 2xx response or throws. */
  public ApiResponse execute(RequestSpec spec) {
    Instant started = clock.instant();
    String requestId = Long.toString(requestIds.incrementAndGet());
    CallTime paced = new CallTime();
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
              waitBeforeRetry(spec, requestId, ctx.getAttemptCount(), ctx.getLastException(), started, paced);
            }
            return attempt(spec, requestId, ctx.getAttemptCount() + 1, paced);
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
      throw new LightspeedConnectionException(spec.describe() + " failed: " + cause,
          LightspeedConnectionException.Kind.DROPPED, 0, null, null, !spec.safeToRepeat(), cause);
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

  private RequestEvent event(RequestSpec spec, String requestId, int attempt, @Nullable String serverRequestId) {
    RateLimitState state = limiter.state().orElse(null);
    return new RequestEvent(requestId, spec.method(), spec.url().encodedPath(), attempt, serverRequestId, state);
  }

  private void waitBeforeRetry(RequestSpec spec, String requestId, int failedAttempts, @Nullable Throwable last,
      Instant started, CallTime paced) {
    LightspeedException failure = last instanceof LightspeedException ? (LightspeedException) last : null;
    // A 429 needs no backoff of its own: the limiter has paused the whole account until Retry-After.
    Duration delay =
        failure instanceof RateLimitedException
            ? Duration.ZERO
            : Backoff.delay(failedAttempts, retry.initialBackoff(), retry.maxBackoff(), random.getAsDouble());
    // the rate-limit waits of this call are not retry time: an hour window waited out before the
    // first attempt must not leave a dropped read without its retries
    Duration spent = Duration.between(started, clock.instant()).minus(paced.waited);
    if (failure != null && spent.plus(delay).compareTo(retry.maxRetryDuration()) > 0) {
      throw new GiveUp(failure);
    }
    if (failure != null) {
      listener.onRetry(event(spec, requestId, failedAttempts, failure.requestId().orElse(null)), failure, delay);
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
      if (d.compareTo(Duration.ofSeconds(STALE_AFTER_SECONDS)) >= 0) {
        // the server may have closed the connections that idled through the wait: never send on them
        http.connectionPool().evictAll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GiveUp(new LightspeedConnectionException(
          spec.describe() + " was interrupted while waiting", LightspeedConnectionException.Kind.INTERRUPTED, 0, null,
          null, false, e));
    }
  }

  private void acquire(RequestSpec spec, String requestId, int attempt, CallTime paced) {
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
      listener.onPacingWait(event(spec, requestId, attempt, null), wait);
      sleep(spec, wait);
      paced.waited = paced.waited.plus(wait);
    }
  }

  private ApiResponse attempt(RequestSpec spec, String requestId, int attempt, CallTime paced) {
    acquire(spec, requestId, attempt, paced);
    WriteProgress progress = new WriteProgress();
    Call<ResponseBody> call = call(spec, progress);
    long t0 = System.nanoTime();
    Response<ResponseBody> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      limiter.onNoResponse(spec, clock.instant());
      throw connectionFailure(spec, event(spec, requestId, attempt, null), e, false, progress.writeFailed());
    } catch (LightspeedException e) {
      limiter.onNoResponse(spec, clock.instant());
      throw new GiveUp(e); // e.g. a refused token refresh inside the authenticator
    } catch (RuntimeException e) {
      limiter.onNoResponse(spec, clock.instant());
      throw connectionFailure(spec, event(spec, requestId, attempt, null), e, false, progress.writeFailed());
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    Instant now = clock.instant();
    int status = response.code();
    String serverId = serverRequestId(response);
    LOG.debug("{} -> {} in {} ms", spec.describe(), status, took.toMillis());
    if (status == 429) {
      Duration pause = limiter.onRateLimited(spec, response.headers(), now);
      listener.onResponse(event(spec, requestId, attempt, serverId), status, took);
      LightspeedException e = ErrorMapper.map(spec, status, serverId, errorBody(response), pause);
      if (pause.compareTo(retry.maxWait()) > 0) {
        throw new GiveUp(e);
      }
      throw e;
    }
    limiter.onResponse(spec, response.headers(), now);
    RequestEvent answered = event(spec, requestId, attempt, serverId);
    listener.onResponse(answered, status, took);
    if (response.isSuccessful()) {
      return new ApiResponse(status, response.headers(), body(spec, answered, call, status, serverId, response.body()));
    }
    throw ErrorMapper.map(spec, status, serverId, errorBody(response), null);
  }

  /**
   * Reads and parses a 2xx body: refused when larger than the cap (announced or counted), a
   * connection fault when it ends early, a decoding error when it is complete but not JSON.
   */
  private JsonNode body(RequestSpec spec, RequestEvent answered, Call<ResponseBody> call, int status,
      @Nullable String requestId,
      @Nullable ResponseBody body) {
    if (body == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    long max = limits.maxBodyBytes();
    byte[] bytes;
    try (ResponseBody b = body) {
      long announced = b.contentLength();
      if (announced > max) {
        call.cancel(); // closing would first read (and discard) the body to reuse the connection
        throw new GiveUp(tooLarge(spec, status, requestId, "announced a body of " + announced + " bytes", max));
      }
      try (InputStream in = b.byteStream()) {
        bytes = in.readNBytes((int) Math.min(max + 1, HttpLimits.MAX_MAX_BODY + 1));
      }
      if (bytes.length > max) {
        call.cancel();
        throw new GiveUp(tooLarge(spec, status, requestId, "sent a body of more than " + max + " bytes", max));
      }
    } catch (IOException e) {
      // the response was already counted by limiter.onResponse
      throw connectionFailure(spec, answered, e, true, false);
    }
    if (isBlank(bytes)) {
      return JsonNodeFactory.instance.objectNode(); // eCom answers some DELETEs with an empty body
    }
    try {
      JsonNode node = mapper.readTree(bytes);
      return node == null || node.isMissingNode() ? JsonNodeFactory.instance.objectNode() : node;
    } catch (IOException e) {
      boolean write = !spec.method().equals("GET");
      if (JsonPrefix.isTruncated(bytes)) {
        listener.onConnectionFailure(answered, e);
        throw new LightspeedConnectionException(spec.describe() + " received a response body that ends early, after "
            + bytes.length + " bytes of unfinished JSON (truncated in transit)"
            + (write ? "; the write was applied, read the current state before repeating it" : ""),
            LightspeedConnectionException.Kind.TRUNCATED, status, requestId, null, write, e);
      }
      String reason = e instanceof JsonProcessingException
          ? ((JsonProcessingException) e).getOriginalMessage() : e.getClass().getSimpleName();
      int nl = reason == null ? -1 : reason.indexOf('\n');
      reason = nl > 0 ? reason.substring(0, nl) : reason;
      throw new GiveUp(new DecodingException(spec.describe() + " answered HTTP " + status
          + " with a body that is not JSON (" + bounded(reason) + ")", status, requestId, null, write, e));
    }
  }

  private static LightspeedException tooLarge(RequestSpec spec, int status, @Nullable String requestId, String what,
      long max) {
    return new ResponseTooLargeException(spec.describe() + " " + what + ", more than the client's limit of "
        + max + " bytes; the body was refused unread. Ask for smaller pages, or raise the limit with the client "
        + "builder's maxBodyBytes(...)", status, requestId, max, !spec.method().equals("GET"), null);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String bounded(@Nullable String s) {
    String t = s == null ? "" : s;
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  private Call<ResponseBody> call(RequestSpec spec, WriteProgress progress) {
    String url = spec.url().toString();
    JsonNode body = spec.body() == null ? JsonNodeFactory.instance.objectNode() : spec.body();
    switch (spec.method()) {
      case "GET":
        return api.get(url, spec, progress);
      case "PUT":
        return api.put(url, body, spec, progress);
      case "POST":
        return api.post(url, body, spec, progress);
      case "DELETE":
        return api.delete(url, spec, progress);
      default:
        throw new IllegalArgumentException("unsupported method " + spec.method());
    }
  }

  /** The kind of a failure without a complete response. Pure. */
  public static LightspeedConnectionException.Kind kindOf(Throwable e, boolean duringBody) {
    if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
        || (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).contains("connect"))) {
      return LightspeedConnectionException.Kind.CONNECT_FAILED;
    }
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return LightspeedConnectionException.Kind.TIMED_OUT;
    }
    if (duringBody && (e instanceof EOFException || e instanceof ProtocolException
        || String.valueOf(e.getMessage()).contains("unexpected end of stream"))) {
      return LightspeedConnectionException.Kind.TRUNCATED;
    }
    return LightspeedConnectionException.Kind.DROPPED;
  }

  /**
   * The failure of an attempt without a complete response. {@code writeFailed}: the request could
   * not be written completely (OkHttp's {@code requestFailed}, e.g. a pooled connection the server
   * had reset), so the server cannot have applied it and even a write may be sent again.
   */
  private LightspeedException connectionFailure(RequestSpec spec, RequestEvent request, Exception e,
      boolean duringBody, boolean writeFailed) {
    listener.onConnectionFailure(request, e);
    LightspeedConnectionException.Kind kind = kindOf(e, duringBody);
    boolean notSent = kind == LightspeedConnectionException.Kind.CONNECT_FAILED || (writeFailed && !duringBody);
    // A response whose body was being read means the write reached the server and was answered.
    boolean mayHaveApplied = !notSent && !spec.method().equals("GET");
    String what;
    switch (kind) {
      case CONNECT_FAILED:
        what = "could not connect to " + spec.url().host() + " (" + e.getClass().getSimpleName() + ")";
        break;
      case TIMED_OUT:
        what = "timed out without a complete response (read timeout " + http.readTimeoutMillis() + " ms, call deadline "
            + http.callTimeoutMillis() + " ms)";
        break;
      case TRUNCATED:
        what = "received a response body that ends early (" + e.getClass().getSimpleName() + ")";
        break;
      default:
        what = notSent
            ? "lost the connection before the request was sent in full (" + e.getClass().getSimpleName() + ")"
            : "lost the connection before a complete response (" + e.getClass().getSimpleName() + ")";
        break;
    }
    return new LightspeedConnectionException(spec.describe() + " " + what
        + (mayHaveApplied ? "; the write may have been applied, read the current state before repeating it" : ""),
        kind, 0, null, null, mayHaveApplied, e);
  }

  /** The server's id of a response: Cloudflare's {@code Cf-Ray} (R-Series), else {@code X-Request-Id}. */
  private static @Nullable String serverRequestId(Response<?> response) {
    String ray = response.headers().get("Cf-Ray");
    return ray != null ? ray : response.headers().get("X-Request-Id");
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

  /** The rate-limit waits of one call, across its attempts (one thread at a time). */
  private static final class CallTime {
    Duration waited = Duration.ZERO;
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
