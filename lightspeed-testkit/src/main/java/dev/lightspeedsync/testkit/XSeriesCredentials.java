package dev.lightspeedsync.testkit;

import java.time.Instant;

/**
 * The X-Series credentials of a {@link LightspeedTestServer}: a personal token, the OAuth
 * application (client id, secret and registered redirect URI) and an OAuth token pair issued at
 * start. Both kinds of token are sent as {@code Authorization: Bearer <token>}. Refreshing at
 * {@link LightspeedTestServer#xseriesTokenUrl()} rotates the refresh token: the one used is revoked.
 * {@link #toString()} redacts the secrets.
 *
 * @param domainPrefix the retailer's domain prefix ({@code https://{domainPrefix}.retail.lightspeed.app})
 * @param personalToken a personal token; it never expires
 * @param clientId OAuth client id
 * @param clientSecret OAuth client secret
 * @param redirectUri the redirect URI registered for the application (the only one {@code /connect} accepts)
 * @param accessToken an OAuth access token valid for {@code expiresInSeconds} of API time from start
 * @param refreshToken the refresh token issued with it, unused
 * @param expiresInSeconds lifetime of {@code accessToken} ({@code expires_in})
 * @param accessTokenExpiresAt when {@code accessToken} expires, in API time ({@code expires})
 */
public record XSeriesCredentials(String domainPrefix, String personalToken, String clientId, String clientSecret,
    String redirectUri, String accessToken, String refreshToken, long expiresInSeconds, Instant accessTokenExpiresAt) {
  @Override
  public String toString() {
    return "XSeriesCredentials[domainPrefix=" + domainPrefix + ", clientId=" + clientId + ", redirectUri=" + redirectUri
        + ", secrets=<redacted>]";
  }
}
