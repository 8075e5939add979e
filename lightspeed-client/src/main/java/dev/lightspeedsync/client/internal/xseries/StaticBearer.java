package dev.lightspeedsync.client.internal.xseries;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds a fixed bearer token (an X-Series personal token) to every request. No refresh. */
public final class StaticBearer implements Interceptor {
  private final String token;

  public StaticBearer(String token) {
    this.token = Objects.requireNonNull(token, "token == null");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("Authorization", "Bearer " + token).build());
  }

  @Override
  public String toString() {
    return "StaticBearer{token=<redacted>}";
  }
}
