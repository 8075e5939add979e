package dev.lightspeedsync.client.internal.ecom;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Basic base64(key:secret)} to every eCom request. The header value is
 * computed once and held only here; {@link #toString()} never shows it.
 */
public final class BasicAuth implements Interceptor {
  private final String header;

  public BasicAuth(String apiKey, String apiSecret) {
    Objects.requireNonNull(apiKey, "apiKey == null");
    Objects.requireNonNull(apiSecret, "apiSecret == null");
    this.header = Credentials.basic(apiKey, apiSecret, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    return chain.proceed(request.newBuilder().header("Authorization", header).build());
  }

  @Override
  public String toString() {
    return "BasicAuth{redacted}";
  }
}
