package dev.lightspeedsync.client.retail;

import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.retail.model.Account;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The token does not reach the account the client was built for: the account id is wrong (a typo,
 * another shop's id) or the user authorised another account. Thrown before a rotated token pair
 * is saved under that account, so the store of the wrong account never receives it and the
 * refresh token of the right one is not overwritten. Also thrown instead of a plain 403 ("lacks
 * the scope") when a call is refused and the access token names another account.
 *
 * <p>{@link #reachableAccounts()} lists the accounts the token reaches. When the check had to use
 * the new access token ({@link #oldRefreshTokenMayBeSpent()}: Lightspeed revokes the old refresh
 * token once a new access token is used), {@link #rotatedTokens()} holds the new pair: save it for
 * the right account, or it is lost. When the account was read from the token itself, the old
 * refresh token stays valid and the new pair may be dropped.
 *
 * <p>Immutable. The message and {@link #toString()} never contain a token.
 */
public final class AccountNotReachableException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  private final long accountId;
  private final List<Account> reachable;
  private final transient @Nullable TokenPair rotated;
  private final boolean spent;

  /** Creates the exception; used by the client, public so tests of host code can build one. */
  public AccountNotReachableException(long accountId, List<Account> reachable, @Nullable TokenPair rotated,
      boolean oldRefreshTokenMayBeSpent) {
    super(message(accountId, reachable, oldRefreshTokenMayBeSpent), 403, null, null, false, null);
    this.accountId = accountId;
    this.reachable = List.copyOf(Objects.requireNonNull(reachable, "reachable == null"));
    this.rotated = rotated;
    this.spent = oldRefreshTokenMayBeSpent;
  }

  private static String message(long accountId, List<Account> reachable, boolean spent) {
    String names = reachable.isEmpty() ? "no account" : reachable.stream()
        .map(a -> a.id() + a.name().map(n -> " (" + n + ")").orElse(""))
        .collect(Collectors.joining(", "));
    return "the OAuth token does not reach account " + accountId + "; it reaches " + names
        + ". Check the account id. The rotated tokens were not saved under account " + accountId
        + (spent ? "; the old refresh token may be spent, so save rotatedTokens() for the account the token reaches"
            : "; the refresh token you have stays valid");
  }

  /** The account id the client was configured with. */
  public long accountId() {
    return accountId;
  }

  /** The accounts the token can reach (normally one). */
  public List<Account> reachableAccounts() {
    return reachable;
  }

  /** The new pair Lightspeed issued during the refresh, if any; keep it secret. */
  public Optional<TokenPair> rotatedTokens() {
    return Optional.ofNullable(rotated);
  }

  /** True when the new access token was used for the check, so the old refresh token may be revoked. */
  public boolean oldRefreshTokenMayBeSpent() {
    return spent;
  }
}
