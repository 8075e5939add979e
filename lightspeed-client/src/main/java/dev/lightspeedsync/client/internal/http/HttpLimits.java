package dev.lightspeedsync.client.internal.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The timeouts and the body size cap of one client, as set on its builder. Unset timeouts keep a
 * shared OkHttpClient's own non-zero value and otherwise take the defaults: connect 10 s, read and
 * write 30 s, whole call 2 minutes. Immutable.
 */
public final class HttpLimits {
  public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CALL = Duration.ofMinutes(2);
  public static final long DEFAULT_MAX_BODY = 64L * 1024 * 1024;
  /** Bodies are held in one array. */
  public static final long MAX_MAX_BODY = Integer.MAX_VALUE - 64;

  private static final HttpLimits DEFAULTS = new HttpLimits(null, null, null, DEFAULT_MAX_BODY);

  private final @Nullable Duration connect;
  private final @Nullable Duration read;
  private final @Nullable Duration call;
  private final long maxBodyBytes;

  private HttpLimits(@Nullable Duration connect, @Nullable Duration read, @Nullable Duration call, long maxBodyBytes) {
    this.connect = connect;
    this.read = read;
    this.call = call;
    this.maxBodyBytes = maxBodyBytes;
  }

  public static HttpLimits defaults() {
    return DEFAULTS;
  }

  public HttpLimits withConnectTimeout(Duration d) {
    return new HttpLimits(positive(d, "connectTimeout"), read, call, maxBodyBytes);
  }

  public HttpLimits withReadTimeout(Duration d) {
    return new HttpLimits(connect, positive(d, "readTimeout"), call, maxBodyBytes);
  }

  public HttpLimits withCallTimeout(Duration d) {
    return new HttpLimits(connect, read, positive(d, "callTimeout"), maxBodyBytes);
  }

  public HttpLimits withMaxBodyBytes(long bytes) {
    if (bytes < 1 || bytes > MAX_MAX_BODY) {
      throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + MAX_MAX_BODY + " but was " + bytes);
    }
    return new HttpLimits(connect, read, call, bytes);
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** {@code base} with these timeouts applied (see the class comment for unset ones). */
  public OkHttpClient.Builder apply(OkHttpClient base) {
    OkHttpClient.Builder b = base.newBuilder();
    b.connectTimeout(pick(connect, base.connectTimeoutMillis(), DEFAULT_CONNECT).toMillis(), TimeUnit.MILLISECONDS);
    Duration r = pick(read, base.readTimeoutMillis(), DEFAULT_READ);
    b.readTimeout(r.toMillis(), TimeUnit.MILLISECONDS);
    b.writeTimeout(pick(read, base.writeTimeoutMillis(), DEFAULT_READ).toMillis(), TimeUnit.MILLISECONDS);
    b.callTimeout(pick(call, base.callTimeoutMillis(), DEFAULT_CALL).toMillis(), TimeUnit.MILLISECONDS);
    return b;
  }

  /** A new OkHttpClient with the defaults, for clients that own theirs. */
  public OkHttpClient.Builder applyToNew() {
    OkHttpClient.Builder b = new OkHttpClient.Builder();
    b.connectTimeout((connect == null ? DEFAULT_CONNECT : connect).toMillis(), TimeUnit.MILLISECONDS);
    b.readTimeout((read == null ? DEFAULT_READ : read).toMillis(), TimeUnit.MILLISECONDS);
    b.writeTimeout((read == null ? DEFAULT_READ : read).toMillis(), TimeUnit.MILLISECONDS);
    b.callTimeout((call == null ? DEFAULT_CALL : call).toMillis(), TimeUnit.MILLISECONDS);
    return b;
  }

  /** The client to use: a shared one with these limits applied, or a new one. */
  public OkHttpClient client(@Nullable OkHttpClient shared) {
    OkHttpClient base = (shared == null ? applyToNew() : apply(shared)).build();
    // tells a request that never left the client whole from one that may have reached the server
    return WriteProgress.install(base.newBuilder(), base).build();
  }

  private static Duration pick(@Nullable Duration set, int sharedMillis, Duration fallback) {
    if (set != null) {
      return set;
    }
    return sharedMillis > 0 ? Duration.ofMillis(sharedMillis) : fallback;
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return "HttpLimits{connect=" + connect + ", read=" + read + ", call=" + call + ", maxBodyBytes=" + maxBodyBytes + "}";
  }
}
