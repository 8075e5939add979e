package dev.lightspeedsync.client.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link TokenStore} in memory; see {@link TokenStore#inMemory(TokenPair)}. Thread-safe. */
final class InMemoryTokenStore implements TokenStore {
  private final AtomicReference<TokenPair> current;

  InMemoryTokenStore(TokenPair initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial == null"));
  }

  @Override
  public Optional<TokenPair> load() {
    return Optional.of(current.get());
  }

  @Override
  public void save(TokenPair pair) {
    current.set(Objects.requireNonNull(pair, "pair == null"));
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore{" + current.get() + "}";
  }
}
