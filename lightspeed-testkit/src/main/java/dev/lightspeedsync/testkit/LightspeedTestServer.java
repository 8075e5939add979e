package dev.lightspeedsync.testkit;

import dev.lightspeedsync.testkit.internal.EcomApi;
import dev.lightspeedsync.testkit.internal.EcomLimiter;
import dev.lightspeedsync.testkit.internal.EcomMutations;
import dev.lightspeedsync.testkit.internal.EcomStore;
import dev.lightspeedsync.testkit.internal.EcomWebhooks;
import dev.lightspeedsync.testkit.internal.FaultInjector;
import dev.lightspeedsync.testkit.internal.HttpCore;
import dev.lightspeedsync.testkit.internal.LeakyBucket;
import dev.lightspeedsync.testkit.internal.OAuth;
import dev.lightspeedsync.testkit.internal.OAuthApi;
import dev.lightspeedsync.testkit.internal.RequestStats;
import dev.lightspeedsync.testkit.internal.RetailApi;
import dev.lightspeedsync.testkit.internal.RetailMutations;
import dev.lightspeedsync.testkit.internal.RetailStore;
import dev.lightspeedsync.testkit.internal.XApi;
import dev.lightspeedsync.testkit.internal.XLimiter;
import dev.lightspeedsync.testkit.internal.XMutations;
import dev.lightspeedsync.testkit.internal.XOAuth;
import dev.lightspeedsync.testkit.internal.XStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;

/**
 * A fake Lightspeed server (R-Series V3, its OAuth token endpoint, eCom/C-Series and X-Series) on a loopback
 * port, serving seeded data generated on demand. Start it with {@link #start(TestkitConfig)}, point
 * the client at {@link #retailApiRoot()} / {@link #ecomBaseUrl()} with
 * {@link #retailCredentials()} / {@link #ecomCredentials()}, then assert with {@link #inspect()} and
 * the ground truth in {@link #retail()} and {@link #ecom()}. In JUnit 5 use
 * {@link LightspeedTestkitExtension}.
 *
 * <p>One port serves everything: {@code /API/V3/...} (R-Series), {@code /auth/oauth/authorize},
 * {@code /token} and {@code /revoke}, {@code /{lang}/...} (eCom), and {@code /api/...},
 * {@code /connect} (X-Series; see {@link #xseriesOrigin()} and {@link #xseries()}).
 *
 * <p>Thread-safe: serve any number of concurrent clients. Close it to free the port.
 */
public final class LightspeedTestServer implements AutoCloseable {
  private final TestkitConfig config;
  private final HttpCore http;
  private final OAuth oauth;
  private final OAuthApi oauthApi;
  private final FaultInjector faults;
  private final Inspection inspection;
  private final RetailData retail;
  private final EcomData ecom;
  private final EcomStore ecomStore;
  private final XOAuth xoauth;
  private final XSeriesData xseries;
  private final EcomWebhooks ecomWebhooks;
  private final URI origin;

  private LightspeedTestServer(TestkitConfig config) throws IOException {
    this.config = config;
    TimeSource clock = config.timeSource();
    RetailStore store = new RetailStore(config);
    RetailMutations mutations = new RetailMutations(store, clock);
    this.oauth = new OAuth(clock, config.accountId(), config.seed(), config.accessTokenTtl().getSeconds(),
        config.strictRefreshRotation());
    LeakyBucket bucket = new LeakyBucket(clock, config.bucketSize(), config.dripRate(), config.burstLimit());
    RetailApi retailApi = new RetailApi(store, mutations, oauth, bucket, clock.scale());
    this.ecomStore = new EcomStore(config);
    this.ecomWebhooks = new EcomWebhooks(ecomStore);
    EcomMutations ecomMutations = new EcomMutations(ecomStore, clock, ecomWebhooks);
    EcomLimiter ecomLimiter = new EcomLimiter(clock, config.ecomLimits(), config.ecomPerSecond());
    EcomApi ecomApi = new EcomApi(ecomStore, ecomMutations, ecomLimiter, config.ecomLanguages());
    XStore xstore = new XStore(config);
    XMutations xmutations = new XMutations(xstore, clock);
    this.xoauth = new XOAuth(clock, config.seed(), config.xseriesAccessTokenTtl().getSeconds());
    XLimiter xlimiter = new XLimiter(clock, config.xseriesRateLimit());
    XApi xapi = new XApi(xstore, xmutations, xoauth, xlimiter, config.xseriesDefaultPageSize(),
        config.xseriesMaxPageSize(), config.xseriesWalkChurn(), clock.scale());
    this.xseries = new XSeriesData(xstore, xmutations, xoauth, config.xseriesRateLimit());
    ecomWebhooks.renderer(ecomApi::render);
    RequestStats stats = new RequestStats();
    this.faults = new FaultInjector(config.faults());
    this.oauthApi = new OAuthApi(oauth);
    this.http = new HttpCore(config.port(), oauthApi, retailApi, ecomApi, xapi, faults, stats, clock);
    this.origin = URI.create("http://127.0.0.1:" + http.port());
    ecomWebhooks.origin(origin.toString());
    this.inspection = new Inspection(stats, bucket, ecomLimiter, oauth, xlimiter, xoauth);
    this.retail = new RetailData(store, mutations);
    this.ecom = new EcomData(ecomStore, ecomMutations, ecomWebhooks);
  }

  /** Starts a server with the given configuration on a loopback port. */
  public static LightspeedTestServer start(TestkitConfig config) {
    Objects.requireNonNull(config, "config == null");
    try {
      return new LightspeedTestServer(config);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the Lightspeed testkit server", e);
    }
  }

  /** Starts a server with {@link TestkitConfig#defaults()}. */
  public static LightspeedTestServer start() {
    return start(TestkitConfig.defaults());
  }

  /** The configuration the server was started with. */
  public TestkitConfig config() {
    return config;
  }

  /** The loopback port the server listens on. */
  public int port() {
    return http.port();
  }

  /** {@code http://127.0.0.1:<port>} (no trailing slash). */
  public URI origin() {
    return origin;
  }

  /**
   * {@code http://127.0.0.1:<port>/}, the counterpart of {@code https://api.lightspeedapp.com/}: the
   * R-Series API origin, under which the token endpoint also lives.
   */
  public URI retailBaseUrl() {
    return URI.create(origin + "/");
  }

  /** {@code http://127.0.0.1:<port>/API/V3/}, the counterpart of {@code https://api.lightspeedapp.com/API/V3/}. */
  public URI retailApiRoot() {
    return URI.create(origin + "/API/V3/");
  }

  /** {@code http://127.0.0.1:<port>/API/V3/Account/<accountID>/}. */
  public URI retailAccountUrl() {
    return URI.create(origin + "/API/V3/Account/" + config.accountId() + "/");
  }

  /** {@code http://127.0.0.1:<port>/auth/oauth/token}: same origin, as the client defaults to. */
  public URI tokenUrl() {
    return URI.create(origin + "/auth/oauth/token");
  }

  /** {@code http://127.0.0.1:<port>/}, the counterpart of {@code https://api.webshopapp.com/}; append {@code <lang>/...}. */
  public URI ecomBaseUrl() {
    return URI.create(origin + "/");
  }

  /**
   * {@code http://127.0.0.1:<port>/}, the counterpart of {@code https://{domain_prefix}.retail.lightspeed.app/}:
   * X-Series paths are {@code api/2.0/...}, {@code api/2.1/products/...}, {@code api/1.0/token} and
   * {@code api/register_sales} under it. The domain prefix is not part of routing.
   */
  public URI xseriesOrigin() {
    return URI.create(origin + "/");
  }

  /** {@code http://127.0.0.1:<port>/api/2.0/}. */
  public URI xseriesApiRoot() {
    return URI.create(origin + "/api/2.0/");
  }

  /** {@code http://127.0.0.1:<port>/api/1.0/token}, the X-Series OAuth token endpoint. */
  public URI xseriesTokenUrl() {
    return URI.create(origin + "/api/1.0/token");
  }

  /**
   * {@code http://127.0.0.1:<port>/connect}, the counterpart of {@code https://secure.retail.lightspeed.app/connect}:
   * it approves at once and redirects to the registered redirect URI with {@code code}, {@code domain_prefix}
   * and {@code state}.
   */
  public URI xseriesConnectUrl() {
    return URI.create(origin + "/connect");
  }

  /** The X-Series personal token, OAuth application and the OAuth token pair issued at start. */
  public XSeriesCredentials xseriesCredentials() {
    XOAuth.Issued i = xoauth.initial();
    return new XSeriesCredentials(xseries.domainPrefix(), xoauth.personalToken, xoauth.clientId, xoauth.clientSecret,
        xoauth.redirectUri, i.accessToken(), i.refreshToken(), i.expiresIn(), i.expiresAt());
  }

  /** Ground truth and mutations of the X-Series retailer. */
  public XSeriesData xseries() {
    return xseries;
  }

  /** The client id/secret and the initial access/refresh token pair. */
  public RetailCredentials retailCredentials() {
    OAuth.Issued i = oauth.initial();
    return new RetailCredentials(config.accountId(), oauth.clientId, oauth.clientSecret, i.accessToken(),
        i.refreshToken(), i.expiresIn(), i.expiresAt());
  }

  /**
   * {@code http://127.0.0.1:<port>/auth/oauth/authorize}, the counterpart of
   * {@code https://cloud.lightspeedapp.com/auth/oauth/authorize}. A GET with the documented
   * parameters consents at once and answers 302 to {@link #retailRedirectUri()} with {@code code}
   * and {@code state}; the code is valid for 60 seconds of API time and once.
   */
  public URI retailAuthorizeUrl() {
    return URI.create(origin + "/auth/oauth/authorize");
  }

  /** The redirect URI registered for the testkit's R-Series OAuth client. */
  public URI retailRedirectUri() {
    return URI.create(OAuth.REDIRECT_URI);
  }

  /**
   * Plays the user who opens {@code authorizeUrl} (as built by a client) and consents: returns the
   * URL the browser would be redirected to, {@code <redirect URI>?code=...&state=...}. Same checks
   * as the HTTP endpoint (client id, scopes, PKCE challenge).
   *
   * @throws IllegalArgumentException with the OAuth error when the request is refused
   */
  public URI retailAuthorize(URI authorizeUrl) {
    Objects.requireNonNull(authorizeUrl, "authorizeUrl == null");
    java.util.Map<String, String> q = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<String, String> e : dev.lightspeedsync.testkit.internal.Req.parseQuery(
        authorizeUrl.getRawQuery())) {
      q.putIfAbsent(e.getKey(), e.getValue());
    }
    dev.lightspeedsync.testkit.internal.Resp r = oauthApi.authorize(q);
    if (r.status != 302) {
      throw new IllegalArgumentException("the authorization was refused: HTTP " + r.status + " "
          + new String(r.body, java.nio.charset.StandardCharsets.UTF_8));
    }
    return URI.create(r.headers.get("Location"));
  }

  /** The eCom API key, secret and default language. */
  public EcomCredentials ecomCredentials() {
    return new EcomCredentials(ecomStore.apiKey, ecomStore.apiSecret, config.ecomLanguages().get(0), ecomStore.shopId);
  }

  /** Request counters, rate-limit and token statistics. */
  public Inspection inspect() {
    return inspection;
  }

  /** Ground truth and mutations of the R-Series account. */
  public RetailData retail() {
    return retail;
  }

  /** Ground truth and mutations of the eCom shop. */
  public EcomData ecom() {
    return ecom;
  }

  /** The server's clock (API time). */
  public TimeSource clock() {
    return config.timeSource();
  }

  /** Makes the next R-Series/eCom request (token requests excluded) suffer {@code fault}. */
  public void injectNext(Fault fault) {
    faults.enqueue(Objects.requireNonNull(fault, "fault == null"), null);
  }

  /**
   * Makes the next request whose {@code "<METHOD> <raw path>"} starts with {@code requestPrefix}
   * suffer {@code fault}, e.g. {@code injectNext(Fault.APPLY_THEN_500, "PUT /API/V3/Account/123456/Item/")}.
   * Faults queue up: call it n times to fail n requests.
   */
  public void injectNext(Fault fault, String requestPrefix) {
    faults.enqueue(Objects.requireNonNull(fault, "fault == null"), Objects.requireNonNull(requestPrefix,
        "requestPrefix == null"));
  }

  /**
   * Expires every access token issued so far, R-Series and X-Series OAuth (the next API call gets
   * the documented 401); the X-Series personal token stays valid.
   */
  public void expireAccessTokens() {
    oauth.expireAccessTokens();
    xoauth.expireAccessTokens();
  }

  /** Stops the server and frees its port. */
  @Override
  public void close() {
    http.close();
    ecomWebhooks.close();
  }

  @Override
  public String toString() {
    return "LightspeedTestServer[" + origin + "]";
  }
}
