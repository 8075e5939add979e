package dev.lightspeedsync.client.auth;

import java.util.Optional;

/**
 * Where a host keeps an account's OAuth tokens. Because R-Series refresh tokens rotate, the client
 * hands every new pair to {@link #save(TokenPair)} <em>before</em> it uses the new access token;
 * a pair lost between the refresh and the save would break the connection until the user
 * re-authorises.
 *
 * <p>The client serialises refreshes within one process. If several processes share an account,
 * implement {@link #load()} to read the shared store, so that a process that lost a refresh race
 * picks up the pair another process saved.
 *
 * <p><b>Durability.</b> {@link #save(TokenPair)} must be durable when it returns: the client uses
 * the new access token, and Lightspeed has already revoked the old refresh token, right after the
 * call. A save that returned but is lost when the process is killed ({@code kill -9}) leaves only a
 * revoked refresh token, and the account needs re-authorisation. Commit before returning, on a
 * store that flushes commits (not H2 with its default {@code WRITE_DELAY}, not a cache that writes
 * behind).
 *
 * <p>Implementations must be thread-safe.
 */
public interface TokenStore {
  /** The newest pair saved, if any. */
  Optional<TokenPair> load();

  /**
   * Persists {@code pair} so that it survives the process being killed once this returns; throw to
   * abort the refresh (the new token is then not used).
   */
  void save(TokenPair pair);

  /** A store that keeps the pair in memory only: rotated tokens are lost when the process exits. */
  static TokenStore inMemory(TokenPair initial) {
    return new InMemoryTokenStore(initial);
  }
}
