package dev.lightspeedsync.testkit.internal;

import dev.lightspeedsync.testkit.TimeSource;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The R-Series OAuth server: rotating refresh tokens and expiring access tokens (JWT-shaped, with
 * the {@code acct} claim). Tokens are random (not derived from the data seed).
 */
public final class OAuth {
  /** State of one refresh token. */
  private static final class RefreshToken {
    final String value;
    volatile boolean revoked;
    /** Access tokens issued by redeeming this refresh token; the first use of one revokes it. */
    final List<String> issuedFrom = new ArrayList<>();
    /** The access token issued together with this refresh token (revoked with it). */
    volatile String pairedAccess;
    /** The scopes granted, carried into every access token redeemed from this token. */
    volatile String scope = "employee:all";
    /** API-time millis of the redemptions of this token (for the 5-per-minute retry limit). */
    final java.util.ArrayDeque<Long> redemptions = new java.util.ArrayDeque<>();

    RefreshToken(String value) {
      this.value = value;
    }
  }

  private static final class AccessToken {
    final long expiresAtMillis;
    /** Revoked with the refresh token issued alongside it. */
    volatile boolean revoked;
    /** The refresh token that was redeemed to get this access token (null for the initial one). */
    final RefreshToken redeemed;
    volatile boolean used;

    AccessToken(long expiresAtMillis, RefreshToken redeemed) {
      this.expiresAtMillis = expiresAtMillis;
      this.redeemed = redeemed;
    }
  }

  /** Result of checking a bearer token: null hint means valid. */
  public record Check(boolean valid, String hint) {}

  /** A token response. */
  public record Issued(String accessToken, String refreshToken, long expiresIn, java.time.Instant expiresAt) {}

  /** The redirect URI registered for the testkit's OAuth client (HTTPS, as Lightspeed requires). */
  public static final String REDIRECT_URI = "https://localhost/lightspeed/callback";

  private final TimeSource clock;
  private final long accountId;
  public final String clientId;
  public final String clientSecret;
  private final long ttlSeconds;
  private final boolean strict;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
  private final Issued initial;
  private volatile int refreshCount;

  public OAuth(TimeSource clock, long accountId, long seed, long ttlSeconds, boolean strict) {
    this.clock = clock;
    this.accountId = accountId;
    this.clientId = "testkit-client-" + Long.toHexString(Hashing.mix(seed) & 0xffffffL);
    this.clientSecret = randomToken(24);
    this.ttlSeconds = ttlSeconds;
    this.strict = strict;
    this.initial = issue(null);
  }

  public Issued initial() {
    return initial;
  }

  public int refreshCount() {
    return refreshCount;
  }

  private String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private synchronized Issued issue(RefreshToken redeemed) {
    return issue(redeemed, redeemed == null ? "employee:all" : redeemed.scope);
  }

  private synchronized Issued issue(RefreshToken redeemed, String scope) {
    long now = clock.now().toEpochMilli();
    long iat = now / 1000;
    String header = b64("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"testkit\"}");
    String payload = b64("{\"iss\":\"https://cloud.lightspeedapp.com\",\"aud\":\"" + clientId + "\",\"jti\":\""
        + randomToken(12) + "\",\"iat\":" + iat + ",\"nbf\":" + iat + ",\"exp\":" + (iat + ttlSeconds)
        + ",\"sub\":\"1\",\"acct\":\"" + accountId + "\",\"scope\":\"" + scope + "\"}");
    String access = header + "." + payload + "." + randomToken(64);
    accessTokens.put(access, new AccessToken(now + ttlSeconds * 1000, redeemed));
    RefreshToken next = new RefreshToken("def50200" + randomToken(48));
    next.pairedAccess = access;
    next.scope = scope;
    refreshTokens.put(next.value, next);
    if (redeemed != null) {
      redeemed.issuedFrom.add(access);
      if (strict) {
        redeemed.revoked = true;
      }
    }
    return new Issued(access, next.value, ttlSeconds, java.time.Instant.ofEpochMilli(now + ttlSeconds * 1000));
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** At most this many redemptions of one refresh token per minute (documented since 2026-01-15). */
  public static final int REDEMPTIONS_PER_MINUTE = 5;

  /** Outcome of a refresh: tokens, or why not. */
  public record Refresh(Issued issued, boolean invalid, long retryAfterSeconds) {}

  /** Redeems a refresh token: invalid when unknown or revoked, throttled past 5 tries a minute. */
  public synchronized Refresh refresh(String refreshToken) {
    RefreshToken rt = refreshTokens.get(refreshToken);
    if (rt == null || rt.revoked) {
      return new Refresh(null, true, 0);
    }
    long now = clock.now().toEpochMilli();
    while (!rt.redemptions.isEmpty() && rt.redemptions.peekFirst() <= now - 60_000) {
      rt.redemptions.removeFirst();
    }
    if (rt.redemptions.size() >= REDEMPTIONS_PER_MINUTE) {
      long wait = (rt.redemptions.peekFirst() + 60_000 - now + 999) / 1000;
      return new Refresh(null, false, Math.max(1, wait));
    }
    rt.redemptions.addLast(now);
    refreshCount++;
    return new Refresh(issue(rt), false, 0);
  }

  /** Revokes a refresh token and the access token issued with it (documented: both stop working). */
  public synchronized boolean revoke(String refreshToken) {
    RefreshToken rt = refreshTokens.get(refreshToken);
    if (rt == null) {
      return false;
    }
    rt.revoked = true;
    AccessToken at = rt.pairedAccess == null ? null : accessTokens.get(rt.pairedAccess);
    if (at != null) {
      at.revoked = true;
    }
    return true;
  }

  // ------------------------------------------------------------------ authorization codes

  /** Authorization codes are valid for 60 seconds of API time (documented). */
  public static final long CODE_TTL_SECONDS = 60;

  /** The documented R-Series scopes. */
  public static final java.util.Set<String> SCOPES = java.util.Set.of("employee:all", "employee:admin",
      "employee:admin_employees", "employee:admin_inventory", "employee:admin_purchases", "employee:admin_shops",
      "employee:admin_void_sale", "employee:categories", "employee:customers", "employee:customers_read",
      "employee:customers_view_gift_card_numbers", "employee:inventory", "employee:inventory_counts",
      "employee:inventory_counts_reconcile", "employee:inventory_read", "employee:manufacturers",
      "employee:product_cost", "employee:product_edit", "employee:purchase_orders", "employee:register",
      "employee:register_layaway", "employee:register_read", "employee:register_refund", "employee:reports",
      "employee:special_orders", "employee:tags", "employee:transfers", "employee:vendors", "employee:vendor_returns",
      "employee:workbench");

  private record Code(String scope, String challenge, String method, long expiresAtMillis) {}

  private final Map<String, Code> codes = new ConcurrentHashMap<>();

  /** Issues a single-use authorization code for a consent to {@code scope} (space-separated). */
  public synchronized String authorize(String scope, String codeChallenge, String challengeMethod) {
    String code = "def502" + randomToken(40);
    codes.put(code, new Code(scope, codeChallenge, challengeMethod,
        clock.now().toEpochMilli() + CODE_TTL_SECONDS * 1000));
    return code;
  }

  /** Outcome of a code exchange: tokens, or the OAuth error and its description. */
  public record Exchange(Issued issued, String error, String description) {}

  /** Redeems an authorization code once; checks its expiry and the PKCE verifier. */
  public synchronized Exchange exchange(String code, String codeVerifier) {
    Code c = code == null ? null : codes.remove(code);
    if (c == null) {
      return new Exchange(null, "invalid_grant", "The authorization code is invalid or was already used.");
    }
    if (clock.now().toEpochMilli() >= c.expiresAtMillis()) {
      return new Exchange(null, "invalid_grant", "The authorization code has expired.");
    }
    if (c.challenge() != null && !c.challenge().isEmpty()) {
      if (codeVerifier == null || codeVerifier.isEmpty()) {
        return new Exchange(null, "invalid_request", "Check the `code_verifier` parameter: it is required for a code"
            + " issued with a code_challenge");
      }
      String expected = "plain".equals(c.method()) ? codeVerifier : s256(codeVerifier);
      if (!expected.equals(c.challenge())) {
        return new Exchange(null, "invalid_grant", "Failed to verify `code_verifier`.");
      }
    }
    return new Exchange(issue(null, c.scope()), null, null);
  }

  static String s256(String verifier) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public synchronized Check check(String bearer) {
    AccessToken at = bearer == null ? null : accessTokens.get(bearer);
    if (at == null) {
      return new Check(false, "Access token could not be verified");
    }
    if (at.revoked) {
      return new Check(false, "Access token has been revoked");
    }
    if (clock.now().toEpochMilli() >= at.expiresAtMillis) {
      return new Check(false, "Access token could not be verified");
    }
    if (!at.used) {
      at.used = true;
      if (at.redeemed != null) {
        // Deferred revocation: the old refresh token dies when the new access token is first used.
        at.redeemed.revoked = true;
      }
    }
    return new Check(true, null);
  }

  /** Makes every issued access token expire now (to test refresh-on-401). */
  public synchronized void expireAccessTokens() {
    accessTokens.replaceAll((k, v) -> {
      AccessToken expired = new AccessToken(0, v.redeemed);
      expired.revoked = v.revoked;
      return expired;
    });
  }

  public synchronized boolean isRefreshTokenActive(String refreshToken) {
    RefreshToken rt = refreshTokens.get(refreshToken);
    return rt != null && !rt.revoked;
  }
}
