package dev.lightspeedsync.sync.spi;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One write to Lightspeed that must happen exactly once: a stock booking or an order export, keyed
 * by its idempotency key. Immutable, thread-safe.
 */
@Value.Immutable
public interface LedgerEntry extends WithLedgerEntry {
  LedgerKind kind();

  /** The idempotency key; unique per {@link #kind()}. */
  String key();

  /** What Lightspeed returned, for example the created sale's id, once known. */
  Optional<String> externalId();

  Instant recordedAt();

  static LedgerEntry of(LedgerKind kind, String key, Instant recordedAt) {
    return ImmutableLedgerEntry.builder().kind(kind).key(key).recordedAt(recordedAt).build();
  }

  @Value.Check
  default void check() {
    if (key().isBlank()) {
      throw new IllegalStateException("LedgerEntry.key must not be blank");
    }
  }
}
