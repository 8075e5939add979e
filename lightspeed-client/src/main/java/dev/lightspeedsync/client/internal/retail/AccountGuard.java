package dev.lightspeedsync.client.internal.retail;

import dev.lightspeedsync.client.internal.http.Transport;
import dev.lightspeedsync.client.internal.http.Bodies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.internal.http.ErrorMapper;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.retail.AccountNotReachableException;
import dev.lightspeedsync.client.retail.model.Account;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Checks that a freshly issued token reaches the configured account before the pair is saved
 * under it. The token's {@code acct} claim answers without using the token (so the old refresh
 * token stays valid when the check fails); a token without the claim is checked with
 * {@code GET /API/V3/Account.json}, once per client. Thread-safe.
 */
public final class AccountGuard {
  private final long accountId;
  private final OkHttpClient http;
  private final HttpUrl accountsUrl;
  private final ObjectMapper mapper;
  private volatile boolean verifiedByApi;

  public AccountGuard(long accountId, OkHttpClient http, HttpUrl accountsUrl, ObjectMapper mapper) {
    this.accountId = accountId;
    this.http = http;
    this.accountsUrl = accountsUrl;
    this.mapper = mapper;
  }

  /** Throws {@link AccountNotReachableException} when {@code fresh} does not reach the account. */
  public void verify(TokenPair fresh) {
    OptionalLong acct = JwtClaims.account(fresh.accessToken());
    if (acct.isPresent()) {
      if (acct.getAsLong() != accountId) {
        throw new AccountNotReachableException(accountId, List.of(Account.builder().id(acct.getAsLong()).build()), fresh,
            false);
      }
      return;
    }
    if (verifiedByApi) {
      return;
    }
    List<Account> reachable = accounts(http, accountsUrl, mapper, fresh.accessToken());
    if (reachable.stream().noneMatch(a -> a.id() == accountId)) {
      throw new AccountNotReachableException(accountId, reachable, fresh, true);
    }
    verifiedByApi = true;
  }

  /**
   * Explains a 403 of an account-scoped call: when the access token's {@code acct} claim names
   * another account, the account id is wrong (not a missing scope), so that is what is thrown.
   * Otherwise {@code e} is rethrown unchanged.
   */
  public RuntimeException explain(AuthenticationException e, String accessToken) {
    if (e.statusCode() != 403) {
      return e;
    }
    OptionalLong acct = JwtClaims.account(accessToken);
    if (acct.isPresent() && acct.getAsLong() != accountId) {
      return new AccountNotReachableException(accountId, List.of(Account.builder().id(acct.getAsLong()).build()), null,
          false);
    }
    return e;
  }

  /** {@code GET Account.json} with {@code accessToken}: the accounts it reaches. */
  public static List<Account> accounts(OkHttpClient http, HttpUrl accountsUrl, ObjectMapper mapper, String accessToken) {
    RequestSpec spec = new RequestSpec("GET", accountsUrl, null, BigDecimal.ONE, "GET Account", true);
    Request request = new Request.Builder().url(accountsUrl).get()
        .header("Authorization", "Bearer " + accessToken)
        .header("Accept", "application/json")
        .build();
    try (Response response = http.newCall(request).execute()) {
      String text = Bodies.text(response, spec.describe());
      if (!response.isSuccessful()) {
        throw ErrorMapper.map(spec, response.code(), response.header("Cf-Ray"), text, null);
      }
      JsonNode root = mapper.readTree(text.isBlank() ? "{}" : text);
      return List.copyOf(Envelope.records(mapper, root, "Account", Account.class, spec));
    } catch (IOException e) {
      throw new LightspeedConnectionException(spec.describe() + " failed without a complete response ("
          + e.getClass().getSimpleName() + ")", Transport.kindOf(e, false), 0, null, null, false, e);
    }
  }
}
