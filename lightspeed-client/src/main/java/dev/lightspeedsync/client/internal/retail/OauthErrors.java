package dev.lightspeedsync.client.internal.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.RateLimitedException;
import dev.lightspeedsync.client.error.ServerException;
import dev.lightspeedsync.client.internal.http.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Maps an error answer of the R-Series OAuth endpoints ({@code /auth/oauth/token} and
 * {@code /revoke}) to an exception whose message says which credential is wrong: the client id or
 * secret ({@code invalid_client}), the refresh token or authorization code ({@code invalid_grant}),
 * the scopes ({@code invalid_scope}) or the request itself ({@code invalid_request}). Pure; never
 * puts a token or secret in a message.
 */
public final class OauthErrors {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final int MAX = 200;

  /** What was sent to the endpoint. */
  public enum Grant {
    REFRESH_TOKEN("the refresh token"),
    AUTHORIZATION_CODE("the authorization code"),
    REVOKE("the refresh token to revoke");

    final String credential;

    Grant(String credential) {
      this.credential = credential;
    }
  }

  private OauthErrors() {}

  /** The exception for a non-2xx answer of the token endpoint. */
  public static LightspeedException map(Grant grant, int status, @Nullable String requestId, @Nullable String body,
      @Nullable String retryAfterHeader, Instant now) {
    String error = field(body, "error");
    String description = field(body, "error_description");
    String hint = field(body, "hint");
    String api = join(error, description, hint);
    String ray = requestId == null ? "" : " (Cf-Ray " + requestId + ")";
    if (status == 429) {
      Duration wait = RetryAfter.parse(retryAfterHeader, now).orElse(Duration.ofMinutes(1));
      return new RateLimitedException("Lightspeed rate limited the OAuth request; retry after " + wait.toSeconds() + " s"
          + ray, 429, requestId, api, wait, null);
    }
    if (status >= 500) {
      return new ServerException("the Lightspeed OAuth server failed with HTTP " + status + ray, status, requestId, api,
          grant == Grant.REFRESH_TOKEN, null);
    }
    if (error == null && status != 400 && status != 401 && status != 403) {
      // no OAuth error object and a status a token endpoint does not use for refusals (404, 405, 3xx, an
      // HTML page of a proxy or a wrong URL): nothing says the credentials were wrong
      return new DecodingException("the OAuth endpoint answered HTTP " + status + " without an OAuth error"
          + (looksLikeHtml(body) ? " (an HTML page)" : "") + ": check the token URL; the credentials were not judged"
          + ray, status, requestId, api, false, null);
    }
    String what;
    if ("invalid_client".equals(error)) {
      what = "Lightspeed refused the OAuth client id or client secret (invalid_client): check the client id and secret"
          + " of your registered application; " + grant.credential + " itself was not the problem";
    } else if ("invalid_grant".equals(error)) {
      what = grant == Grant.AUTHORIZATION_CODE
          ? "Lightspeed refused the authorization code (invalid_grant): it expired (codes live 60 seconds), was"
              + " already used, or was issued to another client; authorize again and exchange the new code at once"
          : "Lightspeed refused the refresh token (invalid_grant): it is invalid, already used, revoked or expired"
              + " (unused for 30 days); the client id and secret were accepted. Re-authorise the connection";
    } else if ("invalid_scope".equals(error)) {
      what = "Lightspeed refused the requested scopes (invalid_scope): request documented employee:* scopes";
    } else if ("invalid_request".equals(error)) {
      what = "Lightspeed refused the OAuth request as incomplete or malformed (invalid_request)"
          + (grant == Grant.AUTHORIZATION_CODE ? "; a PKCE code_verifier may be missing or not match" : "");
    } else if ("unsupported_grant_type".equals(error)) {
      what = "Lightspeed does not support this grant type at the token endpoint (unsupported_grant_type)";
    } else {
      what = "Lightspeed refused " + grant.credential + " or the client credentials";
    }
    String detail = description != null || hint != null ? ": " + bounded(join(null, description, hint)) : "";
    return new AuthenticationException(what + " (HTTP " + status + detail + ")" + ray, status, requestId, api, false,
        null);
  }

  private static boolean looksLikeHtml(@Nullable String body) {
    return body != null && body.stripLeading().startsWith("<");
  }

  private static @Nullable String field(@Nullable String body, String name) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode n = PLAIN.readTree(body);
      JsonNode v = n == null ? null : n.get(name);
      return v != null && v.isValueNode() && !v.asText().isBlank() ? v.asText() : null;
    } catch (Exception notJson) {
      return null;
    }
  }

  private static @Nullable String join(@Nullable String a, @Nullable String b, @Nullable String c) {
    StringBuilder sb = new StringBuilder();
    for (String s : new String[] {a, b, c}) {
      if (s != null) {
        if (sb.length() > 0) {
          sb.append(" - ");
        }
        sb.append(s);
      }
    }
    return sb.length() == 0 ? null : bounded(sb.toString());
  }

  private static String bounded(@Nullable String s) {
    String t = s == null ? "" : s.replaceAll("\\s+", " ");
    return t.length() > MAX ? t.substring(0, MAX) + "..." : t;
  }
}
