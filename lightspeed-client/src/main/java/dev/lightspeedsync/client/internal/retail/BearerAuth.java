package dev.lightspeedsync.client.internal.retail;

import java.io.IOException;
import okhttp3.Authenticator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * Adds the bearer token to every API request and, on the first 401 of a call, refreshes the token
 * (once for all threads) and repeats the request once with the new token.
 */
public final class BearerAuth implements Interceptor, Authenticator {
  private static final String PREFIX = "Bearer ";
  private final OauthTokens tokens;

  public BearerAuth(OauthTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header("Authorization") != null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header("Authorization", PREFIX + tokens.accessToken()).build());
  }

  @Override
  public @Nullable Request authenticate(@Nullable Route route, Response response) {
    if (response.priorResponse() != null) {
      return null; // already retried once with a fresh token: give up, the caller gets the 401
    }
    String sent = response.request().header("Authorization");
    String rejected = sent != null && sent.startsWith(PREFIX) ? sent.substring(PREFIX.length()) : "";
    String fresh = tokens.afterRejection(rejected);
    return response.request().newBuilder().header("Authorization", PREFIX + fresh).build();
  }
}
