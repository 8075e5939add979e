package dev.lightspeedsync.sync.spi;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One write to Lightspeed that must happen exactly once: a stock booking or an order export, keyed
 * by its idempotency key. Recorded (claimed) before the write; {@link #externalId()} is filled by
 * {@code SyncSink.confirmInLedger} once Lightspeed confirmed it. An entry without an external id after
 * a crash must be reconciled with Lightspeed before any new attempt. Immutable, thread-safe.
 */
@Value.Immutable
public interface LedgerEntry extends WithLedgerEntry {
  LedgerKind kind();

  /** The idempotency key; unique per {@link #kind()}. */
  String key();

  /** What Lightspeed returned, for example the created sale's id; empty until confirmed. */
  Optional<String> externalId();

  /** True once the write was confirmed. */
  default boolean confirmed() {
    return externalId().isPresent();
  }

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
