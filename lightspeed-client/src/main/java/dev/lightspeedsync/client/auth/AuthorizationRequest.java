package dev.lightspeedsync.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One run of the OAuth authorization-code flow: the scopes asked for, the {@code state} that ties
 * the redirect back to this request (checked against CSRF), and the PKCE code verifier whose S256
 * challenge goes into the authorize URL. Keep it until the user comes back with the code, then
 * hand both to the token exchange.
 *
 * <p>{@link #create(Collection)} generates a random state and verifier. Immutable and thread-safe;
 * {@link #toString()} never shows the code verifier.
 */
public final class AuthorizationRequest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SCOPE = Pattern.compile("employee:[a-z_]+");
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9_-]{43,128}");

  private final List<String> scopes;
  private final String state;
  private final @Nullable String codeVerifier;

  private AuthorizationRequest(List<String> scopes, String state, @Nullable String codeVerifier) {
    this.scopes = scopes;
    this.state = state;
    this.codeVerifier = codeVerifier;
  }

  /**
   * A request for {@code scopes} (for example {@code employee:inventory}, {@code employee:register},
   * or {@code employee:all}) with a random state and a PKCE verifier.
   */
  public static AuthorizationRequest create(Collection<String> scopes) {
    return new AuthorizationRequest(checkScopes(scopes), random(24), random(48));
  }

  /**
   * A request with a given state and verifier, for example restored from the session that started
   * the flow.
   *
   * @param codeVerifier the PKCE verifier (43 to 128 characters of {@code A-Z a-z 0-9 - _}), or null
   *     to authorize without PKCE (allowed for server-side, confidential clients only)
   */
  public static AuthorizationRequest of(Collection<String> scopes, String state, @Nullable String codeVerifier) {
    Objects.requireNonNull(state, "state == null");
    if (state.isBlank()) {
      throw new IllegalArgumentException("state is blank");
    }
    if (codeVerifier != null && !VERIFIER.matcher(codeVerifier).matches()) {
      throw new IllegalArgumentException("the PKCE code verifier must be 43 to 128 characters of A-Z, a-z, 0-9, - and _");
    }
    return new AuthorizationRequest(checkScopes(scopes), state, codeVerifier);
  }

  private static List<String> checkScopes(Collection<String> scopes) {
    Objects.requireNonNull(scopes, "scopes == null");
    List<String> out = new ArrayList<>(new LinkedHashSet<>(scopes));
    if (out.isEmpty()) {
      throw new IllegalArgumentException("request at least one scope, for example employee:all");
    }
    for (String s : out) {
      if (s == null || !SCOPE.matcher(s).matches()) {
        throw new IllegalArgumentException("'" + s + "' is not an R-Series scope; scopes look like employee:inventory");
      }
    }
    return List.copyOf(out);
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The scopes asked for, in order, without duplicates. */
  public List<String> scopes() {
    return scopes;
  }

  /** The value the redirect must carry back unchanged. */
  public String state() {
    return state;
  }

  /** The PKCE code verifier, sent with the code exchange. Keep it secret. */
  public Optional<String> codeVerifier() {
    return Optional.ofNullable(codeVerifier);
  }

  /** The S256 PKCE challenge of {@link #codeVerifier()}: base64url(SHA-256(verifier)), no padding. */
  public Optional<String> codeChallenge() {
    return codeVerifier().map(AuthorizationRequest::s256);
  }

  static String s256(String verifier) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "AuthorizationRequest{scopes=" + scopes + ", state=" + state + ", pkce=" + (codeVerifier != null)
        + ", codeVerifier=<redacted>}";
  }
}
