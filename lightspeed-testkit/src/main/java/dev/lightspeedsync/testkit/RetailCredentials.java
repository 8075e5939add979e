package dev.lightspeedsync.testkit;

/**
 * The R-Series credentials a {@link LightspeedTestServer} issued at start: the OAuth client, a valid
 * access token and its refresh token. Refreshing at {@link LightspeedTestServer#tokenUrl()} rotates
 * them as the real server does. {@link #toString()} redacts the secrets.
 *
 * @param accountId the account in {@code /API/V3/Account/{accountID}/...}
 * @param clientId OAuth client id
 * @param clientSecret OAuth client secret
 * @param accessToken a Bearer token valid for {@code expiresInSeconds} of API time from start
 * @param refreshToken a refresh token that has not been used yet
 * @param expiresInSeconds lifetime of {@code accessToken} (the {@code expires_in} value)
 * @param accessTokenExpiresAt when {@code accessToken} expires, in API time
 */
public record RetailCredentials(long accountId, String clientId, String clientSecret, String accessToken,
    String refreshToken, long expiresInSeconds, java.time.Instant accessTokenExpiresAt) {
  @Override
  public String toString() {
    return "RetailCredentials[accountId=" + accountId + ", clientId=" + clientId + ", secrets=<redacted>]";
  }
}
