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
    /** API-time millis of the redemptions of this token (for the 5-per-minute retry limit). */
    final java.util.ArrayDeque<Long> redemptions = new java.util.ArrayDeque<>();

    RefreshToken(String value) {
      this.value = value;
    }
  }

  private static final class AccessToken {
    final long expiresAtMillis;
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
    long now = clock.now().toEpochMilli();
    long iat = now / 1000;
    String header = b64("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"testkit\"}");
    String payload = b64("{\"iss\":\"https://cloud.lightspeedapp.com\",\"aud\":\"" + clientId + "\",\"jti\":\""
        + randomToken(12) + "\",\"iat\":" + iat + ",\"nbf\":" + iat + ",\"exp\":" + (iat + ttlSeconds)
        + ",\"sub\":\"1\",\"acct\":\"" + accountId + "\",\"scope\":\"employee:all\"}");
    String access = header + "." + payload + "." + randomToken(64);
    accessTokens.put(access, new AccessToken(now + ttlSeconds * 1000, redeemed));
    RefreshToken next = new RefreshToken("def50200" + randomToken(48));
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

  public synchronized boolean revoke(String refreshToken) {
    RefreshToken rt = refreshTokens.get(refreshToken);
    if (rt == null) {
      return false;
    }
    rt.revoked = true;
    return true;
  }

  public synchronized Check check(String bearer) {
    AccessToken at = bearer == null ? null : accessTokens.get(bearer);
    if (at == null) {
      return new Check(false, "Access token could not be verified");
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
    accessTokens.replaceAll((k, v) -> new AccessToken(0, v.redeemed));
  }

  public synchronized boolean isRefreshTokenActive(String refreshToken) {
    RefreshToken rt = refreshTokens.get(refreshToken);
    return rt != null && !rt.revoked;
  }
}
