package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcTokenStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to one Lightspeed account shares ({@code sync} and the write
 * flows, as a picocli {@code @Mixin}): the platform, where it is ({@code --base-url}, else the
 * embedded testkit), its credentials, the database, {@code --read-only} and the retry budget. Each
 * option is declared here once; {@link #check()} validates them (usage errors, exit 2, never showing
 * a value) and the {@code *Client} methods build the client for {@code --base-url}.
 */
final class ConnectionOptions {
  /** The X-Series domain prefix: the retailer's subdomain, lower case. */
  private static final Pattern DOMAIN_PREFIX = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  @Option(names = "--platform", defaultValue = "retail",
      description = "retail (R-Series), ecom (C-Series) or xseries (X-Series). Default: ${DEFAULT-VALUE}.")
  String platform;

  @Option(names = "--base-url", description = "API origin, e.g. https://api.lightspeedapp.com/. Default: the embedded testkit.")
  String baseUrl;

  @Option(names = "--account-id", defaultValue = "${env:LIGHTSPEED_ACCOUNT_ID}", description = "R-Series account id.")
  Long accountId;

  @Option(names = "--client-id", defaultValue = "${env:LIGHTSPEED_CLIENT_ID}", description = "R-Series OAuth client id.")
  String clientId;

  @Option(names = "--client-secret", defaultValue = "${env:LIGHTSPEED_CLIENT_SECRET}", description = "R-Series OAuth client secret.")
  String clientSecret;

  @Option(names = "--refresh-token", defaultValue = "${env:LIGHTSPEED_REFRESH_TOKEN}",
      description = "R-Series OAuth refresh token. Rotated tokens are kept in the database; pass a new one after re-authorising.")
  String refreshToken;

  @Option(names = "--access-token", defaultValue = "${env:LIGHTSPEED_ACCESS_TOKEN}",
      description = "R-Series current access token (optional).")
  String accessToken;

  @Option(names = "--api-key", defaultValue = "${env:LIGHTSPEED_ECOM_API_KEY}", description = "eCom API key.")
  String apiKey;

  @Option(names = "--api-secret", defaultValue = "${env:LIGHTSPEED_ECOM_API_SECRET}", description = "eCom API secret.")
  String apiSecret;

  @Option(names = "--language", defaultValue = "en", description = "eCom shop language. Default: ${DEFAULT-VALUE}.")
  String language;

  @Option(names = "--domain-prefix", defaultValue = "${env:LIGHTSPEED_XSERIES_DOMAIN_PREFIX}",
      description = "X-Series: the retailer's domain prefix (mystore for mystore.retail.lightspeed.app).")
  String domainPrefix;

  @Option(names = "--token", defaultValue = "${env:LIGHTSPEED_XSERIES_TOKEN}",
      description = "X-Series: a personal token (Setup > Personal tokens in the web app); sent as a bearer token, never printed.")
  String token;

  @Option(names = "--db", defaultValue = "${env:LIGHTSPEED_SYNC_DB}",
      description = {"JDBC URL of the database (synced data, the write ledger, OAuth tokens) of one account: a database"
          + " that holds another account's data is refused (exit 5). Default: $LIGHTSPEED_SYNC_DB, else an H2 file in the"
          + " working directory, one per platform:", "  " + LightspeedSyncApp.DEFAULT_DB + " (retail)",
          "  " + "./lightspeed-sync-ecom and ./lightspeed-sync-xseries likewise"})
  @Nullable String db;

  @Option(names = "--read-only", description = "Never write to Lightspeed (SyncSettings.readOnly): a sync only reads anyway;"
      + " a write flow reports every valid line SUPPRESSED. A guarantee for scripts.")
  boolean readOnly;

  @Option(names = "--max-attempts", defaultValue = "5",
      description = "Attempts per request on 429, 5xx and connection faults (1 = no retries). Default: ${DEFAULT-VALUE}.")
  int maxAttempts;

  /** {@code --db}, else the platform's default database ({@link LightspeedSyncApp#defaultDb}). */
  String db() {
    return db != null ? db : LightspeedSyncApp.defaultDb(platform());
  }

  /** {@code --platform}, lower case: retail, ecom or xseries once {@link #check()} passed. */
  String platform() {
    return platform == null ? "" : platform.toLowerCase(Locale.ROOT);
  }

  boolean embedded() {
    return baseUrl == null;
  }

  /** Checks the values of these options; throws a usage {@link AppException} on the first bad one. */
  void check() {
    if (!SyncOptions.PLATFORMS.contains(platform())) {
      throw SyncOptions.usage("--platform must be retail, ecom or xseries");
    }
    if (domainPrefix != null && !DOMAIN_PREFIX.matcher(domainPrefix).matches()) {
      throw SyncOptions.usage("--domain-prefix must be the retailer's subdomain in lower case (letters, digits, '-'),"
          + " as in mystore for mystore.retail.lightspeed.app");
    }
    if (token != null && (token.isBlank() || token.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch < 0x20))) {
      throw SyncOptions.usage("--token must be a personal token without spaces");
    }
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw SyncOptions.usage("--max-attempts must be between 1 and 20");
    }
    if (baseUrl != null) {
      SyncOptions.checkBaseUrl(baseUrl);
    }
  }

  /**
   * With {@code --base-url}, the platform's credentials are required: a usage error naming the
   * missing options, as in {@code "a sync with --base-url needs --account-id, ..."}.
   *
   * @param what the command, as in "a sync" or "a write flow"
   * @param hint appended to the message (may be empty)
   */
  void requireCredentials(String what, String hint) {
    if (baseUrl == null) {
      return;
    }
    List<String> missing = new ArrayList<>();
    switch (platform()) {
      case "xseries" -> {
        addIfNull(missing, domainPrefix, "--domain-prefix");
        addIfNull(missing, token, "--token");
      }
      case "ecom" -> {
        addIfNull(missing, apiKey, "--api-key");
        addIfNull(missing, apiSecret, "--api-secret");
      }
      default -> {
        addIfNull(missing, accountId, "--account-id");
        addIfNull(missing, clientId, "--client-id");
        addIfNull(missing, clientSecret, "--client-secret");
        addIfNull(missing, refreshToken, "--refresh-token");
      }
    }
    if (!missing.isEmpty()) {
      throw SyncOptions.usage(what + " with --base-url needs " + String.join(", ", missing) + hint);
    }
  }

  private static void addIfNull(List<String> missing, Object value, String option) {
    if (value == null) {
      missing.add(option);
    }
  }

  /** The R-Series account's key in the token store and the run lock. */
  String retailAccountKey() {
    return "retail:" + accountId;
  }

  /**
   * An R-Series client for {@code --base-url}, its OAuth tokens kept in {@code pool} (rotated pairs
   * survive the process).
   */
  RetailClient.Builder retailClient(ConnectionPool pool) {
    TokenPair given = TokenPair.withoutExpiry(accessToken != null ? accessToken : "none", refreshToken);
    JdbcTokenStore tokens = JdbcTokenStore.open(pool, retailAccountKey(), given, Clock.systemUTC());
    return RetailClient.builder().accountId(accountId).baseUrl(withSlash(baseUrl))
        .oauth(OauthClientCredentials.of(clientId, clientSecret), tokens)
        .retry(RetryConfig.defaults().withMaxAttempts(maxAttempts));
  }

  /** An eCom client for {@code --base-url}. */
  EcomClient.Builder ecomClient() {
    return EcomClient.builder().baseUrl(withSlash(baseUrl)).language(language).credentials(apiKey, apiSecret)
        .retry(RetryConfig.defaults().withMaxAttempts(maxAttempts));
  }

  /** A stable, non-secret key of the eCom shop and language at {@code --base-url} (checkpoints, run lock). */
  String ecomShopKey() {
    return JdbcTokenStore.fingerprint(withSlash(baseUrl) + "|" + apiKey) + ":" + language;
  }

  /** An X-Series client for {@code --base-url} with the personal token. */
  XSeriesClient.Builder xseriesClient() {
    return XSeriesClient.builder().domainPrefix(domainPrefix).baseUrl(withSlash(baseUrl)).personalToken(token)
        .retry(RetryConfig.defaults().withMaxAttempts(maxAttempts));
  }

  static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
