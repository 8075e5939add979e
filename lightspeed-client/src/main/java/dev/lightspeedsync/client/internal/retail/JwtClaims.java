package dev.lightspeedsync.client.internal.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Reads claims of an R-Series access token without using it. The token is a signed JWT whose
 * {@code acct} claim names the account it reaches; the signature is not checked here (the API does
 * that), the claim only tells the client which account a fresh token belongs to. Pure.
 */
public final class JwtClaims {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private JwtClaims() {}

  /** The {@code acct} claim; empty when the token is not a JWT or carries no account. */
  public static OptionalLong account(String accessToken) {
    String[] parts = accessToken.split("\\.", -1);
    if (parts.length != 3) {
      return OptionalLong.empty();
    }
    try {
      JsonNode payload = PLAIN.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      JsonNode acct = payload == null ? null : payload.get("acct");
      if (acct == null || !acct.isValueNode()) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Long.parseLong(acct.asText().trim()));
    } catch (RuntimeException | java.io.IOException e) {
      return OptionalLong.empty();
    }
  }
}
