package dev.lightspeedsync.testkit.internal;

import dev.lightspeedsync.testkit.TimeSource;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * X-Series authorization: a personal token, and OAuth authorization codes (single use, 10 minutes)
 * exchanged at {@code /api/1.0/token} for access tokens with refresh tokens that rotate: a refresh
 * revokes the refresh token it used (documented 2025-03). Tokens are random.
 */
public final class XOAuth {
  /** Authorization codes live this long (documented: 10 minutes). */
  public static final long CODE_TTL_SECONDS = 600;

  private record Code(String redirectUri, long expiresAtMillis) {}

  /** An issued token pair. */
  public record Issued(String accessToken, String refreshToken, long expiresIn, Instant expiresAt) {}

  private final TimeSource clock;
  public final String personalToken;
  public final String clientId;
  public final String clientSecret;
  public final String redirectUri = "http://127.0.0.1/callback";
  private final long ttlSeconds;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Long> access = new ConcurrentHashMap<>();
  private final Map<String, Boolean> refresh = new ConcurrentHashMap<>();
  private final Issued initial;
  private long refreshes;

  public XOAuth(TimeSource clock, long seed, long ttlSeconds) {
    this.clock = clock;
    this.ttlSeconds = ttlSeconds;
    this.personalToken = "lsxs_pt_" + token(24);
    this.clientId = "testkit-xs-" + Long.toHexString(Hashing.mix(seed ^ 0x5eed) & 0xffffffL);
    this.clientSecret = token(24);
    this.initial = issue();
  }

  private String token(int chars) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  public Issued initial() {
    return initial;
  }

  private synchronized Issued issue() {
    long now = clock.now().toEpochMilli();
    String a = token(40);
    String r = token(40);
    access.put(a, now + ttlSeconds * 1000);
    refresh.put(r, Boolean.TRUE);
    return new Issued(a, r, ttlSeconds, Instant.ofEpochMilli(now + ttlSeconds * 1000));
  }

  public synchronized String newCode(String redirect) {
    String c = token(40);
    codes.put(c, new Code(redirect, clock.now().toEpochMilli() + CODE_TTL_SECONDS * 1000));
    return c;
  }

  /** Exchanges a code: null when it is unknown, used, expired or was issued for another redirect URI. */
  public synchronized Issued exchange(String code, String redirect) {
    Code c = code == null ? null : codes.remove(code);
    if (c == null || clock.now().toEpochMilli() >= c.expiresAtMillis() || !c.redirectUri().equals(redirect)) {
      return null;
    }
    return issue();
  }

  /** Redeems a refresh token, revoking it: null when it is unknown or was already used. */
  public synchronized Issued refresh(String token) {
    if (token == null || !refresh.replace(token, Boolean.TRUE, Boolean.FALSE)) {
      return null;
    }
    refreshes++;
    return issue();
  }

  public synchronized long refreshCount() {
    return refreshes;
  }

  public boolean isRefreshTokenActive(String token) {
    return Boolean.TRUE.equals(refresh.get(token));
  }

  /** Which application a bearer token belongs to ("personal" or the client id), or null when it is not valid now. */
  public String application(String bearer) {
    if (bearer == null) {
      return null;
    }
    if (bearer.equals(personalToken)) {
      return "personal";
    }
    Long exp = access.get(bearer);
    return exp != null && clock.now().toEpochMilli() < exp ? clientId : null;
  }

  public synchronized void expireAccessTokens() {
    access.replaceAll((k, v) -> 0L);
  }
}
