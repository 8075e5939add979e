package dev.lightspeedsync.client.auth;

import java.util.Objects;

/**
 * The OAuth client id and secret of your registered Lightspeed application, used to refresh access
 * tokens. Immutable; {@link #toString()} never shows the secret.
 */
public final class OauthClientCredentials {
  private final String clientId;
  private final String clientSecret;

  private OauthClientCredentials(String clientId, String clientSecret) {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(clientSecret, "clientSecret == null");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId is blank");
    }
    if (clientSecret.isBlank()) {
      throw new IllegalArgumentException("clientSecret is blank");
    }
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  public static OauthClientCredentials of(String clientId, String clientSecret) {
    return new OauthClientCredentials(clientId, clientSecret);
  }

  public String clientId() {
    return clientId;
  }

  /** The client secret. Keep it secret. */
  public String clientSecret() {
    return clientSecret;
  }

  @Override
  public String toString() {
    return "OauthClientCredentials{clientId=" + clientId + ", clientSecret=<redacted>}";
  }
}
