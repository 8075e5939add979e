package dev.lightspeedsync.client.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth access token with the refresh token that renews it. R-Series refresh tokens rotate:
 * every refresh returns a new pair and the old refresh token stops working once the new access
 * token is used, so always persist the newest pair (see {@link TokenStore}).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the tokens.
 */
public final class TokenPair {
  private final String accessToken;
  private final String refreshToken;
  private final @Nullable Instant expiresAt;

  private TokenPair(String accessToken, String refreshToken, @Nullable Instant expiresAt) {
    this.accessToken = requireToken(accessToken, "accessToken");
    this.refreshToken = requireToken(refreshToken, "refreshToken");
    this.expiresAt = expiresAt;
  }

  private static String requireToken(String token, String name) {
    Objects.requireNonNull(token, name + " == null");
    if (token.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return token;
  }

  /** A pair whose access token expires at {@code expiresAt}. */
  public static TokenPair of(String accessToken, String refreshToken, Instant expiresAt) {
    return new TokenPair(accessToken, refreshToken, Objects.requireNonNull(expiresAt, "expiresAt == null"));
  }

  /**
   * A pair whose access token has no known expiry: the client uses it until the API rejects it,
   * then refreshes.
   */
  public static TokenPair withoutExpiry(String accessToken, String refreshToken) {
    return new TokenPair(accessToken, refreshToken, null);
  }

  /** The bearer token sent to the API. Keep it secret. */
  public String accessToken() {
    return accessToken;
  }

  /** The single-use token that obtains the next pair. Keep it secret. */
  public String refreshToken() {
    return refreshToken;
  }

  /** When the access token expires, if known. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TokenPair)) {
      return false;
    }
    TokenPair that = (TokenPair) o;
    return accessToken.equals(that.accessToken)
        && refreshToken.equals(that.refreshToken)
        && Objects.equals(expiresAt, that.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessToken, refreshToken, expiresAt);
  }

  @Override
  public String toString() {
    return "TokenPair{accessToken=<redacted>, refreshToken=<redacted>, expiresAt=" + expiresAt + "}";
  }
}
