package dev.lightspeedsync.testkit;

/**
 * The eCom (C-Series) credentials of a {@link LightspeedTestServer}: HTTP Basic with the 32-character
 * API key and secret, and the shop's default active language. {@link #toString()} redacts the secret.
 *
 * @param apiKey Basic auth user
 * @param apiSecret Basic auth password
 * @param language default active language code, the first path segment ({@code /en/products.json})
 * @param shopId the shop id {@code /account.json} reports
 */
public record EcomCredentials(String apiKey, String apiSecret, String language, long shopId) {
  @Override
  public String toString() {
    return "EcomCredentials[apiKey=" + apiKey + ", language=" + language + ", shopId=" + shopId + ", secret=<redacted>]";
  }
}
